/**
 * Admin → Outbound webhooks: the subscriptions with their state and a form to add one (the signing
 * secret is shown once, right after), and each subscription's page: edit, enable/disable, delete,
 * delivery log and replays.
 */
import type { WebhookDelivery } from '../../src/core/webhooks/deliveries';
import { WEBHOOK_EVENT_TYPES } from '../../src/core/webhooks/event-types';
import type { WebhookSubscription } from '../../src/core/webhooks/subscriptions';
import { html, type SafeHtml } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, field, notice } from '../components/form';
import type { PageContext } from '../context';
import { timeTag } from '../inbox/format';
import { layout } from '../layout';

const BASE = '/admin/outbound-webhooks';

export interface HookFormState {
  values?: { url?: string; events?: string[] };
  errors?: Record<string, string>;
}

type Subscription = Omit<WebhookSubscription, 'secretSealed'>;

function statusChip(ctx: PageContext, s: Subscription): SafeHtml {
  const status = s.active ? (s.consecutiveFailures > 0 ? 'failing' : 'active') : 'disabled';
  return html`<span class="chip status-${status}" data-status="${status}">${ctx.t(`outhooks.status.${status}`)}</span>`;
}

/** URL and event checkboxes (shared by the create and edit forms). */
function hookFields(ctx: PageContext, state: HookFormState): SafeHtml {
  const chosen = new Set(state.values?.events ?? []);
  const error = state.errors?.events;
  return html`${field({ name: 'url', label: ctx.t('outhooks.url'), type: 'url', value: state.values?.url, error: state.errors?.url, hint: ctx.t('outhooks.url_hint'), required: true })}
    <fieldset ${error ? html`aria-invalid="true" aria-describedby="f-events-error"` : ''}><legend>${ctx.t('outhooks.events')}</legend>
      <div class="checkbox-grid">${WEBHOOK_EVENT_TYPES.map((type) => html`<label class="checkbox"><input type="checkbox" name="events" value="${type}" ${chosen.has(type) ? html`checked` : ''}> <code>${type}</code></label>`)}</div>
      ${error ? html`<small class="error" id="f-events-error">${error}</small>` : ''}
    </fieldset>`;
}

/** The list page; `created` carries a new subscription's secret, shown this once. */
export function outboundHooksPage(ctx: PageContext, subscriptions: Subscription[], lastAttempts: Map<string, number>, state: HookFormState & { created?: { url: string; secret: string }; flash?: string | null } = {}): SafeHtml {
  return layout(ctx, ctx.t('outhooks.title'), html`${adminNav(ctx)}
  <section class="card"><h1>${ctx.t('outhooks.title')}</h1>
    <p class="muted">${ctx.t('outhooks.intro')}</p>
    ${notice('success', state.flash)}
    ${state.created ? html`<div class="notice success" role="status" id="new-secret"><p>${ctx.t('outhooks.created', { url: state.created.url })}</p>
      <p>${ctx.t('outhooks.secret_once')}</p><code class="wrap" data-secret>${state.created.secret}</code></div>` : ''}
    ${subscriptions.length === 0 ? html`<p>${ctx.t('outhooks.none')}</p>` : html`<div class="table-wrap"><table class="table">
      <thead><tr><th>${ctx.t('outhooks.url')}</th><th>${ctx.t('outhooks.events')}</th><th>${ctx.t('outhooks.state')}</th><th>${ctx.t('outhooks.last_delivery')}</th></tr></thead>
      <tbody>${subscriptions.map((s) => html`<tr data-webhook="${s.id}"><td><a href="${BASE}/${s.id}"><code class="wrap">${s.url}</code></a></td>
        <td>${s.events.map((e) => html`<code>${e}</code> `)}</td><td>${statusChip(ctx, s)}</td>
        <td>${lastAttempts.has(s.id) ? timeTag(ctx.t, lastAttempts.get(s.id)!, 'datetime') : '—'}</td></tr>`)}</tbody></table></div>`}
  </section>
  <section class="card"><h2>${ctx.t('outhooks.add')}</h2>
    <form method="post" action="${BASE}" class="stack">${csrfField(ctx.csrfToken)}${hookFields(ctx, state)}
      <button type="submit">${ctx.t('outhooks.add')}</button></form>
  </section>`);
}

