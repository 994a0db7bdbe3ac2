/**
 * Provider calls about a conversation that are not messages: `message.mark_read` (tell the
 * customer's app we read their messages when an agent opens the conversation) and `message.react`
 * (an agent's reaction on a customer message).
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { ProviderError, adapterFor } from '../../channels/adapter';
import type { Core } from '../../core/context';
import { markInboundReadUpTo } from '../../core/delivery';
import { channels, conversations, messages } from '../../db/schema';
import { recipientIdentity } from '../../core/contacts';
import { JobFailed, JobRetry } from '../runner';

function rethrow(error: unknown): never {
  const e = error instanceof ProviderError ? error : new ProviderError(String(error), 'retry');
  if (e.action === 'fail') throw new JobFailed(e.opts.explanation ?? e.message);
  throw new JobRetry(e.opts.explanation ?? e.message, e.opts.minDelayMs);
}

/** Handler of `message.mark_read` `{conversationId}`. */
export function markReadHandler(core: Core) {
  return async (_job: unknown, payload: { conversationId: string }) => {
    const conversation = core.db.select().from(conversations).where(eq(conversations.id, payload.conversationId)).get();
    if (!conversation) return;
    const latest = core.db.select().from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'inbound'), isNotNull(messages.externalId)))
      .orderBy(desc(messages.sentAt)).limit(1).get();
    if (!latest || latest.status === 'read') return;
    const channel = core.db.select().from(channels).where(eq(channels.id, conversation.channelId)).get()!;
    if (channel.status !== 'active') return;
    try {
      await adapterFor(channel.type).markRead(core, channel, latest.externalId!);
    } catch (error) {
      rethrow(error);
    }
    // Only what the provider was told about: messages that arrived during the call stay unread.
    markInboundReadUpTo(core, conversation, latest);
  };
}

/** Handler of `message.react` `{messageId, emoji, userId}`. */
export function reactHandler(core: Core) {
  return async (_job: unknown, payload: { messageId: string; emoji: string }) => {
    const target = core.db.select().from(messages).where(eq(messages.id, payload.messageId)).get();
    if (!target?.externalId) return;
    const conversation = core.db.select().from(conversations).where(eq(conversations.id, target.conversationId)).get()!;
    const channel = core.db.select().from(channels).where(eq(channels.id, target.channelId)).get()!;
    const identity = recipientIdentity(core, conversation.contactId, channel.id);
    if (!identity) throw new JobFailed('the contact has no identity on this channel');
    try {
      await adapterFor(channel.type).react(core, channel, identity.rawId, target.externalId, payload.emoji);
    } catch (error) {
      rethrow(error);
    }
  };
}
