/**
 * The thread pane (id `thread-pane`): header with contact, status and actions, the collision
 * indicator, messages with day separators and timeline entries interleaved by time, the composer.
 */
import type { Thread } from '../../src/core/inbox-read';
import type { Conversation, Label, PublicUser, Team } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import { icon } from '../icons';
import type { Translate } from '../i18n';
import { composer, type ReplyLock } from './composer';
import { dayKey, timeTag } from './format';
import { messageBubble, timelineEntry } from './message-bubble';
import { loadOlderButton, newerLink } from './thread-paging';
import { statusActions, statusChip } from './status-actions';
import { transferForm } from './transfer';
import type { ThreadPage } from '../../src/core/thread-pages';

export interface ThreadPaneData {
  conversation: Conversation;
  /** Plugin contributions: slots `conversation-actions` (header) and `composer-actions` (under the composer). */
  plugins?: { actions: SafeHtml; composer: SafeHtml };
  contactName: string;
  thread: Thread;
  eventNames: Map<string, string>;
  agents: PublicUser[];
  teams: Team[];
  labels: Label[];
  windowLeftMs: number;
  /** The core clock's time the pane is rendered at. */
  now: number;
  /** Paging state of the loaded messages (absent: everything is loaded). */
  page?: ThreadPage;
  /**
   * The team lets only the assignee reply and the viewer is not it: `take_over` when they may take
   * it over (the composer offers the button), `locked` when they may not (it explains why). Absent: they may reply.
   */
  replyLock?: ReplyLock;
}

/** Day separator markup (UTC day; static/local-time.js regroups the thread by the browser's day). */
function daySeparator(t: Translate, at: number): SafeHtml {
  return html`<div class="day-separator" data-day="${dayKey(at)}"><span>${timeTag(t, at, 'day')}</span></div>`;
}

function actions(t: Translate, d: ThreadPaneData): SafeHtml {
  const c = d.conversation;
  return html`<div class="thread-actions" id="thread-actions-${c.id}">
    ${transferForm(t, c, d.agents, d.teams)}
    <form class="inline" hx-post="/inbox/c/${c.id}/priority" hx-swap="none" hx-trigger="change">
      <select name="priority" aria-label="${t('inbox.priority')}">${['none', 'low', 'medium', 'high', 'urgent'].map((p) =>
        html`<option value="${p}" ${p === c.priority ? html`selected` : ''}>${t(`inbox.priority.${p}`)}</option>`)}</select></form>
    ${statusActions(t, c)}
    <button type="button" class="small" hx-post="/inbox/c/${c.id}/unread" hx-swap="none">${t('inbox.action.mark_unread')}</button>
    ${d.plugins ? html`<div data-slot="conversation-actions">${d.plugins.actions}</div>` : ''}
    <a class="small button icon-button transcript-link" href="/inbox/c/${c.id}/transcript" target="_blank" rel="noopener" title="${t('transcript.print')}" aria-label="${t('transcript.print')}">${icon('printer')}</a>
  </div>`;
}

/** The messages and timeline entries, oldest first, with day separators. */
export function threadItems(t: Translate, thread: Thread, eventNames: Map<string, string>): SafeHtml {
  const items = [
    ...thread.messages.map((m) => ({ at: m.message.sentAt, render: () => messageBubble(t, m) })),
    ...thread.events.map((e) => ({ at: e.createdAt, render: () => timelineEntry(t, e, eventNames) })),
  ].sort((a, b) => a.at - b.at);
  let day = '';
  return html`${items.map((item) => {
    const key = dayKey(item.at);
    const sep = key !== day ? daySeparator(t, item.at) : '';
    day = key;
    return html`${sep}${item.render()}`;
  })}`;
}

/** The whole thread pane. */
export function threadPane(t: Translate, d: ThreadPaneData): SafeHtml {
  const c = d.conversation;
  return html`<section id="thread-pane" class="thread-pane" data-conversation-id="${c.id}" data-status="${c.status}">
    <header class="thread-header">
      <a href="/inbox" class="back" aria-label="${t('inbox.back')}">${icon('arrow-left')}</a>
      <div class="thread-title"><strong>${d.contactName}</strong> <span class="muted">#${c.number}</span>
        ${statusChip(t, c)}
        <div class="thread-activity" id="thread-activity-${c.id}"></div></div>
      <div class="thread-tools">
        <button type="button" class="small icon-button contact-toggle" data-contact-toggle aria-controls="contact-pane" aria-expanded="false" title="${t('panes.contact.open')}">${icon('contact')}<span class="label">${t('panes.contact.open')}</span></button>
        <button type="button" class="small icon-button actions-toggle" data-actions-toggle aria-controls="thread-actions-${c.id}" aria-expanded="false" title="${t('panes.actions')}" aria-label="${t('panes.actions')}">${icon('ellipsis-vertical')}</button>
      </div>
      ${actions(t, d)}
    </header>
    <div class="thread" id="thread-${c.id}" aria-live="polite">${d.page ? loadOlderButton(t, c.id, d.page) : ''}${threadItems(t, d.thread, d.eventNames)}${d.page ? newerLink(t, c.id, d.page) : ''}</div>
    ${composer(t, c, d.windowLeftMs, d.now, d.replyLock)}
    ${d.plugins ? html`<div data-slot="composer-actions" class="composer-plugins">${d.plugins.composer}</div>` : ''}
  </section>`;
}

/** The empty thread pane shown when no conversation is selected. */
export function emptyThreadPane(t: Translate): SafeHtml {
  return html`<section id="thread-pane" class="thread-pane empty"><p class="muted">${t('inbox.pick_conversation')}</p></section>`;
}
