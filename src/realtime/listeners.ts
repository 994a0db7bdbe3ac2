/**
 * Bus → sockets. Each event is recorded in the outbox (its seq travels with the push), rendered
 * once per language with the page components, and sent only to tabs whose user may see the
 * conversation (`canSeeConversation`). A presence change goes only to the tabs of that user: the
 * only page element showing it is their own status menu's dot (`#presence-<id>`); sending it to
 * every tab made each join cost a frame per connected tab (bench/push, 500 sockets).
 * Pushes that can change view counts (conversation created, assigned, updated, reopened by the
 * customer) carry the shared `countsSignal`; a plain customer message signals only its assignee's
 * tabs (their unread title), so the message hot path runs no per-tab query.
 */
import { desc, eq } from 'drizzle-orm';
import { contacts, conversationEvents } from '../db/schema';
import { getConversationOrThrow } from '../core/conversations';
import { getMessageOrThrow } from '../core/messages';
import { visibleMentionedConversations } from '../core/message-actions';
import { canSeeConversation } from '../core/visibility';
import type { Conversation, Message } from '../core/types';
import { html } from '../lib/html';
import { translator, type Locale } from '../../views/i18n';
import { messageLabel } from '../../views/inbox/message-label';
import {
  bubbleUpdateFragment, bubblesFragment, sidebarLabelsFragment, countsSignal, lostAccessFragment, mentionCountFragment, notifyFragment, perLocale, rowFragment, rowsOf, seqMarker, statusFragment, timelineFragment, unreadBadgesOf,
} from './fragments';
import { recordChange } from './outbox';
import type { Realtime } from './realtime';

/** Subscribes the realtime fan-out to the bus. */
export function registerRealtimeListeners(realtime: Realtime): void {
  const { core, hub } = realtime;

  const contactName = (conversation: Conversation) =>
    core.db.select({ name: contacts.name, phone: contacts.phone }).from(contacts).where(eq(contacts.id, conversation.contactId)).get();

  // `countsChanged`: the push also carries the shared counts signal (tabs re-read their view counts).
  const pushConversation = (conversation: Conversation, kind: string, message: Message | null, withTimeline: boolean, countsChanged: boolean) => {
    const seq = recordChange(core, kind, conversation.id, message?.id ?? null);
    const row = rowsOf(core, [conversation], null)[0]!;
    const latestEvent = withTimeline
      ? core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversation.id)).orderBy(desc(conversationEvents.createdAt)).limit(1).all()
      : [];
    // The browser notification's text is the message label in each tab's language.
    const notify = message && message.direction === 'inbound' ? (() => {
      const c = contactName(conversation);
      return (locale: Locale) => notifyFragment('message', conversation, c?.name || c?.phone || '', messageLabel(translator(locale), message) || `[${message.type}]`, core.clock.now());
    })() : () => '';
    const render = perLocale((locale) => String(html`${seqMarker(seq)}${rowFragment(core, locale, row)}${
      message ? bubblesFragment(core, locale, [message]) : ''}${timelineFragment(core, locale, conversation.id, latestEvent)}${
      statusFragment(locale, conversation)}${notify(locale)}${countsChanged ? countsSignal() : ''}`));
    // The row is rendered once for everyone; each agent's unread badge follows it.
    realtime.pushToAllowed(conversation, render, unreadBadgesOf(core, hub, conversation.id));
  };

  core.bus.on('message.created', ({ message, conversation, statusChanged }) => {
    if (message.senderType === 'agent' && message.senderId) realtime.typing.stopped(conversation.id, message.senderId);
    const fresh = getConversationOrThrow(core, conversation.id);
    pushConversation(fresh, 'message.created', message, false, Boolean(statusChanged));
    // A customer message in an assigned conversation changes only its assignee's unread title.
    if (!statusChanged && message.direction === 'inbound' && fresh.assigneeId) hub.sendToUsers([fresh.assigneeId], String(countsSignal()));
  });

  core.bus.on('message.updated', ({ message, conversation, change }) => {
    const seq = recordChange(core, 'message.updated', conversation.id, message.id);
    const fresh = getMessageOrThrow(core, message.id);
    // An edit or deletion of the conversation's latest message changes its list preview too.
    const current = change === 'content' ? getConversationOrThrow(core, conversation.id) : null;
    const row = current && current.lastMessageAt === fresh.sentAt ? rowsOf(core, [current], null)[0]! : null;
    const render = perLocale((locale) => String(seqMarker(seq)) + bubbleUpdateFragment(core, locale, fresh) + (row ? String(rowFragment(core, locale, row)) : ''));
    realtime.pushToAllowed(conversation, render, row ? unreadBadgesOf(core, hub, conversation.id) : undefined);
  });

  core.bus.on('conversation.created', ({ conversation }) => pushConversation(conversation, 'conversation.created', null, false, true));
  core.bus.on('conversation.updated', ({ conversation, changes }) => {
    const fresh = getConversationOrThrow(core, conversation.id);
    pushConversation(fresh, 'conversation.updated', null, true, true);
    // Only tabs with this thread open show its sidebar; the others skip the fragment (oob-optional).
    if (changes.includes('labels') && hub.allTabs().some((tab) => tab.viewing === fresh.id)) {
      realtime.pushToAllowed(fresh, perLocale((locale) => String(sidebarLabelsFragment(core, locale, fresh.id))));
    }
  });
  core.bus.on('conversation.assigned', ({ conversation, previousAssigneeId }) => {
    const fresh = getConversationOrThrow(core, conversation.id);
    pushConversation(fresh, 'conversation.assigned', null, true, true);
    const previous = previousAssigneeId ? hub.tabsOf(previousAssigneeId) : [];
    if (previous.length === 0 || canSeeConversation(core, previous[0]!.user, fresh)) return;
    for (const tab of previous) {
      hub.sendTo(tab, String(html`${lostAccessFragment(tab.locale, fresh.id, tab.viewing === fresh.id)}${countsSignal()}`));
      if (tab.viewing === fresh.id) hub.setViewing(tab.id, null);
    }
  });

  core.bus.on('mention.created', ({ userId, conversationId, messageId, authorName }) => {
    const conversation = getConversationOrThrow(core, conversationId);
    recordChange(core, 'mention.created', conversationId, messageId);
    const tabs = hub.tabsOf(userId);
    if (tabs.length === 0) return;
    const count = mentionCountFragment(visibleMentionedConversations(core, tabs[0]!.user).length);
    const note = getMessageOrThrow(core, messageId);
    // The marker rings (sound, muting rules); the bell's toast (alerts-feed) shows the text.
    const render = perLocale((locale) => String(html`${count}${notifyFragment('mention', conversation,
      translator(locale)('alerts.mention', { name: authorName ?? '?', number: conversation.number }), note.content, core.clock.now())}`));
    for (const tab of tabs) hub.sendTo(tab, render(tab.locale));
  });

  core.bus.on('user.presence', ({ userId, availability }) => {
    hub.sendToUsers([userId], String(html`<span id="presence-${userId}" class="presence ${availability}" hx-swap-oob="true" data-availability="${availability}"></span>`));
  });
}
