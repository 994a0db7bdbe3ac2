/**
 * A conversation in the list: contact, last message preview (type icon for media), relative time,
 * assignee initials, labels, unread count, waiting indicator, closing-window warning, and a slot
 * for "Ana is viewing / typing". Id `conv-<id>`; realtime pushes the same markup.
 */
import type { ConversationRow } from '../../src/core/inbox-read';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { avatar, relativeTime } from './format';
import { typeIcon } from './message-content';
import { conversationPreview } from './message-label';
import { icon } from '../icons';

const WINDOW_MS = 24 * 3600_000;
const WARN_MS = 2 * 3600_000;

/** The 24-hour window state: ms left, or 0 when closed. */
export function windowLeft(lastInboundAt: number | null, now: number): number {
  return lastInboundAt ? Math.max(0, lastInboundAt + WINDOW_MS - now) : 0;
}

/**
 * The unread badge of a row (`unread-<id>`): a count, a dot (-1: waiting, count unknown) or nothing.
 * Live row pushes are shared by every agent, so each agent's tabs get their own badge with `oob`.
 */
export function unreadBadge(t: Translate, conversationId: string, unread: number, opts: { oob?: boolean } = {}): SafeHtml {
  return html`<span class="row-unread" id="unread-${conversationId}" data-unread="${unread}" ${opts.oob ? html`hx-swap-oob="true"` : ''}>${
    unread > 0 ? html`<span class="unread-count" aria-label="${t('inbox.unread')}">${unread}</span>` : unread < 0 ? html`<span class="unread-dot" aria-label="${t('inbox.unread')}"></span>` : ''}</span>`;
}

/** The row, as a list item linking to `/inbox/c/:id` (htmx swaps only the thread pane). */
export function conversationRow(t: Translate, row: ConversationRow, now: number, opts: { active?: boolean } = {}): SafeHtml {
  const c = row.conversation;
  const name = row.contact.name || row.contact.phone || t('inbox.unknown_contact');
  const left = windowLeft(c.lastInboundAt, now);
  const closing = left > 0 && left < WARN_MS;
  const unread = row.unread === null ? (c.waitingSince !== null ? -1 : 0) : row.unread;
  return html`<li id="conv-${c.id}" class="conv-row ${unread !== 0 ? 'unread' : ''} ${opts.active ? 'active' : ''}" data-conversation-id="${c.id}"
    data-assignee="${c.assigneeId ?? ''}" data-team="${c.teamId ?? ''}" data-status="${c.status}" data-priority="${c.priority}"
    data-channel="${c.channelId}" data-labels="${row.labels.map((l) => l.id).join(' ')}" data-last="${c.lastMessageAt}" data-waiting="${c.waitingSince ?? ''}">
    <input type="checkbox" class="row-select" name="ids" value="${c.id}" form="bulk-actions" aria-label="${t('bulk.select', { name })}">
    <a href="/inbox/c/${c.id}" hx-get="/inbox/c/${c.id}" hx-target="#thread-pane" hx-select="#thread-pane" hx-select-oob="#contact-pane" hx-swap="outerHTML" hx-push-url="true">
      ${avatar(name, row.contact.id, 'contact')}
      <div class="row-main">
        <div class="row-top"><strong class="contact-name">${name}</strong>
          <time class="row-time" data-at="${c.lastMessageAt}">${relativeTime(t, c.lastMessageAt, now)}</time></div>
        <div class="row-preview">${typeIcon(c.lastMessageType)} ${conversationPreview(t, c.lastMessagePreview, row.lastMessage)}</div>
        <div class="row-tags">
          ${row.contact.name && row.contact.phone ? html`<small class="muted">${row.contact.phone}</small>` : ''}
          ${c.status !== 'open' ? html`<span class="chip status-${c.status}">${t(`inbox.status_${c.status}`)}</span>` : ''}
          ${c.priority !== 'none' ? html`<span class="chip priority-${c.priority}">${t(`inbox.priority.${c.priority}`)}</span>` : ''}
          ${row.labels.map((l) => html`<span class="chip label" style="--label:${/^#[0-9a-f]{3,8}$/i.test(l.color) ? l.color : '#6b7280'}">${l.name}</span>`)}
          ${c.waitingSince !== null ? html`<span class="chip waiting" title="${t('inbox.waiting')}">${icon('hourglass')} ${relativeTime(t, c.waitingSince, now)}</span>` : ''}
          ${closing ? html`<span class="chip window-warning" title="${t('inbox.window.closing')}">${icon('timer')} ${Math.ceil(left / 60_000)} min</span>` : ''}
        </div>
        <div class="row-activity" id="row-activity-${c.id}"></div>
      </div>
      <div class="row-side">
        ${row.assignee ? avatar(row.assignee.name, row.assignee.id, 'small') : ''}
        ${unreadBadge(t, c.id, unread)}
      </div>
    </a>
  </li>`;
}
