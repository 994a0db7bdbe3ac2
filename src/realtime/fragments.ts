/**
 * The HTML fragments pushed over sockets, built from the same view components as the pages.
 * Each is wrapped for the htmx ws extension: top-level elements are out-of-band swaps.
 */
import type { Core } from '../core/context';
import { conversationRows, threadMessages, timelineNames, unreadCountsOfUsers, type ConversationRow } from '../core/inbox-read';
import type { Conversation, ConversationEvent, Message, PublicUser } from '../core/types';
import { html, type SafeHtml } from '../lib/html';
import { translator, type Locale } from '../../views/i18n';
import { conversationRow, unreadBadge } from '../../views/inbox/conversation-row';
import { viewCount } from '../../views/inbox/list';
import type { HubTab, RealtimeHub } from './hub';
import { messageBubble, timelineEntry } from '../../views/inbox/message-bubble';
import { activityIndicator } from '../../views/inbox/indicators';
import { statusActions, statusChip } from '../../views/inbox/status-actions';
import { sidebarLabels } from '../../views/inbox/sidebar';
import { labelsOfConversation, listLabels } from '../core/labels';

/** Memoises a per-language rendering so each fragment is rendered once per language. */
export function perLocale(render: (locale: Locale) => string): (locale: Locale) => string {
  const cache = new Map<Locale, string>();
  return (locale) => {
    if (!cache.has(locale)) cache.set(locale, render(locale));
    return cache.get(locale)!;
  };
}

/** `#rt-seq` marker: the client keeps the highest seq it saw for catch-up. */
export function seqMarker(seq: number): SafeHtml {
  return html`<div id="rt-seq" data-seq="${seq}" hidden></div>`;
}

/** A list row pushed to the top of `#conv-list` (the client filters it against the list's view). */
export function rowFragment(core: Core, locale: Locale, row: ConversationRow): SafeHtml {
  return html`<ul hx-swap-oob="afterbegin:#conv-list">${conversationRow(translator(locale), row, core.clock.now())}</ul>`;
}

/**
 * Each agent's own unread badge for a conversation, to follow a shared row push: counted on first
 * use for every connected agent at once, rendered once per agent and language.
 */
export function unreadBadgesOf(core: Core, hub: RealtimeHub, conversationId: string): (tab: HubTab) => string {
  let counts: Map<string, number> | null = null;
  const rendered = new Map<string, string>();
  return (tab) => {
    counts ??= unreadCountsOfUsers(core, conversationId, hub.connectedUserIds());
    const key = `${tab.user.id}:${tab.locale}`;
    if (!rendered.has(key)) rendered.set(key, String(unreadBadge(translator(tab.locale), conversationId, counts.get(tab.user.id) ?? 0, { oob: true })));
    return rendered.get(key)!;
  };
}

/** Rows for conversations, with per-agent unread counts when `viewerId` is given. */
export function rowsOf(core: Core, list: Conversation[], viewerId: string | null): ConversationRow[] {
  return conversationRows(core, list, viewerId);
}

/**
 * Bubbles appended to (or replaced in) the thread of their conversation. Day separators are not
 * pushed: the browser files bubbles under its own local day (static/local-time.js).
 */
export function bubblesFragment(core: Core, locale: Locale, messages: Message[]): SafeHtml {
  if (messages.length === 0) return html``;
  const t = translator(locale);
  const decorated = threadMessages(core, messages).messages;
  const byConversation = new Map<string, SafeHtml[]>();
  for (const m of decorated) {
    const id = m.message.conversationId;
    byConversation.set(id, [...(byConversation.get(id) ?? []), messageBubble(t, m)]);
  }
  return html`${[...byConversation].map(([id, bubbles]) => html`<div hx-swap-oob="beforeend:#thread-${id}">${bubbles}</div>`)}`;
}

/** A bubble that replaces its existing copy (status ticks, reactions); no-op where not shown. */
export function bubbleUpdateFragment(core: Core, locale: Locale, message: Message): string {
  const decorated = threadMessages(core, [message]).messages[0]!;
  return String(messageBubble(translator(locale), decorated)).replace('<article ', '<article hx-swap-oob="true" ');
}

/** Timeline entries appended to the thread. */
export function timelineFragment(core: Core, locale: Locale, conversationId: string, events: ConversationEvent[]): SafeHtml {
  if (events.length === 0) return html``;
  const names = timelineNames(core, events);
  return html`<div hx-swap-oob="beforeend:#thread-${conversationId}">${events.map((e) => timelineEntry(translator(locale), e, names))}</div>`;
}

/**
 * For a user who can no longer see a conversation: its list row is removed and, where the thread
 * is open, the pane is replaced by a notice (nothing of it stays on screen to act on).
 */
export function lostAccessFragment(locale: Locale, conversationId: string, viewing: boolean): SafeHtml {
  const t = translator(locale);
  return html`<li id="conv-${conversationId}" hx-swap-oob="delete"></li>${viewing
    ? html`<section id="thread-pane" class="thread-pane empty" hx-swap-oob="true"><p class="muted">${t('realtime.lost_access')}</p></section>` : ''}`;
}

/** The contact sidebar's labels section of an open thread (other viewers see a label change live). */
export function sidebarLabelsFragment(core: Core, locale: Locale, conversationId: string): SafeHtml {
  return sidebarLabels(translator(locale), conversationId, labelsOfConversation(core, conversationId), listLabels(core), { oob: true });
}

/** The status chip and status buttons of an open thread. */
export function statusFragment(locale: Locale, conversation: Conversation): SafeHtml {
  const t = translator(locale);
  return html`${statusChip(t, conversation, { oob: true })}${statusActions(t, conversation, { oob: true })}`;
}

/** "Ana is viewing · Luis is typing…" for the row and the thread header. */
export function activityFragment(locale: Locale, conversationId: string, viewers: PublicUser[], typers: PublicUser[]): SafeHtml {
  const t = translator(locale);
  const body = activityIndicator(t, viewers, typers);
  return html`<div class="row-activity" id="row-activity-${conversationId}" hx-swap-oob="true">${body}</div>
    <div class="thread-activity" id="thread-activity-${conversationId}" hx-swap-oob="true">${body}</div>`;
}

/** The Mentions view count of one agent (updated live when they are mentioned). */
export function mentionCountFragment(count: number): SafeHtml {
  return viewCount('mentions', count, true);
}

/**
 * "Your counts may have changed": one shared marker, the same for every tab, sent with pushes that
 * can change view counts or the unread title. Each tab then re-reads its own counts from
 * GET /inbox/counts (throttled in static/inbox-counts.js), so no per-tab query runs on the push.
 */
export function countsSignal(): SafeHtml {
  return html`<div id="rt-counts" hidden hx-swap-oob="true" data-refresh="1"></div>`;
}

/** A notification marker the client turns into a browser notification + sound; `at` is the app clock's time. */
export function notifyFragment(kind: 'message' | 'mention', conversation: Conversation, title: string, body: string, at: number): SafeHtml {
  return html`<div id="rt-notify" hidden hx-swap-oob="true" data-kind="${kind}" data-conversation="${conversation.id}"
    data-assignee="${conversation.assigneeId ?? ''}" data-title="${title}" data-body="${body.slice(0, 140)}" data-at="${at}"></div>`;
}
