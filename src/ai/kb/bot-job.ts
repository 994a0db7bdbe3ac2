/**
 * The bot runs as a durable job (`bot.answer`), never inside the `message.created` listener, so an
 * inbound message reaches the inbox and routing at once while the bot classifies and maybe waits
 * for the generative endpoint. The listener only decides, synchronously and before routing, that
 * the bot takes the conversation (`botActive`, so routing does not auto-assign it) and enqueues
 * one job per message. Jobs of the same conversation serialise on "only the latest customer
 * message is answered" (see `KnowledgeBot`): two quick messages get one reply.
 */
import { eq } from 'drizzle-orm';
import { conversations, messages } from '../../db/schema';
import { transaction } from '../../db/client';
import type { Core } from '../../core/context';
import { enqueueJob } from '../../core/jobs';
import { autoAssign } from '../../core/routing/engine';
import type { Message } from '../../core/types';
import { whyBotSilent, type KnowledgeBot } from './bot';

export const BOT_JOB = 'bot.answer';

export interface BotJobPayload {
  messageId: string;
  isNewConversation: boolean;
}

/** True for the messages the bot reads: customer text. */
export function botReads(message: Message): boolean {
  return message.direction === 'inbound' && !message.isPrivate && message.type === 'text' && message.content.trim() !== '';
}

/**
 * Listener half: when the bot may act on this message, marks the conversation `botActive` and
 * enqueues its job (new conversations are always enqueued: they are classified for the learning
 * loop even when the bot stays silent). Returns true when a job was enqueued.
 */
export function enqueueBotTurn(core: Core, message: Message, isNewConversation: boolean): boolean {
  if (!botReads(message)) return false;
  return transaction(core.db, () => {
    const conversation = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
    if (!conversation) return false;
    const silent = whyBotSilent(core, conversation);
    if (silent && !isNewConversation) return false;
    if (!silent && !conversation.botActive) {
      core.db.update(conversations).set({ botActive: true, updatedAt: core.clock.now() }).where(eq(conversations.id, conversation.id)).run();
    }
    const payload: BotJobPayload = { messageId: message.id, isNewConversation };
    enqueueJob(core, BOT_JOB, { ...payload }, { uniqueKey: `bot:${message.id}`, maxAttempts: 1 });
    return true;
  });
}

/**
 * Gives the conversation back to routing when the bot holds it (`botActive`) but may no longer act
 * (turned off, team opened, taken, or the bot failed): clears `botActive` and auto-assigns.
 */
export function releaseToRouting(core: Core, conversationId: string, trigger: string): void {
  const conversation = core.db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!conversation?.botActive) return;
  if (trigger !== 'bot_failed' && !whyBotSilent(core, conversation)) return;
  core.db.update(conversations).set({ botActive: false, updatedAt: core.clock.now() }).where(eq(conversations.id, conversationId)).run();
  autoAssign(core, conversationId, { recordQueued: true, trigger });
}

/** Job half: runs the bot on the message; a failure hands the conversation to routing instead of retrying. */
export async function runBotTurn(core: Core, bot: KnowledgeBot, payload: BotJobPayload): Promise<void> {
  const message = core.db.select().from(messages).where(eq(messages.id, payload.messageId)).get();
  if (!message) return;
  try {
    const outcome = await bot.onInbound(message, payload.isNewConversation);
    if (outcome.action === 'ignored' && outcome.why !== 'superseded') releaseToRouting(core, message.conversationId, 'bot_stopped');
  } catch (error) {
    core.log.warn('ai: the bot failed on a message; routing takes the conversation', { messageId: message.id, error: (error as Error).message });
    releaseToRouting(core, message.conversationId, 'bot_failed');
  }
}
