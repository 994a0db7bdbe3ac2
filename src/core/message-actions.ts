/**
 * Agent actions on single messages: reactions (stored and sent through a `message.react` job),
 * retrying a failed send, and the @mentions of private notes.
 */
import { emitEvent } from './event-log';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { conversations, mentions, messages, users } from '../db/schema';
import { transaction } from '../db/client';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { getConversationOrThrow, windowRemainingMs } from './conversations';
import { isBusinessAppEcho } from './echoes';
import { fail } from './errors';
import { enqueueJob, runQueuedJobNow } from './jobs';
import { getMessageOrThrow } from './messages';
import { setReaction } from './reactions';
import { getUser } from './users';
import type { Actor, Conversation, Message, PublicUser } from './types';
import { notify } from './routing/notify';
import { conversationAudience, conversationFilterFor } from './visibility';

const emojiSchema = z.string().min(1).max(16);

/**
 * Sets (or with an empty emoji, removes) the agent's reaction on a customer-visible message and
 * enqueues `message.react` {messageId, emoji, userId}; publishes `message.updated` ('reaction').
 */
export function reactToMessage(core: Core, messageId: string, emoji: string, user: PublicUser): Message {
  const value = emoji === '' ? '' : emojiSchema.parse(emoji);
  const message = getMessageOrThrow(core, messageId);
  if (message.isPrivate) throw fail.unprocessable('Private notes cannot get reactions');
  transaction(core.db, () => {
    setReaction(core, message, user.id, value);
    enqueueJob(core, 'message.react', { messageId, emoji: value, userId: user.id });
  });
  return message;
}

/**
 * Puts a failed outbound message back in the queue with a fresh `message.send` job. A message the
 * provider accepted and later failed keeps its old provider id in the payload (`previousExternalIds`)
 * and is sent as a new provider message. Free-form messages need the 24-hour window open again.
 * A message still queued after failed attempts (waiting for its next try) is tried now instead.
 */
export function retryFailedMessage(core: Core, messageId: string, _actor: Actor): Message {
  const updated = transaction(core.db, () => {
    const message = getMessageOrThrow(core, messageId);
    if (message.direction === 'outbound' && message.status === 'queued' && message.sendAttempts > 0) {
      runQueuedJobNow(core, `send:${messageId}`);
      const changes = { sendRetryAt: core.clock.now(), updatedAt: core.clock.now() };
      core.db.update(messages).set(changes).where(eq(messages.id, messageId)).run();
      return { ...message, ...changes };
    }
    if (message.direction !== 'outbound' || message.status !== 'failed') throw fail.conflict('Only failed outbound messages can be retried');
    if (isBusinessAppEcho(message)) throw fail.conflict('This message was sent from the WhatsApp Business app; send it again from the phone');
    const conversation = getConversationOrThrow(core, message.conversationId);
    if (message.type !== 'template' && windowRemainingMs(core, conversation) === 0) {
      throw fail.unprocessable('The 24-hour window is closed: send an approved template instead of retrying this message.');
    }
    const now = core.clock.now();
    const previous = (message.payload?.previousExternalIds as string[] | undefined) ?? [];
    const payload = message.externalId ? { ...message.payload, previousExternalIds: [...previous, message.externalId] } : message.payload;
    const changes = { status: 'queued' as const, errorCode: null, errorMessage: null, externalId: null, sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, payload, updatedAt: now };
    core.db.update(messages).set(changes).where(eq(messages.id, messageId)).run();
    enqueueJob(core, 'message.send', { messageId }, { uniqueKey: `send:${messageId}` });
    return { ...message, ...changes };
  });
  emitEvent(core, 'message.updated', { message: updated, conversation: getConversationOrThrow(core, updated.conversationId), change: 'status' });
  return updated;
}

/** Active colleagues other than `selfId` who may see the conversation, by name: whom a note can @mention. */
export function mentionableUsers(core: Core, conversation: Conversation, selfId: string | null): Array<{ id: string; name: string }> {
  const maySee = conversationAudience(core, conversation);
  return core.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)).all()
    .filter((u) => u.id !== selfId && maySee(u)).map((u) => ({ id: u.id, name: u.name }));
}

/**
 * Finds `@Name` mentions (full name or first name, case-insensitive) of active users who may see
 * the conversation in a note and stores, with the note, a `mentions` row and a `mention`
 * notification (their bell and toast) per user; after commit, publishes `mention.created` for each.
 * Someone who cannot see it is neither recorded nor notified. Returns the mentioned ids.
 */
export function recordMentions(core: Core, note: Message): string[] {
  if (!note.isPrivate || !note.content.includes('@')) return [];
  const text = note.content.toLowerCase();
  const conversation = getConversationOrThrow(core, note.conversationId);
  const mentioned = mentionableUsers(core, conversation, note.senderId).filter((u) => {
    const full = `@${u.name.toLowerCase()}`;
    const first = `@${u.name.toLowerCase().split(/\s+/)[0]}`;
    return [full, first].some((token) => new RegExp(`${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));
  }).map((u) => u.id);
  if (mentioned.length === 0) return [];
  const now = core.clock.now();
  core.db.insert(mentions).values(mentioned.map((userId) => ({ id: newId(), messageId: note.id, conversationId: note.conversationId, userId, readAt: null, createdAt: now }))).run();
  const by = note.senderId ? getUser(core, note.senderId)?.name : undefined;
  notify(core, mentioned, 'mention', note.conversationId, { number: conversation.number, by: by ?? '?', messageId: note.id });
  for (const userId of mentioned) emitEvent(core, 'mention.created', { userId, messageId: note.id, conversationId: note.conversationId, authorName: by ?? null });
  return mentioned;
}

/** Conversation ids where the user was mentioned, newest first (the "Mentions" view). */
export function mentionedConversationIds(core: Core, userId: string): string[] {
  const rows = core.db.select({ id: mentions.conversationId }).from(mentions)
    .innerJoin(conversations, eq(conversations.id, mentions.conversationId))
    .where(eq(mentions.userId, userId)).orderBy(mentions.createdAt).all();
  return [...new Set(rows.map((r) => r.id).reverse())];
}

/**
 * Conversations where the user was mentioned and that they may still see, newest mention first:
 * the Mentions view, its count in GET /inbox/counts and its live count pushed on a new mention.
 */
export function visibleMentionedConversations(core: Core, user: PublicUser): Conversation[] {
  const ids = mentionedConversationIds(core, user.id);
  if (ids.length === 0) return [];
  const byId = new Map(core.db.select().from(conversations).where(inArray(conversations.id, ids)).all().map((c) => [c.id, c]));
  const visible = conversationFilterFor(core, user);
  return ids.map((id) => byId.get(id)).filter((c): c is Conversation => !!c && visible(c));
}
