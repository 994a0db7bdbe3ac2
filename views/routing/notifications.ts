/**
 * The notification bell (top bar): unread count, a dropdown of the latest alerts (SLA at risk or
 * breached, customers left unattended) with "mark as read", and the toasts pushed live over the
 * WebSocket. static/notifications.js shows toasts and browser notifications.
 */
import type { NotificationRow } from '../../src/core/routing/notify';
import { html } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { icon } from '../icons';

/** The sentence of one notification. */
function notificationText(t: Translate, n: Pick<NotificationRow, 'kind' | 'details'>): string {
  const d = n.details as Record<string, unknown>;
  const number = String(d.number ?? '?');
  if (n.kind === 'mention') return t('alerts.mention', { name: String(d.by ?? '?'), number });
  if (n.kind === 'conversation.unattended') return t('alerts.unattended', { number, minutes: Number(d.waitingMinutes ?? 0) });
  if (n.kind === 'sla.warning' || n.kind === 'sla.breached') return t(`alerts.${n.kind}`, { number, metric: t(`alerts.metric.${String(d.metric)}`) });
  if (n.kind === 'webhook.disabled') return t('notifications.webhook.disabled', { url: String(d.url ?? '?'), reason: String(d.reason ?? '') });
  if (n.kind === 'plugin.disabled') return t('notifications.plugin.disabled', { plugin: String(d.plugin ?? '?'), reason: String(d.reason ?? '') });
  if (n.kind === 'csat.low') return t('alerts.csat.low', { number, score: Number(d.score ?? 0) });
  return t('alerts.generic', { number });
}

/** One dropdown entry: opening it marks it read (htmx POST, then the server redirects to the conversation). */
function item(t: Translate, n: NotificationRow, oob = false) {
  return html`<li id="notif-${n.id}" class="notif ${n.readAt === null ? 'unread' : ''} kind-${n.kind.replace('.', '-')}" ${oob ? html`hx-swap-oob="afterbegin:#notif-list"` : ''}>
    <a href="/inbox/c/${n.conversationId ?? ''}" hx-post="/notifications/${n.id}/read">${notificationText(t, n)}</a></li>`;
}

/** The unread counter (also pushed alone with `hx-swap-oob`). */
function notificationCount(count: number, oob = false) {
  return html`<span id="notif-count" class="notif-count ${count > 0 ? 'has-unread' : ''}" ${oob ? html`hx-swap-oob="true"` : ''}>${count}</span>`;
}

/** The bell with its dropdown and the toast area (loaded into the top bar after the page). */
export function notificationBell(t: Translate, count: number, rows: NotificationRow[]) {
  return html`<div id="notif-bell" class="notif-bell" x-data="{ open: false }" @keydown.escape="open = false" @click.outside="open = false">
    <button type="button" class="bell" @click="open = !open" :aria-expanded="open" aria-label="${t('alerts.title')}">${icon('bell')} ${notificationCount(count)}</button>
    <div class="notif-menu" x-show="open" x-cloak>
      <div class="notif-head"><strong>${t('alerts.title')}</strong>
        <button type="button" class="small link" hx-post="/notifications/read-all" hx-target="#notif-bell" hx-swap="outerHTML">${t('alerts.read_all')}</button></div>
      <button type="button" class="small link notif-permission" hidden data-label="${t('alerts.enable_browser')}">${t('alerts.enable_browser')}</button>
      <ul id="notif-list">${rows.map((n) => item(t, n))}</ul>
      ${rows.length === 0 ? html`<p class="hint" id="notif-empty">${t('alerts.none')}</p>` : ''}
    </div>
    <div id="toasts" class="toasts" aria-live="polite"></div>
  </div>`;
}

/** What a new notification pushes to its user's tabs: count, dropdown entry and a toast. */
export function notificationPush(t: Translate, n: NotificationRow, count: number) {
  const text = notificationText(t, n);
  return html`${notificationCount(count, true)}${item(t, n, true)}
    <div hx-swap-oob="beforeend:#toasts"><div class="toast kind-${n.kind.replace('.', '-')}" role="status" data-new="1" data-title="${t('alerts.title')}" data-body="${text}"
      data-href="/inbox/c/${n.conversationId ?? ''}" data-tag="${n.id}">${text}</div></div>`;
}

/** The top-bar slot: the bell loads after the page so every page can show it cheaply. */
export function notificationBellSlot() {
  return html`<div id="notif-bell" hx-get="/notifications/bell" hx-trigger="load" hx-swap="outerHTML"></div><link rel="stylesheet" href="/static/notifications.css"><script src="/static/notifications.js" defer></script>`;
}
