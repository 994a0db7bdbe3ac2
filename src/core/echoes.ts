/**
 * Business-app echoes: messages the business sent from the WhatsApp Business phone app
 * (coexistence) that the provider reports afterwards. They join the customer's thread as outbound
 * messages already sent, so agents see the whole history; they are never sent again, never routed
 * and never answered by the bot (those listeners only act on inbound messages).
 */
import { emitEvent } from './event-log';
import { eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { conversations, messages } from '../db/schema';
import { newId } from '../lib/ids';
import { upsertContactIdentity } from './contacts';
import type { Core } from './context';
import { insertConversation, latestConversationOf } from './conversations';
import { applyParkedStatuses } from './delivery';
import { findByExternalId } from './reactions';
import { attachProviderMedia, previewOf, type InboundMessageInput } from './messages';
import type { Conversation, Message } from './types';

/** `payload.source` of a message sent from the WhatsApp Business app. */
export const BUSINESS_APP_SOURCE = 'business_app';

/** True for a message that was sent from the WhatsApp Business app (it must never be sent by us). */
export function isBusinessAppEcho(message: Pick<Message, 'payload'>): boolean {
  return message.payload?.source === BUSINESS_APP_SOURCE;
}

export interface BusinessEchoResult {
  duplicate: boolean;
  message: Message | null;
  conversation: Conversation | null;
  isNewConversation: boolean;
}

function conversationChanges(conversation: Conversation, sentAt: number, message: Message, created: boolean, now: number): Partial<Conversation> {
  const isLatest = created || sentAt >= conversation.lastMessageAt;
  // An answer only ends a wait that started before it (a late echo must not clear a newer wait).
  const answers = conversation.waitingSince !== null && sentAt >= conversation.waitingSince;
  return {
    lastOutboundAt: Math.max(conversation.lastOutboundAt ?? 0, sentAt),
    updatedAt: now,
    ...(isLatest ? { lastMessageAt: sentAt, lastMessagePreview: previewOf(message.type, message.content), lastMessageType: message.type } : {}),
    ...(answers ? { waitingSince: null } : {}),
    ...(answers && !conversation.firstResponseAt ? { firstResponseAt: sentAt } : {}),
  };
}

/**
 * Stores a message the business sent from the WhatsApp Business app, once per (channel, external
 * id); `input` is shaped like an inbound message, with `identity` = the customer written to. A redelivery returns `{duplicate: true}` and changes nothing. In one transaction: the
 * customer's contact identity, the conversation (the latest one on the channel, left as it is even
 * when resolved — an echo never reopens; a new open, unassigned one when there is none), the message
 * (outbound, sender `agent` without user, status `sent`, `payload.source = 'business_app'`), its
 * media download job, statuses that arrived before it, and the conversation's last message,
 * `lastOutboundAt`, `waitingSince` (cleared: the customer got an answer) and `firstResponseAt`.
 * Publishes `conversation.created` (when created) and `message.created` after commit. Queues no send.
 */
export function recordBusinessAppEcho(core: Core, input: InboundMessageInput): BusinessEchoResult {
  return transaction(core.db, (): BusinessEchoResult => {
    const known = findByExternalId(core, input.channelId, input.externalId);
    if (known) return { duplicate: true, message: null, conversation: null, isNewConversation: false };
    const contact = upsertContactIdentity(core, { ...input.identity, channelId: input.channelId });
    const latest = latestConversationOf(core, input.channelId, contact.id);
    const conversation = latest ?? insertConversation(core, input.channelId, contact.id, input.sentAt);
    const created = !latest;
    const replyTo = input.replyToExternalId ? findByExternalId(core, input.channelId, input.replyToExternalId) : undefined;
    const now = core.clock.now();
    const inserted: Message = {
      id: newId(), conversationId: conversation.id, channelId: input.channelId, direction: 'outbound',
      senderType: 'agent', senderId: null, type: input.type, content: input.content,
      payload: { ...input.payload, source: BUSINESS_APP_SOURCE }, raw: input.raw, externalId: input.externalId, status: 'sent',
      errorCode: null, errorMessage: null, isPrivate: false, replyToId: replyTo?.id ?? null,
      replyToExternalId: input.replyToExternalId ?? null, sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, sentAt: input.sentAt, createdAt: now, updatedAt: now,
    };
    // The unique (channel, external id) index is the guard; the lookup above only spares the work.
    core.db.insert(messages).values(inserted).run();
    if (input.attachment) attachProviderMedia(core, inserted.id, input.attachment);
    const message = applyParkedStatuses(core, inserted);
    const changes = conversationChanges(conversation, input.sentAt, message, created, now);
    core.db.update(conversations).set(changes).where(eq(conversations.id, conversation.id)).run();
    const updated = { ...conversation, ...changes };
    if (created) emitEvent(core, 'conversation.created', { conversation: updated, contact });
    emitEvent(core, 'message.created', { message, conversation: updated, contact, isNewConversation: created });
    return { duplicate: false, message, conversation: updated, isNewConversation: created };
  });
}
