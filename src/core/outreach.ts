/**
 * Outreach: a business-initiated conversation with a known contact (usually to send an approved
 * template outside the 24-hour window). Finds the contact's identity on a channel and its latest
 * conversation there, reopening or creating one, in one transaction.
 */
import { emitEvent } from './event-log';
import { eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { channels, conversations } from '../db/schema';
import { getContactOrThrow, recipientIdentity } from './contacts';
import type { Core } from './context';
import { addConversationEvent, insertConversation, latestConversationOf } from './conversations';
import { fail } from './errors';
import type { Actor, Conversation } from './types';

export interface OpenedConversation {
  conversation: Conversation;
  /** True when a new conversation was created, false when an existing one was continued. */
  created: boolean;
}

/**
 * The conversation to write to a contact on `channelId` (or, when omitted, on the first channel
 * where the contact has an identity). Continues the latest conversation on that channel —
 * reopening it when resolved (timeline entry `reopened`, reason `outreach`) — or creates one.
 * Throws `unprocessable` (field `channelId`) when the contact has no identity on the channel.
 * Publishes `conversation.created` / `conversation.updated` after commit.
 */
export function openConversationForContact(core: Core, contactId: string, channelId: string | undefined, actor: Actor | null): OpenedConversation {
  return transaction(core.db, (): OpenedConversation => {
    const contact = getContactOrThrow(core, contactId);
    const identity = recipientIdentity(core, contactId, channelId);
    if (!identity) {
      throw fail.unprocessable(channelId
        ? 'This contact has never written to that channel, so there is no WhatsApp number to write to on it'
        : 'This contact has no WhatsApp identity on any channel yet', { field: 'channelId' });
    }
    const channel = core.db.select().from(channels).where(eq(channels.id, identity.channelId)).get();
    if (!channel) throw fail.notFound('Channel');
    const latest = latestConversationOf(core, channel.id, contactId);
    const now = core.clock.now();
    const actorId = actor?.type === 'user' ? actor.user.id : null;
    if (latest && latest.status !== 'resolved') return { conversation: latest, created: false };
    if (latest) {
      const changes = { status: 'open' as const, resolvedAt: null, reopenedAt: now, snoozeUntil: null, snoozeUntilReply: false, updatedAt: now };
      core.db.update(conversations).set(changes).where(eq(conversations.id, latest.id)).run();
      addConversationEvent(core, latest.id, 'reopened', actorId, { reason: 'outreach' });
      const reopened = { ...latest, ...changes };
      emitEvent(core, 'conversation.updated', { conversation: reopened, changes: ['status'], actor });
      return { conversation: reopened, created: false };
    }
    const conversation = insertConversation(core, channel.id, contactId, now);
    emitEvent(core, 'conversation.created', { conversation, contact });
    return { conversation, created: true };
  });
}
