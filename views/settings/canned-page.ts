/**
 * `/settings/canned`: the user's personal canned responses and the shared ones (editable by
 * supervisors and admins; read-only for agents), a form to add one, inline edit and delete with
 * confirmation. Variables are listed so writers know what `{{…}}` expands to.
 */
import { canEditCanned, type CannedResponse } from '../../src/core/canned';
import { hasRole } from '../../src/core/users';
import { html, type SafeHtml } from '../../src/lib/html';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { settingsNav } from './settings-nav';

export interface CannedPageState {
  ok?: string | null;
  /** Form that failed: 'new' or a response id, with field errors and the values sent. */
  failed?: { form: string; errors: Record<string, string>; message: string | null; values: Record<string, string> } | null;
}

const VARIABLES = ['{{contact.name}}', '{{contact.phone}}', '{{agent.name}}', '{{conversation.number}}'];

function fields(ctx: PageContext, v: Record<string, string>, e: Record<string, string>, id: string): SafeHtml {
  const t = ctx.t;
  return html`<label for="shortcut-${id}">${t('canned.shortcut')}</label>
    <div class="shortcut-input"><span>/</span><input id="shortcut-${id}" name="shortcut" value="${v.shortcut ?? ''}" required maxlength="30" pattern="[\\p{L}\\p{N}_\\-]+" ${e.shortcut ? html`aria-invalid="true"` : ''}></div>
    ${e.shortcut ? html`<small class="error">${e.shortcut}</small>` : ''}
    <label for="title-${id}">${t('canned.field_title')}</label><input id="title-${id}" name="title" value="${v.title ?? ''}" required maxlength="80">
    ${e.title ? html`<small class="error">${e.title}</small>` : ''}
    <label for="content-${id}">${t('canned.content')}</label><textarea id="content-${id}" name="content" rows="4" required maxlength="4096">${v.content ?? ''}</textarea>
    ${e.content ? html`<small class="error">${e.content}</small>` : ''}`;
}

/** The canned responses page. */
export function cannedPage(ctx: PageContext, list: CannedResponse[], state: CannedPageState = {}): SafeHtml {
  const t = ctx.t;
  const user = ctx.user!;
  const failed = state.failed;
  const row = (c: CannedResponse) => {
    const editable = canEditCanned(user, c);
    const mine = failed?.form === c.id;
    const v = mine ? failed!.values : { shortcut: c.shortcut, title: c.title, content: c.content };
    return html`<li class="canned-item" id="canned-${c.id}">
      <div class="canned-head"><code>/${c.shortcut}</code> <strong>${c.title}</strong> <span class="chip">${c.ownerId === null ? t('canned.shared') : t('canned.personal')}</span></div>
      <div class="canned-content">${c.content}</div>
      ${editable ? html`<details ${mine ? html`open` : ''}><summary class="small button">${t('canned.edit')}</summary>
        ${mine ? notice('error', failed!.message) : ''}
        <form method="post" action="/settings/canned/${c.id}" class="stack">${csrfField(ctx.csrfToken)}${fields(ctx, v, mine ? failed!.errors : {}, c.id)}
          <button type="submit" class="primary small">${t('canned.save')}</button></form>
        <form method="post" action="/settings/canned/${c.id}/delete" class="inline" onsubmit="return confirm(this.dataset.confirm)" data-confirm="${t('canned.delete_confirm', { shortcut: c.shortcut })}">${csrfField(ctx.csrfToken)}
          <button type="submit" class="small danger">${t('canned.delete')}</button></form></details>` : ''}
    </li>`;
  };
  const isNew = failed?.form === 'new';
  return layout(ctx, t('canned.title'), html`${settingsNav(ctx)}
  <section class="card"><h1>${t('canned.title')}</h1>
    <p class="muted">${t('canned.intro')}</p>
    ${notice('success', state.ok)}
    ${list.length === 0 ? html`<p class="muted">${t('canned.empty')}</p>` : html`<ul class="canned-list">${list.map(row)}</ul>`}
  </section>
  <section class="card"><h2>${t('canned.add')}</h2>
    ${isNew ? notice('error', failed!.message) : ''}
    <form method="post" action="/settings/canned" class="stack">${csrfField(ctx.csrfToken)}
      ${fields(ctx, isNew ? failed!.values : {}, isNew ? failed!.errors : {}, 'new')}
      ${hasRole(user.role, 'supervisor') ? html`<label><input type="checkbox" name="shared" value="true" ${isNew && failed!.values.shared ? html`checked` : ''}> ${t('canned.share')}</label>` : ''}
      <p class="hint">${t('canned.variables')}: ${VARIABLES.map((v) => html`<code>${v}</code> `)}</p>
      <button type="submit" class="primary">${t('canned.create')}</button>
    </form></section>`, { head: html`<link rel="stylesheet" href="/static/inbox-tools.css">` });
}
