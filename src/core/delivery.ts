/**
 * Delivery statuses of outbound messages: a forward-only state machine (queued < sent < delivered
 * < read; failed apart). Status updates are idempotent; a status whose message is not known yet
 * is kept in `pending_statuses` and applied when the provider id is stored. Inbound messages are
 * marked read here too (after the provider was told), and failed send attempts recorded.
 */
import { emitEvent } from './event-log';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { transaction } from '../db/client';
import { conversations, messages, pendingStatuses } from '../db/schema';
import type { DeliveryStatus } from '../db/schema/enums';
import { newId } from '../lib/ids';
import type { Core } from './context';
import type { Conversation, Message } from './types';

const RANK: Record<DeliveryStatus, number> = { received: 0, queued: 0, sent: 1, delivered: 2, read: 3, failed: -1 };

/**
 * The status a message moves to when `incoming` arrives, or null when it must not move (going
 * backwards, or a late failure after delivery/read).
 */
export function nextDeliveryStatus(current: DeliveryStatus, incoming: DeliveryStatus): DeliveryStatus | null {
  if (incoming === current) return null;
  if (incoming === 'failed') return RANK[current] >= RANK.delivered ? null : 'failed';
  if (current === 'failed') return RANK[incoming] >= RANK.delivered ? incoming : null;
  return RANK[incoming] > RANK[current] ? incoming : null;
}

export interface StatusInput {
  channelId: string;
  externalId: string;
  status: DeliveryStatus;
  occurredAt: number;
  errorCode?: number | null;
  errorMessage?: string | null;
  /** Our message id echoed back by the provider (WhatsApp biz_opaque_callback_data). */
  callbackData?: string | null;
}

function applyToMessage(core: Core, message: Message, input: Pick<StatusInput, 'status' | 'errorCode' | 'errorMessage'>): Message | null {
  const next = nextDeliveryStatus(message.status, input.status);
  if (!next) return null;
  const changes: Partial<Message> = { status: next, updatedAt: core.clock.now() };
  if (next === 'failed') {
    changes.errorCode = input.errorCode ?? null;
    changes.errorMessage = input.errorMessage ?? null;
  }
  core.db.update(messages).set(changes).where(eq(messages.id, message.id)).run();
  return { ...message, ...changes };
}

function publishUpdated(core: Core, message: Message): void {
  const conversation = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
  if (conversation) emitEvent(core, 'message.updated', { message, conversation, change: 'status' });
}

/**
 * Applies one provider status. Unknown provider ids are reconciled through `callbackData` (a send
 * whose answer was lost in a crash) or parked until the id is stored. Returns the updated message,
 * or null when nothing changed.
 */
export function applyDeliveryStatus(core: Core, input: StatusInput): Message | null {
  return transaction(core.db, () => {
    let message = core.db.select().from(messages)
      .where(and(eq(messages.channelId, input.channelId), eq(messages.externalId, input.externalId))).get();
    if (!message && input.callbackData) {
      const orphan = core.db.select().from(messages)
        .where(and(eq(messages.id, input.callbackData), eq(messages.channelId, input.channelId), isNull(messages.externalId))).get();
      if (orphan) {
        core.db.update(messages).set({ externalId: input.externalId, sendAttemptedAt: null }).where(eq(messages.id, orphan.id)).run();
        message = { ...orphan, externalId: input.externalId, sendAttemptedAt: null };
      }
    }
    if (!message) {
      core.db.insert(pendingStatuses).values({
        id: newId(), channelId: input.channelId, externalId: input.externalId, status: input.status,
        errorCode: input.errorCode ?? null, errorMessage: input.errorMessage ?? null, occurredAt: input.occurredAt, createdAt: core.clock.now(),
      }).run();
      return null;
    }
    const updated = applyToMessage(core, message, input);
    if (updated) publishUpdated(core, updated);
    return updated;
  });
}

/**
 * Applies, in the order they happened, the statuses that arrived before `message`'s provider id
 * was stored, and forgets them. Returns the message as it ends up. Call inside a transaction.
 */
export function applyParkedStatuses(core: Core, message: Message): Message {
  if (!message.externalId) return message;
  const where = and(eq(pendingStatuses.channelId, message.channelId), eq(pendingStatuses.externalId, message.externalId));
  const parked = core.db.select().from(pendingStatuses).where(where).orderBy(asc(pendingStatuses.occurredAt)).all();
  let current = message;
  for (const p of parked) current = applyToMessage(core, current, p) ?? current;
  if (parked.length) core.db.delete(pendingStatuses).where(where).run();
  return current;
}

/**
 * Stores the provider id of a sent message, marks it `sent`, and applies any statuses that
 * arrived before it (in the order they happened). Runs in the caller's transaction when there is one.
 */
export function recordProviderId(core: Core, messageId: string, externalId: string, raw: string | null): Message {
  return transaction(core.db, () => {
    const message = core.db.select().from(messages).where(eq(messages.id, messageId)).get()!;
    let current: Message = { ...message, externalId, sendAttemptedAt: null, sendRetryReason: null, sendRetryAt: null, raw: raw ?? message.raw };
    core.db.update(messages).set({ externalId, sendAttemptedAt: null, sendRetryReason: null, sendRetryAt: null, raw: current.raw, updatedAt: core.clock.now() }).where(eq(messages.id, messageId)).run();
    current = applyParkedStatuses(core, applyToMessage(core, current, { status: 'sent' }) ?? current);
    publishUpdated(core, current);
    return current;
  });
}

/**
 * Marks the conversation's inbound messages up to `latest` (by sent time) read: what the provider
 * was just told. Messages that arrived meanwhile stay unread. Publishes `message.updated` for
 * `latest` after commit.
 */
export function markInboundReadUpTo(core: Core, conversation: Conversation, latest: Message): void {
  core.db.update(messages).set({ status: 'read', updatedAt: core.clock.now() })
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'inbound'), lte(messages.sentAt, latest.sentAt))).run();
  emitEvent(core, 'message.updated', { message: { ...latest, status: 'read' }, conversation, change: 'status' });
}

/**
 * Records a failed send attempt that the queue will retry at `retryAt`: the attempt count and the
 * reason show on the still-queued bubble ("Attempt 2 failed: could not connect…"), with a Retry.
 */
export function recordSendRetry(core: Core, messageId: string, attempts: number, reason: string, retryAt: number): void {
  transaction(core.db, () => {
    const message = core.db.select().from(messages).where(eq(messages.id, messageId)).get();
    if (!message || message.status !== 'queued') return;
    const changes = { sendAttempts: attempts, sendRetryReason: reason.slice(0, 500), sendRetryAt: retryAt, updatedAt: core.clock.now() };
    core.db.update(messages).set(changes).where(eq(messages.id, messageId)).run();
    publishUpdated(core, { ...message, ...changes });
  });
}

/** Marks an outbound message failed with the provider's code and a human explanation. */
export function markMessageFailed(core: Core, messageId: string, errorCode: number | null, errorMessage: string): void {
  transaction(core.db, () => {
    const message = core.db.select().from(messages).where(eq(messages.id, messageId)).get();
    if (!message) return;
    const updated = applyToMessage(core, { ...message, sendAttemptedAt: null }, { status: 'failed', errorCode, errorMessage });
    core.db.update(messages).set({ sendAttemptedAt: null }).where(eq(messages.id, messageId)).run();
    if (updated) publishUpdated(core, updated);
  });
}
