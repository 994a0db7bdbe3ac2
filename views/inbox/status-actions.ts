/**
 * The status chip and the status buttons of a thread header. The buttons follow the current
 * status: Resolve / Pending / Snooze while open, Reopen once resolved, snoozed or pending. The
 * status route answers htmx with these, and realtime pushes them to every tab showing the thread.
 */
import type { Conversation } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';

const oobAttr = (oob: boolean) => (oob ? html`hx-swap-oob="true"` : '');

/** The status chip (id `thread-status-<id>`). */
export function statusChip(t: Translate, c: Pick<Conversation, 'id' | 'status'>, opts: { oob?: boolean } = {}): SafeHtml {
  return html`<span class="chip status-${c.status}" id="thread-status-${c.id}" ${oobAttr(!!opts.oob)}>${t(`inbox.status_${c.status}`)}</span>`;
}

/** The status buttons (id `status-actions-<id>`), each swapping this group for the updated one. */
export function statusActions(t: Translate, c: Pick<Conversation, 'id' | 'status'>, opts: { oob?: boolean } = {}): SafeHtml {
  const post = html`hx-post="/inbox/c/${c.id}/status" hx-target="#status-actions-${c.id}" hx-swap="outerHTML"`;
  const button = (status: string, key: string) => html`<button type="button" class="small" ${post} hx-vals='{"status":"${status}"}'>${t(key)}</button>`;
  const active = c.status === 'open' || c.status === 'pending';
  return html`<span class="status-actions" id="status-actions-${c.id}" data-status="${c.status}" ${oobAttr(!!opts.oob)}>
    ${c.status !== 'open' ? button('open', 'inbox.action.reopen') : ''}
    ${c.status !== 'resolved' ? button('resolved', 'inbox.action.resolve') : ''}
    ${c.status === 'open' ? button('pending', 'inbox.action.pending') : ''}
    ${active ? html`<details class="snooze"><summary class="small button">${t('inbox.action.snooze')}</summary>
      <form ${post} class="stack">
        <input type="hidden" name="status" value="snoozed">
        <div x-data="{ local: '' }">
          <input type="datetime-local" x-model="local" aria-label="${t('inbox.action.snooze_until')}">
          <input type="hidden" name="until" :value="local ? new Date(local).toISOString() : ''"></div>
        <label><input type="checkbox" name="untilReply" value="true"> ${t('inbox.action.snooze_reply')}</label>
        <button type="submit" class="small">${t('inbox.action.snooze')}</button></form></details>` : ''}
  </span>`;
}
