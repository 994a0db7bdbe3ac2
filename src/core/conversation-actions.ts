/**
 * Agent actions on a conversation other than assignment: status (resolve, pending, snooze until
 * a time or the customer's reply, reopen) and priority. Each change is audited, leaves a
 * timeline entry and publishes `conversation.updated` after commit.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../db/schema';
import { transaction } from '../db/client';
import { CONVERSATION_STATUSES, PRIORITIES } from '../db/schema/enums';
import { recordAudit } from './audit';
import type { Core } from './context';
import { addConversationEvent, getConversationOrThrow } from './conversations';
import { fail } from './errors';
import type { Actor, Conversation } from './types';

export const statusChangeSchema = z.object({
  status: z.enum(CONVERSATION_STATUSES),
  snoozeUntil: z.number().int().positive().nullable().default(null),
  snoozeUntilReply: z.boolean().default(false),
});

function actorId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.user.id : null;
}

function apply(core: Core, id: string, actor: Actor, changes: Partial<Conversation>, kind: string, details: Record<string, unknown>): Conversation {
  const conversation = transaction(core.db, () => {
    const before = getConversationOrThrow(core, id);
    const row = { ...changes, updatedAt: core.clock.now() };
    core.db.update(conversations).set(row).where(eq(conversations.id, id)).run();
    addConversationEvent(core, id, kind, actorId(actor), details);
    recordAudit(core, actor, `conversation.${kind}`, { type: 'conversation', id }, details);
    return { ...before, ...row };
  });
  core.bus.publish('conversation.updated', { conversation, changes: Object.keys(changes), actor });
  return conversation;
}

/**
 * Changes the status. Snoozing needs a future time or "until the customer replies"; resolving
 * stamps `resolvedAt`; reopening clears snooze and resolution.
 */
export function setConversationStatus(core: Core, id: string, input: z.input<typeof statusChangeSchema>, actor: Actor): Conversation {
  const data = statusChangeSchema.parse(input);
  const now = core.clock.now();
  if (data.status === 'snoozed' && !data.snoozeUntilReply && (!data.snoozeUntil || data.snoozeUntil <= now)) {
    throw fail.unprocessable('Choose a time in the future or "until the customer replies"', { field: 'until' });
  }
  const changes: Partial<Conversation> = {
    status: data.status,
    snoozeUntil: data.status === 'snoozed' ? data.snoozeUntil : null,
    snoozeUntilReply: data.status === 'snoozed' && data.snoozeUntilReply,
    resolvedAt: data.status === 'resolved' ? now : null,
  };
  const kind = data.status === 'resolved' ? 'resolved' : data.status === 'open' ? 'reopened' : data.status;
  return apply(core, id, actor, changes, kind, { status: data.status, snoozeUntil: changes.snoozeUntil, untilReply: changes.snoozeUntilReply });
}

/** Changes the priority. */
export function setConversationPriority(core: Core, id: string, priority: string, actor: Actor): Conversation {
  const value = z.enum(PRIORITIES).parse(priority);
  return apply(core, id, actor, { priority: value }, 'priority', { priority: value });
}
