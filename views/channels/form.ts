/** The WhatsApp channel form (add and edit). Secrets are password inputs; on edit, empty = keep. */
import { html, type SafeHtml } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import type { FormState } from '../auth';
import { csrfField, field, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { channelsHead, type PublicChannel } from './common';

const SECRETS = ['accessToken', 'appSecret', 'verifyToken'] as const;

/** Form values of an existing channel (secrets never included). */
export function channelFormValues(channel: PublicChannel): Record<string, string> {
  const c = channel.config as Record<string, unknown>;
  return {
    name: channel.name, phoneNumberId: String(c.phoneNumberId ?? ''), wabaId: String(c.wabaId ?? ''),
    graphUrl: String(c.graphUrl ?? ''), graphVersion: String(c.graphVersion ?? ''), rateLimitPerSecond: String(c.rateLimitPerSecond ?? ''),
  };
}

/** The fields of the channel form; `masked` (edit mode) shows the current secrets masked in the hints. */
export function channelFields(ctx: PageContext, state: FormState, masked?: PublicChannel['secrets']): SafeHtml {
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const text = (name: string, key: string, hint?: string, type = 'text') =>
    html`<div>${field({ name, label: ctx.t(`channels.field.${key}`), value: v[name], error: e[name], hint, type, required: true })}</div>`;
  const secret = (name: (typeof SECRETS)[number], key: string) => html`<div>${field({
    name, label: ctx.t(`channels.field.${key}`), type: 'password', error: e[name], required: !masked, autocomplete: 'new-password',
    hint: masked ? ctx.t('channels.hint.keep', { masked: masked[name] }) : ctx.t(`channels.hint.${key}`),
  })}</div>`;
  return html`
    ${text('name', 'name')}
    ${text('phoneNumberId', 'phone_number_id', ctx.t('channels.hint.phone_number_id'))}
    ${text('wabaId', 'waba_id')}
    ${secret('accessToken', 'access_token')}
    ${secret('appSecret', 'app_secret')}
    ${secret('verifyToken', 'verify_token')}
    ${text('graphUrl', 'graph_url', ctx.t('channels.hint.graph_url'), 'url')}
    ${text('graphVersion', 'graph_version')}
    ${text('rateLimitPerSecond', 'rate_limit', undefined, 'number')}`;
}

/** The "add a WhatsApp number" page. */
export function newChannelPage(ctx: PageContext, state: FormState = {}) {
  const values = { graphUrl: 'https://graph.facebook.com', graphVersion: 'v23.0', rateLimitPerSecond: '80', ...state.values };
  return layout(ctx, ctx.t('channels.new_title'), html`${adminNav(ctx)}
  <section class="card">
    <h1>${ctx.t('channels.new_title')}</h1>
    ${notice('error', state.message)}
    <form method="post" action="/admin/channels" class="stack grid-2" autocomplete="off">
      ${csrfField(ctx.csrfToken)}
      ${channelFields(ctx, { ...state, values })}
      <div><button type="submit" class="primary">${ctx.t('channels.create')}</button> <a href="/admin/channels">${ctx.t('channels.cancel')}</a></div>
    </form>
  </section>`, { head: channelsHead });
}
