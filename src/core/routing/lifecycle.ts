/**
 * Conversation status changes: open, pending, snoozed (until a time — a durable wake-up job — or
 * until the customer replies) and resolved. Every change leaves a `status` timeline entry and
 * publishes `conversation.updated`; resolving frees the agent's capacity (the router drains).
 */
import { emitEvent } from '../event-log';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../../db/schema';
import { transaction } from '../../db/client';
import { CONVERSATION_STATUSES } from '../../db/schema/enums';
import type { Core } from '../context';
import { addConversationEvent, getConversationOrThrow } from '../conversations';
import { fail } from '../errors';
import { enqueueJob } from '../jobs';
import type { Actor, Conversation } from '../types';

export const statusChangeSchema = z.object({
  status: z.enum(CONVERSATION_STATUSES),
  /** Epoch ms; required for a timed snooze. */
  snoozeUntil: z.number().int().positive().nullable().optional(),
  /** Snooze until the customer writes again. */
  snoozeUntilReply: z.boolean().optional(),
});
export type StatusChange = z.input<typeof statusChangeSchema>;

export const SNOOZE_WAKE_JOB = 'conversation.snooze_wake';

/** Changes a conversation's status (no permission checks: callers decide who may). */
export function setConversationStatus(core: Core, conversationId: string, input: StatusChange, actor: Actor | null, note: Record<string, unknown> = {}): Conversation {
  const data = statusChangeSchema.parse(input);
  const now = core.clock.now();
  if (data.status === 'snoozed' && !data.snoozeUntilReply && !(data.snoozeUntil && data.snoozeUntil > now)) {
    throw fail.unprocessable('Choose when the snooze ends (a future time) or snooze until the customer replies', { field: 'snoozeUntil' });
  }
  const result = transaction(core.db, () => {
    const before = getConversationOrThrow(core, conversationId);
    const snoozed = data.status === 'snoozed';
    const changes: Partial<Conversation> = {
      status: data.status, updatedAt: now,
      snoozeUntil: snoozed ? data.snoozeUntil ?? null : null,
      snoozeUntilReply: snoozed ? data.snoozeUntilReply ?? false : false,
      resolvedAt: data.status === 'resolved' ? now : null,
      ...(data.status === 'resolved' ? { waitingSince: null } : {}),
      ...(before.status === 'resolved' && data.status !== 'resolved' ? { reopenedAt: now } : {}),
    };
    core.db.update(conversations).set(changes).where(eq(conversations.id, conversationId)).run();
    addConversationEvent(core, conversationId, 'status', actor?.type === 'user' ? actor.user.id : null, {
      from: before.status, to: data.status, snoozeUntil: changes.snoozeUntil, snoozeUntilReply: changes.snoozeUntilReply,
      by: actor?.type === 'system' ? actor.name : null, ...note,
    });
    if (snoozed && changes.snoozeUntil) {
      enqueueJob(core, SNOOZE_WAKE_JOB, { conversationId, until: changes.snoozeUntil }, { runAt: changes.snoozeUntil, uniqueKey: `snooze:${conversationId}:${changes.snoozeUntil}` });
    }
    return { before, conversation: { ...before, ...changes } };
  });
  if (result.before.status !== data.status || data.status === 'snoozed') {
    emitEvent(core, 'conversation.updated', { conversation: result.conversation, changes: ['status'], actor });
  }
  return result.conversation;
}

/** Job handler: ends a timed snooze when it is still the snooze that scheduled it. */
export function wakeSnoozed(core: Core, payload: { conversationId: string; until: number }): void {
  const conversation = core.db.select().from(conversations).where(eq(conversations.id, payload.conversationId)).get();
  if (!conversation || conversation.status !== 'snoozed' || conversation.snoozeUntil !== payload.until) return;
  setConversationStatus(core, conversation.id, { status: 'open' }, { type: 'system', name: 'snooze' }, { reason: 'snooze_ended' });
}
