/**
 * Read model of the inbox: everything a conversation row or a thread needs in a few queries
 * (contacts, assignees, labels, per-agent unread counts, attachments, reactions, quoted messages,
 * timeline entries), and the per-agent read state.
 */
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import {
  contacts, conversationEvents, conversations, conversationLabels, conversationReads, labels, messageReactions, messages, users,
} from '../db/schema';
import type { Core } from './context';
import { enqueueJob } from './jobs';
import { previewMessagesOf, type PreviewMessage } from './last-message';
import { attachmentsOf } from './messages';
import type { Attachment, Contact, Conversation, ConversationEvent, Label, Message } from './types';

export interface PersonRef { id: string; name: string }

export interface ConversationRow {
  conversation: Conversation;
  contact: Pick<Contact, 'id' | 'name' | 'phone'>;
  assignee: PersonRef | null;
  labels: Label[];
  /** Inbound messages after the agent's last read (null: rendered for everyone, no per-agent count). */
  unread: number | null;
  /** The last message when it is not plain text: the row labels it from type + payload. */
  lastMessage?: PreviewMessage;
}

export interface ThreadMessage {
  message: Message;
  attachments: Attachment[];
  reactions: Array<{ actor: string; emoji: string }>;
  quoted: Message | null;
  senderName: string | null;
}

export interface Thread {
  messages: ThreadMessage[];
  events: ConversationEvent[];
  /** Names of the users referenced as senders or actors. */
  userNames: Map<string, string>;
}

function userNames(core: Core, ids: Array<string | null | undefined>): Map<string, string> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  return new Map(core.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

/** Row data for conversations; with `viewerId` the unread counts are that agent's. */
export function conversationRows(core: Core, list: Conversation[], viewerId: string | null): ConversationRow[] {
  if (list.length === 0) return [];
  const ids = list.map((c) => c.id);
  const contactMap = new Map(core.db.select({ id: contacts.id, name: contacts.name, phone: contacts.phone }).from(contacts)
    .where(inArray(contacts.id, list.map((c) => c.contactId))).all().map((c) => [c.id, c]));
  const names = userNames(core, list.map((c) => c.assigneeId));
  const labelRows = core.db.select({ conversationId: conversationLabels.conversationId, label: labels }).from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId)).where(inArray(conversationLabels.conversationId, ids)).orderBy(asc(labels.name)).all();
  const unread = viewerId ? unreadCounts(core, viewerId, ids) : null;
  const previews = previewMessagesOf(core, list);
  return list.map((conversation) => ({
    conversation,
    contact: contactMap.get(conversation.contactId) ?? { id: conversation.contactId, name: '', phone: null },
    assignee: conversation.assigneeId ? { id: conversation.assigneeId, name: names.get(conversation.assigneeId) ?? '?' } : null,
    labels: labelRows.filter((r) => r.conversationId === conversation.id).map((r) => r.label),
    unread: unread ? (unread.get(conversation.id) ?? 0) : null,
    lastMessage: previews.get(conversation.id),
  }));
}

/** Unread inbound messages per conversation for one agent (marked-unread counts at least 1). */
export function unreadCounts(core: Core, userId: string, conversationIds: string[]): Map<string, number> {
  if (conversationIds.length === 0) return new Map();
  const rows = core.db.select({
    id: messages.conversationId,
    n: sql<number>`count(*)`,
  }).from(messages)
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, messages.conversationId), eq(conversationReads.userId, userId)))
    .where(and(inArray(messages.conversationId, conversationIds), eq(messages.direction, 'inbound'),
      sql`${messages.sentAt} > coalesce(${conversationReads.lastReadAt}, 0)`))
    .groupBy(messages.conversationId).all();
  const out = new Map(rows.map((r) => [r.id, r.n]));
  const marked = core.db.select().from(conversationReads)
    .where(and(eq(conversationReads.userId, userId), eq(conversationReads.markedUnread, true), inArray(conversationReads.conversationId, conversationIds))).all();
  for (const m of marked) out.set(m.conversationId, Math.max(1, out.get(m.conversationId) ?? 0));
  return out;
}

/**
 * Unread counts of one conversation for many agents (live row pushes), in two queries whatever
 * the number of agents; same rules as `unreadCounts`. Agents who never opened it count every
 * inbound message.
 */