function deliveryRow(ctx: PageContext, s: Subscription, d: WebhookDelivery): SafeHtml {
  return html`<tr data-delivery="${d.id}" class="${d.ok ? 'ok' : 'failed'}">
    <td>${timeTag(ctx.t, d.createdAt, 'datetime')}</td><td><code>${d.eventType}</code><br><small class="muted">${d.webhookId}</small></td>
    <td>${d.ok ? ctx.t('outhooks.delivery.ok') : ctx.t('outhooks.delivery.failed')} ${d.statusCode ?? ''}${d.replay ? html` <span class="chip">${ctx.t('outhooks.delivery.replay')}</span>` : ''}</td>
    <td>${ctx.t('outhooks.delivery.ms', { ms: d.latencyMs })}</td><td>${d.attempt}</td>
    <td>${d.error ? html`<div>${d.error}</div>` : ''}${d.responseExcerpt ? html`<code class="wrap">${d.responseExcerpt}</code>` : ''}</td>
    <td><form method="post" action="${BASE}/${s.id}/deliveries/${d.id}/replay">${csrfField(ctx.csrfToken)}<button class="small secondary" type="submit">${ctx.t('outhooks.replay')}</button></form></td></tr>`;
}

/** One subscription: its settings, state, actions and delivery log. */
export function outboundHookPage(ctx: PageContext, s: Subscription, deliveries: WebhookDelivery[], state: HookFormState & { flash?: string | null; olderCursor?: string | null } = {}): SafeHtml {
  const form = { values: state.values ?? { url: s.url, events: s.events }, errors: state.errors };
  return layout(ctx, ctx.t('outhooks.title'), html`${adminNav(ctx)}
  <section class="card"><p><a href="${BASE}">← ${ctx.t('outhooks.title')}</a></p>
    <h1><code class="wrap">${s.url}</code> ${statusChip(ctx, s)}</h1>
    ${notice('success', state.flash)}
    ${s.disabledReason ? html`<div class="notice error" role="alert">${ctx.t('outhooks.auto_disabled', { reason: s.disabledReason })}</div>` : ''}
    ${s.active && s.consecutiveFailures > 0 ? html`<p class="muted">${ctx.t('outhooks.failing', { n: s.consecutiveFailures, error: s.lastError ?? '' })}</p>` : ''}
    <div class="row">
      <form method="post" action="${BASE}/${s.id}/active" class="inline">${csrfField(ctx.csrfToken)}<input type="hidden" name="active" value="${s.active ? 'false' : 'true'}">
        <button type="submit" class="${s.active ? 'secondary' : ''}">${ctx.t(s.active ? 'outhooks.disable' : 'outhooks.enable')}</button></form>
      <form method="post" action="${BASE}/${s.id}/delete" class="inline" onsubmit="return confirm(this.dataset.confirm)" data-confirm="${ctx.t('outhooks.delete_confirm')}">${csrfField(ctx.csrfToken)}
        <button type="submit" class="danger">${ctx.t('outhooks.delete')}</button></form>
    </div>
  </section>
  <section class="card"><h2>${ctx.t('outhooks.edit')}</h2>
    <form method="post" action="${BASE}/${s.id}" class="stack">${csrfField(ctx.csrfToken)}${hookFields(ctx, form)}
      <button type="submit">${ctx.t('outhooks.save')}</button></form>
  </section>
  <section class="card"><h2>${ctx.t('outhooks.deliveries')}</h2>
    <form method="post" action="${BASE}/${s.id}/replay-failed" class="inline">${csrfField(ctx.csrfToken)}<button type="submit" class="secondary">${ctx.t('outhooks.replay_failed')}</button></form>
    ${deliveries.length === 0 ? html`<p class="muted">${ctx.t('outhooks.deliveries.none')}</p>` : html`<div class="table-wrap"><table class="table">
      <thead><tr><th>${ctx.t('outhooks.delivery.when')}</th><th>${ctx.t('outhooks.delivery.event')}</th><th>${ctx.t('outhooks.delivery.result')}</th>
        <th>${ctx.t('outhooks.delivery.latency')}</th><th>${ctx.t('outhooks.delivery.attempt')}</th><th>${ctx.t('outhooks.delivery.response')}</th><th></th></tr></thead>
      <tbody>${deliveries.map((d) => deliveryRow(ctx, s, d))}</tbody></table></div>`}
    ${state.olderCursor ? html`<p><a href="${BASE}/${s.id}?before=${state.olderCursor}">${ctx.t('outhooks.older')}</a></p>` : ''}
  </section>`);
}
