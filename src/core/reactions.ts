/** Reactions on messages: one emoji per actor and message; an empty emoji removes it. */
import { emitEvent } from './event-log';
import { and, eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { conversations, messageReactions, messages } from '../db/schema';
import type { Core } from './context';
import type { Message } from './types';

/**
 * Sets (or with an empty emoji, removes) `actor`'s reaction on a message and announces it.
 * `actor` is `contact` for the customer or the agent's user id. `at` is when it happened
 * (provider time): a redelivered older reaction never overrides a newer one — a removal is
 * kept as an empty emoji for that reason, and views skip empty reactions.
 */
export function setReaction(core: Core, message: Message, actor: string, emoji: string, at = core.clock.now()): void {
  transaction(core.db, () => {
    const current = core.db.select().from(messageReactions)
      .where(and(eq(messageReactions.messageId, message.id), eq(messageReactions.actor, actor))).get();
    if (current && current.createdAt > at) return;
    core.db.insert(messageReactions).values({ messageId: message.id, actor, emoji, createdAt: at })
      .onConflictDoUpdate({ target: [messageReactions.messageId, messageReactions.actor], set: { emoji, createdAt: at } }).run();
    const conversation = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
    if (conversation) emitEvent(core, 'message.updated', { message, conversation, change: 'reaction' });
  });
}

/** The message with a provider id on a channel. */
export function findByExternalId(core: Core, channelId: string, externalId: string): Message | undefined {
  return core.db.select().from(messages).where(and(eq(messages.channelId, channelId), eq(messages.externalId, externalId))).get();
}
