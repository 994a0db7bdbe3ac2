/**
 * One message in the thread: direction, sender, quoted preview (jumps to the quoted message),
 * content, reactions, time and delivery ticks (failed ones show the reason and a retry button; queued
 * ones whose send failed and waits for its next try show the attempt, the reason, when, and Retry now).
 * Messages sent from the WhatsApp Business app say so (and are never retried from here).
 * Private notes are visibly distinct. Used by the thread page and by realtime pushes.
 */
import { intentName } from '../../src/ai/intent-store';
import type { ConversationEvent } from '../../src/core/types';
import { isBusinessAppEcho } from '../../src/core/echoes';
import { CONVERSATION_STATUSES } from '../../src/db/schema/enums';
import type { ThreadMessage } from '../../src/core/inbox-read';
import { html, type SafeHtml } from '../../src/lib/html';
import { describeAssignment } from '../routing/describe';
import type { Translate } from '../i18n';
import { timeTag } from './format';
import { messageContent, typeIcon } from './message-content';
import { messageLabel } from './message-label';
import { deletedNotice, editedMark, messageContextBadges } from './message-context';
import { isDeleted } from '../../src/core/message-revisions';
import { icon } from '../icons';

function ticks(t: Translate, m: ThreadMessage['message']): SafeHtml {
  if (m.direction === 'inbound' || m.isPrivate) return html``;
  switch (m.status) {
    case 'queued': return html`<span class="tick queued">${icon('clock', { label: t('inbox.status.queued') })}</span>`;
    case 'sent': return html`<span class="tick sent">${icon('check', { label: t('inbox.status.sent') })}</span>`;
    case 'delivered': return html`<span class="tick delivered">${icon('check-check', { label: t('inbox.status.delivered') })}</span>`;
    case 'read': return html`<span class="tick read">${icon('check-check', { label: t('inbox.status.read') })}</span>`;
    case 'failed': return html`<span class="tick failed">${icon('triangle-alert', { label: t('inbox.status.failed') })}</span>`;
    default: return html``;
  }
}

function quote(t: Translate, q: ThreadMessage['quoted']): SafeHtml {
  if (!q) return html``;
  const preview = messageLabel(t, q).slice(0, 140) || t(`inbox.type.${q.type}`);
  return html`<a class="quote" href="#m-${q.id}">${typeIcon(q.type)} ${preview}</a>`;
}

function reactions(list: ThreadMessage['reactions']): SafeHtml {
  if (list.length === 0) return html``;
  return html`<div class="reactions">${list.map((r) => html`<span class="reaction" data-actor="${r.actor}">${r.emoji}</span>`)}</div>`;
}

