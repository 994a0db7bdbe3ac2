/**
 * API tokens: `/settings/tokens` (your own: create with a name and scopes, rename, revoke; a new
 * token's secret is shown once) and `/admin/tokens` (admins: every user's tokens, revoke).
 * Each row shows the scopes, creation time and the last use with its address.
 */
import type { PublicApiToken } from '../../src/core/api-tokens';
import { API_SCOPES } from '../../src/db/schema/enums';
import { html, type SafeHtml } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { timeTag } from '../inbox/format';
import { layout } from '../layout';
import { settingsNav } from './settings-nav';

export interface TokensPageState {
  ok?: string | null;
  error?: string | null;
  /** The secret of the token just created (shown once). */
  created?: { name: string; token: string } | null;
}

function tokenRow(ctx: PageContext, token: PublicApiToken, owner: string | null, back: string): SafeHtml {
  const t = ctx.t;
  const revoked = token.revokedAt !== null;
  return html`<tr id="token-${token.id}" class="${revoked ? 'muted' : ''}">
    <td>${revoked || owner !== null ? token.name : html`<form method="post" action="/settings/tokens/${token.id}/rename" class="inline">${csrfField(ctx.csrfToken)}
      <input name="name" value="${token.name}" maxlength="100" required aria-label="${t('tokens.name')}"> <button type="submit" class="small">${t('tokens.rename')}</button></form>`}
      <br><code>${token.prefix}…</code></td>
    ${owner !== null ? html`<td>${owner}</td>` : ''}
    <td>${token.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</td>
    <td>${timeTag(t, token.createdAt, 'datetime')}</td>
    <td>${token.lastUsedAt ? html`${timeTag(t, token.lastUsedAt, 'datetime')}${token.lastUsedIp ? html` <small class="muted">${t('tokens.from_ip', { ip: token.lastUsedIp })}</small>` : ''}` : t('tokens.never_used')}</td>
    <td>${revoked ? html`${t('tokens.revoked')} ${timeTag(t, token.revokedAt!, 'datetime')}` : html`<form method="post" action="/settings/tokens/${token.id}/revoke" class="inline"
      onsubmit="return confirm(this.dataset.confirm)" data-confirm="${t('tokens.revoke_confirm', { name: token.name })}">${csrfField(ctx.csrfToken)}
      <input type="hidden" name="back" value="${back}"><button type="submit" class="small danger">${t('tokens.revoke')}</button></form>`}</td>
  </tr>`;
}

function tokenTable(ctx: PageContext, tokens: PublicApiToken[], owners: Map<string, string> | null, back: string): SafeHtml {
  const t = ctx.t;
  if (tokens.length === 0) return html`<p class="muted">${t('tokens.empty')}</p>`;
  return html`<table class="table tokens"><thead><tr><th>${t('tokens.name')}</th>${owners ? html`<th>${t('tokens.owner')}</th>` : ''}<th>${t('tokens.scopes')}</th>
    <th>${t('tokens.created')}</th><th>${t('tokens.last_used')}</th><th></th></tr></thead>
    <tbody>${tokens.map((tok) => tokenRow(ctx, tok, owners ? (owners.get(tok.userId) ?? '?') : null, back))}</tbody></table>`;
}

/** The signed-in user's tokens with the create form. */
export function tokensPage(ctx: PageContext, tokens: PublicApiToken[], state: TokensPageState = {}): SafeHtml {
  const t = ctx.t;
  const scopes = API_SCOPES.filter((s) => s !== 'admin' || ctx.user?.role === 'admin');
  return layout(ctx, t('tokens.title'), html`${settingsNav(ctx)}
  ${notice('success', state.ok)}${notice('error', state.error)}
  ${state.created ? html`<section class="card" id="new-token"><h2>${t('tokens.new_title')}: ${state.created.name}</h2>
    <p>${t('tokens.shown_once')}</p><input readonly class="mono" value="${state.created.token}" aria-label="${t('tokens.new_title')}" onfocus="this.select()"></section>` : ''}
  <section class="card"><h1>${t('tokens.title')}</h1><p class="muted">${t('tokens.intro')}</p>
    ${ctx.user?.role === 'admin' ? html`<p><a href="/admin/tokens">${t('tokens.see_all')}</a></p>` : ''}
    ${tokenTable(ctx, tokens, null, '/settings/tokens')}</section>
  <section class="card"><h2>${t('tokens.create')}</h2>
    <form method="post" action="/settings/tokens" class="stack">${csrfField(ctx.csrfToken)}
      <label for="f-token-name">${t('tokens.name')}</label><input id="f-token-name" name="name" required maxlength="100">
      <fieldset><legend>${t('tokens.scopes')}</legend>
        ${scopes.map((s) => html`<label><input type="checkbox" name="scopes" value="${s}" ${s === 'admin' ? '' : html`checked`}> ${t(`tokens.scope.${s}`)}</label>`)}
        <small class="hint">${t('tokens.scope_hint')}</small></fieldset>
      <button type="submit" class="primary">${t('tokens.create')}</button>
    </form></section>`);
}

/** Every user's tokens (admins). */
export function allTokensPage(ctx: PageContext, tokens: PublicApiToken[], owners: Map<string, string>, ok: string | null): SafeHtml {
  return layout(ctx, ctx.t('tokens.all_title'), html`${adminNav(ctx)}${notice('success', ok)}
  <section class="card"><h1>${ctx.t('tokens.all_title')}</h1>${tokenTable(ctx, tokens, owners, '/admin/tokens')}</section>`);
}