export function unreadCountsOfUsers(core: Core, conversationId: string, userIds: string[]): Map<string, number> {
  if (userIds.length === 0) return new Map();
  const total = core.db.select({ n: sql<number>`count(*)` }).from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound'))).get()?.n ?? 0;
  const reads = core.db.select({ userId: conversationReads.userId, markedUnread: conversationReads.markedUnread, n: sql<number>`count(${messages.id})` })
    .from(conversationReads)
    .leftJoin(messages, and(eq(messages.conversationId, conversationReads.conversationId), eq(messages.direction, 'inbound'), sql`${messages.sentAt} > ${conversationReads.lastReadAt}`))
    .where(and(eq(conversationReads.conversationId, conversationId), inArray(conversationReads.userId, userIds)))
    .groupBy(conversationReads.userId).all();
  const out = new Map(userIds.map((id) => [id, total]));
  for (const r of reads) out.set(r.userId, r.markedUnread ? Math.max(1, r.n) : r.n);
  return out;
}

/**
 * How many of the user's own open conversations (the default Mine view) have customer messages
 * they have not read, or were marked unread: the "(3)" of the tab title. Reads
 * `conversations.last_inbound_at` against the user's read mark, so no message is scanned.
 */
export function unreadMineCount(core: Core, userId: string): number {
  return core.db.select({ n: sql<number>`count(*)` }).from(conversations)
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, userId)))
    .where(and(eq(conversations.assigneeId, userId), eq(conversations.status, 'open'),
      sql`(${conversations.lastInboundAt} > coalesce(${conversationReads.lastReadAt}, 0) or ${conversationReads.markedUnread} = 1)`))
    .get()?.n ?? 0;
}

/** Decorates messages for rendering (used by the thread page and the realtime listener). */
export function threadMessages(core: Core, list: Message[]): { messages: ThreadMessage[]; userNames: Map<string, string> } {
  const ids = list.map((m) => m.id);
  const files = attachmentsOf(core, ids);
  const reactions = ids.length ? core.db.select().from(messageReactions).where(and(inArray(messageReactions.messageId, ids), ne(messageReactions.emoji, ''))).orderBy(asc(messageReactions.createdAt)).all() : [];
  const quotedIds = list.map((m) => m.replyToId).filter((x): x is string => !!x);
  const quoted = new Map(quotedIds.length ? core.db.select().from(messages).where(inArray(messages.id, quotedIds)).all().map((m) => [m.id, m]) : []);
  const names = userNames(core, list.filter((m) => m.senderType === 'agent').map((m) => m.senderId));
  return {
    userNames: names,
    messages: list.map((message) => ({
      message,
      attachments: files.filter((a) => a.messageId === message.id),
      reactions: reactions.filter((r) => r.messageId === message.id).map((r) => ({ actor: r.actor, emoji: r.emoji })),
      quoted: message.replyToId ? (quoted.get(message.replyToId) ?? null) : null,
      senderName: message.senderType === 'agent' && message.senderId ? (names.get(message.senderId) ?? null) : null,
    })),
  };
}

/** Names of the users acting in timeline entries (assignees, actors). */
export function timelineNames(core: Core, events: ConversationEvent[]): Map<string, string> {
  return userNames(core, events.flatMap((e) => [e.actorId, e.details.assigneeId as string | undefined]));
}

/**
 * Marks the conversation read for the agent, and when customer messages are still unread by the
 * business, enqueues one `message.mark_read` job (the WhatsApp channel sends the read receipt).
 */
export function markConversationRead(core: Core, user: { id: string }, conversation: Conversation): void {
  const now = core.clock.now();
  core.db.insert(conversationReads).values({ userId: user.id, conversationId: conversation.id, lastReadAt: now, markedUnread: false })
    .onConflictDoUpdate({ target: [conversationReads.userId, conversationReads.conversationId], set: { lastReadAt: now, markedUnread: false } }).run();
  const pending = core.db.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'inbound'), eq(messages.status, 'received'))).limit(1).get();
  if (pending) enqueueJob(core, 'message.mark_read', { conversationId: conversation.id }, { uniqueKey: `mark_read:${conversation.id}` });
}

/** Flags the conversation unread for the agent until they open it again. */
export function markConversationUnread(core: Core, userId: string, conversationId: string): void {
  core.db.insert(conversationReads).values({ userId, conversationId, lastReadAt: 0, markedUnread: true })
    .onConflictDoUpdate({ target: [conversationReads.userId, conversationReads.conversationId], set: { markedUnread: true } }).run();
}