/** A message bubble with id `m-<messageId>` (target of realtime updates and jump links). */
export function messageBubble(t: Translate, item: ThreadMessage): SafeHtml {
  const m = item.message;
  const side = m.direction === 'inbound' ? 'in' : 'out';
  const classes = ['bubble', side, m.isPrivate ? 'private' : '', m.status === 'failed' ? 'failed' : ''].join(' ');
  const fromPhoneApp = isBusinessAppEcho(m);
  const deleted = isDeleted(m);
  const who = m.isPrivate ? t('inbox.note.label', { name: item.senderName ?? '' }) : m.senderType === 'bot' ? t('inbox.sender.bot') : m.senderType === 'system' ? t('inbox.sender.automatic') : fromPhoneApp ? t('inbox.sender.business_app') : item.senderName;
  return html`<article id="m-${m.id}" class="${classes}" data-message-id="${m.id}" data-type="${m.type}"${fromPhoneApp ? html` data-source="business_app"` : ''}${deleted ? html` data-deleted="true"` : ''}>
    ${who ? html`<div class="sender">${who}</div>` : ''}
    ${deleted ? '' : messageContextBadges(t, m)}
    ${quote(t, item.quoted)}
    ${deleted ? deletedNotice(t, m) : html`${messageContent(t, m, item.attachments)}${editedMark(t, m)}`}
    ${reactions(item.reactions)}
    <div class="meta">${timeTag(t, m.sentAt, 'time')} ${ticks(t, m)}</div>
    ${m.status === 'queued' && m.sendAttempts > 0 ? html`<div class="send-retry" role="status">${t('inbox.send_retry', { n: String(m.sendAttempts), reason: m.sendRetryReason ?? '' })}${m.sendRetryAt ? html` · ${t('inbox.send_retry_next')} ${timeTag(t, m.sendRetryAt, 'time')}` : ''}
      <button type="button" class="small" hx-post="/inbox/messages/${m.id}/retry" hx-swap="none">${t('inbox.retry_now')}</button></div>` : ''}
    ${m.status === 'failed' ? html`<div class="send-error" role="alert">${m.errorMessage ?? t('inbox.status.failed')}
      ${fromPhoneApp ? '' : html`<button type="button" class="small" hx-post="/inbox/messages/${m.id}/retry" hx-swap="none">${t('inbox.retry')}</button>`}</div>` : ''}
    <div class="bubble-actions">
      <button type="button" class="link" title="${t('inbox.reply')}" aria-label="${t('inbox.reply')}" @click="$dispatch('quote', {id: '${m.id}', text: $el.closest('article').querySelector('.text')?.textContent?.slice(0, 80) ?? ''})">${icon('reply')}</button>
      ${m.isPrivate ? '' : html`<span class="react-picker">${['👍', '❤️', '😂', '🙏'].map((e) => html`<button type="button" class="link" hx-post="/inbox/messages/${m.id}/react" hx-vals='{"emoji":"${e}"}' hx-swap="none">${e}</button>`)}</span>`}
    </div>
  </article>`;
}

/** A timeline entry ("Assigned to Ana by round-robin", "Status changed from Open to Resolved by Luis"). */
export function timelineEntry(t: Translate, e: ConversationEvent, names: Map<string, string>): SafeHtml {
  const actor = e.actorId ? (names.get(e.actorId) ?? '?') : t('inbox.event.system');
  // "by" is one phrase per language: Portuguese contracts it ("pelo sistema", never "por o sistema").
  const by = e.actorId ? t('inbox.event.by_user', { name: actor }) : t('inbox.event.by_system');
  const d = e.details as Record<string, unknown>;
  const assignee = typeof d.assigneeId === 'string' ? (names.get(d.assigneeId) ?? '?') : '';
  const mode = typeof d.mode === 'string' ? d.mode : '';
  const statusName = (v: unknown) => (CONVERSATION_STATUSES.includes(v as never) ? t(`inbox.status_${v}`) : '?');
  // The intent's name in the reader's language, as named when it was detected (older entries: its id).
  const intent = typeof d.intent === 'string' ? intentName({ id: d.intent, names: (d.intentNames ?? {}) as Record<string, string> }, t('locale.tag')) : t('inbox.event.no_intent');
  const confidence = typeof d.confidence === 'number' ? Math.round(d.confidence * 100) : 0;
  const vars = {
    actor, by, intent, confidence, assignee, mode, team: typeof d.teamName === 'string' ? d.teamName : '', from: statusName(d.from), to: statusName(d.to), kind: e.kind.replace(/_/g, ' '),
    oldPhone: typeof d.oldPhone === 'string' ? d.oldPhone : '?', newPhone: typeof d.newPhone === 'string' ? d.newPhone : '?',
    score: typeof d.score === 'number' ? d.score : '', comment: typeof d.comment === 'string' ? d.comment : '',
  };
  // An assignment to a team alone (no agent) or to nobody reads as such, never "Assigned to  by …".
  const assignedTo = e.kind === 'assigned' && !assignee ? (typeof d.teamName === 'string' && d.teamName ? 'assigned_team' : 'assigned_nobody') : e.kind;
  const key = `inbox.event.${assignedTo}`;
  const text = t(key, vars) === key ? t('inbox.event.generic', vars) : t(key, vars);
  const why = e.kind === 'assigned' || e.kind === 'routed' ? describeAssignment(d, t) : '';
  return html`<div class="timeline-event" id="e-${e.id}"><span>${text}</span> ${timeTag(t, e.createdAt, 'time')}${why ? html`<small class="why">${why}</small>` : ''}</div>`;
}
