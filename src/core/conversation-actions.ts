/**
 * Agent actions on a conversation as a signed-in user, with the permission rules applied here so
 * that every entry point (JSON API, inbox pages, plugins) enforces the same ones:
 * - `assignAs`: visibility, then core/routing/permissions `assertMayAssign`; `transferAs` adds a handover note;
 * - `takeOverAs`: visibility, then core/assignment `mayTakeOver`;
 * - `changeStatusAs`: visibility, then "only the assignee or a supervisor" (core/routing/lifecycle);
 * - `setConversationPriority`: audited, timeline entry, `conversation.updated` after commit.
 */
import { emitEvent } from './event-log';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../db/schema';
import { transaction } from '../db/client';
import { PRIORITIES } from '../db/schema/enums';
import { recordAudit } from './audit';
import type { Core } from './context';
import { addConversationEvent, getConversationOrThrow } from './conversations';
import { fail } from './errors';
import { assignConversation, takeOver, type AssignmentResult, type AssignmentTarget } from './assignment';
import { setConversationStatus, type StatusChange } from './routing/lifecycle';
import { assertMayAssign } from './routing/permissions';
import { canSeeConversation } from './visibility';
import { sendMessage } from './messages';
import { getUser } from './users';
import type { Actor, Conversation } from './types';

type UserActor = Actor & { type: 'user' };

/** The conversation if the user may see it; `notFound` otherwise (never reveal that it exists). */
export function getVisibleConversationOrThrow(core: Core, user: UserActor['user'], conversationId: string): Conversation {
  const conversation = getConversationOrThrow(core, conversationId);
  if (!canSeeConversation(core, user, conversation)) throw fail.notFound('Conversation');
  return conversation;
}

/**
 * Assigns, transfers or unassigns as `actor`: 404 when they cannot see the conversation, 403 when
 * `assertMayAssign` refuses (an agent reassigning someone else's conversation…). An agent handing
 * over their own conversation is recorded as a `transfer`, anything else as `manual`.
 */
export function assignAs(core: Core, actor: UserActor, conversationId: string, target: AssignmentTarget, note: string | null = null): AssignmentResult {
  const conversation = getVisibleConversationOrThrow(core, actor.user, conversationId);
  assertMayAssign(core, actor.user, conversation, target);
  const own = actor.user.role === 'agent' && conversation.assigneeId === actor.user.id;
  const mode = own && target.assigneeId !== actor.user.id ? 'transfer' : 'manual';
  return assignConversation(core, conversationId, target, actor, { mode, note });
}

/**
 * Assign/transfer with an optional handover note: `assignAs` (same rules; the note is kept on the
 * `assigned` timeline entry) and, when there is a note, a private note in the thread that starts
 * by @mentioning the new assignee, so they are notified like for any mention. Both happen in one
 * transaction: a note that cannot be stored leaves the assignment unchanged (events go out after commit).
 */
export function transferAs(core: Core, actor: UserActor, conversationId: string, target: AssignmentTarget, note: string | null): AssignmentResult {
  const text = note?.trim() ?? '';
  return transaction(core.db, () => {
    const result = assignAs(core, actor, conversationId, target, text || null);
    if (!text) return result;
    const assigneeId = result.conversation.assigneeId;
    const name = assigneeId && assigneeId !== actor.user.id ? getUser(core, assigneeId)?.name : undefined;
    const mention = name && !text.toLowerCase().includes(`@${name.toLowerCase()}`) ? `@${name} ` : '';
    sendMessage(core, conversationId, actor, { content: `${mention}${text}`, private: true });
    return result;
  });
}

/** Takes the conversation over as `actor`: 404 when they cannot see it, 403 unless `mayTakeOver`. */
export function takeOverAs(core: Core, actor: UserActor, conversationId: string): AssignmentResult {
  getVisibleConversationOrThrow(core, actor.user, conversationId);
  return takeOver(core, conversationId, actor);
}

/**
 * Changes the status as `actor`: 404 when they cannot see the conversation; an agent may change
 * it only when the conversation is unassigned or theirs (403 otherwise); supervisors and admins
 * always. The change itself (snooze wake-up job, timeline, event) is core/routing/lifecycle's.
 */
export function changeStatusAs(core: Core, actor: UserActor, conversationId: string, input: StatusChange): Conversation {
  const conversation = getVisibleConversationOrThrow(core, actor.user, conversationId);
  if (actor.user.role === 'agent' && conversation.assigneeId && conversation.assigneeId !== actor.user.id) {
    throw fail.forbidden('Only the assigned agent or a supervisor can change the status of this conversation');
  }
  return setConversationStatus(core, conversationId, input, actor);
}

/** Changes the priority. */
export function setConversationPriority(core: Core, id: string, priority: string, actor: Actor): Conversation {
  const value = z.enum(PRIORITIES).parse(priority);
  const conversation = transaction(core.db, () => {
    const before = getConversationOrThrow(core, id);
    const row = { priority: value, updatedAt: core.clock.now() };
    core.db.update(conversations).set(row).where(eq(conversations.id, id)).run();
    addConversationEvent(core, id, 'priority', actor.type === 'user' ? actor.user.id : null, { priority: value });
    recordAudit(core, actor, 'conversation.priority', { type: 'conversation', id }, { priority: value });
    return { ...before, ...row };
  });
  emitEvent(core, 'conversation.updated', { conversation, changes: ['priority'], actor });
  return conversation;
}
