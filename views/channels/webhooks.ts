/** Admin → Failed webhooks: dead-lettered webhook events, their raw bodies, and replay. */
import { html } from '../../src/lib/html';
import { REPLAYABLE_WEBHOOK_STATUSES, type DeadWebhookRow } from '../../src/core/webhook-events';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import { timeTag } from '../inbox/format';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { channelsHead } from './common';

const when = (ctx: PageContext, ms: number) => timeTag(ctx.t, ms, 'datetime');
const badge = (ctx: PageContext, status: string) => html`<span class="badge badge-${status}">${ctx.t(`webhooks.status.${status}`)}</span>`;

/** The list of failed/unroutable events with per-row and bulk replay. */
export function deadWebhooksPage(ctx: PageContext, rows: DeadWebhookRow[], flash: { success?: string | null; error?: string | null } = {}) {
  return layout(ctx, ctx.t('webhooks.title'), html`${adminNav(ctx)}
  <section class="card">
    <h1>${ctx.t('webhooks.title')}</h1>
    <p class="muted">${ctx.t('webhooks.intro')}</p>
    ${notice('success', flash.success)}${notice('error', flash.error)}
    ${rows.length === 0 ? html`<p class="muted" id="webhooks-empty">${ctx.t('webhooks.empty')}</p>` : html`
    <form method="post" action="/admin/webhooks/replay" id="replay-form">${csrfField(ctx.csrfToken)}
      <div class="table-wrap"><table class="table" id="webhooks-table">
        <thead><tr><th><span class="sr-only">${ctx.t('webhooks.select')}</span></th><th>${ctx.t('webhooks.col.time')}</th><th>${ctx.t('webhooks.col.status')}</th><th>${ctx.t('webhooks.col.error')}</th><th>${ctx.t('webhooks.col.size')}</th><th></th></tr></thead>
        <tbody>${rows.map((r) => html`<tr data-event="${r.id}">
          <td><input type="checkbox" name="ids" value="${r.id}" aria-label="${ctx.t('webhooks.select')}"></td>
          <td>${when(ctx, r.receivedAt)}</td><td>${badge(ctx, r.status)}</td><td><code class="wrap">${r.error ?? ''}</code></td>
          <td>${r.size.toLocaleString(ctx.locale)} B</td>
          <td><a href="/admin/webhooks/${r.id}">${ctx.t('webhooks.view')}</a></td></tr>`)}</tbody>
      </table></div>
      <button type="submit">${ctx.t('webhooks.replay_selected')}</button>
    </form>`}
  </section>`, { head: channelsHead });
}

/** One event with its raw body (escaped; customer content is hostile). */
export function webhookDetailPage(ctx: PageContext, event: { id: string; status: string; error: string | null; receivedAt: number; body: string }) {
  const replayable = (REPLAYABLE_WEBHOOK_STATUSES as readonly string[]).includes(event.status);
  return layout(ctx, ctx.t('webhooks.detail_title'), html`${adminNav(ctx)}
  <section class="card">
    <p><a href="/admin/webhooks">← ${ctx.t('webhooks.back')}</a></p>
    <h1>${ctx.t('webhooks.detail_title')} ${badge(ctx, event.status)}</h1>
    <p>${when(ctx, event.receivedAt)} · <code>${event.id}</code></p>
    ${event.error ? html`<p><code class="wrap" id="event-error">${event.error}</code></p>` : ''}
    ${replayable ? html`<form method="post" action="/admin/webhooks/replay">${csrfField(ctx.csrfToken)}
      <input type="hidden" name="ids" value="${event.id}"><button type="submit" class="primary">${ctx.t('webhooks.replay')}</button></form>` : ''}
    <h2>${ctx.t('webhooks.body')}</h2>
    <pre class="raw-body" id="raw-body">${event.body}</pre>
  </section>`, { head: channelsHead });
}
