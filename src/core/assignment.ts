/**
 * Assigning conversations to agents and teams. Every change is audited, leaves an `assigned`
 * entry on the conversation's timeline with the explanation (`reason`) in its details, and
 * publishes `conversation.assigned` after commit. The routing engine (core/routing) decides *who*;
 * this module only records the decision.
 */
import { emitEvent } from './event-log';
import { and, eq, isNull } from 'drizzle-orm';
import { conversations, users } from '../db/schema';
import { transaction } from '../db/client';
import { recordAudit } from './audit';
import type { Core } from './context';
import { addConversationEvent, getConversationOrThrow } from './conversations';
import { fail } from './errors';
import { assignsOnReply, getTeamOrThrow } from './teams';
import { teamIdsOf } from './visibility';
import type { Actor, Conversation, PublicUser } from './types';

export interface AssignmentTarget {
  /** Agent to assign; `null` unassigns; omitted keeps the current assignee. */
  assigneeId?: string | null;
  /** Team to route to; `null` removes the team; omitted keeps the current team. */
  teamId?: string | null;
}

export interface AssignmentResult {
  conversation: Conversation;
  previousAssigneeId: string | null;
  previousTeamId: string | null;
  changed: boolean;
}

function actorId(actor: Actor | null): string | null {
  return actor?.type === 'user' ? actor.user.id : null;
}

function nameOf(core: Core, userId: string): string | null {
  return core.db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

function assertActiveUser(core: Core, userId: string): void {
  const user = core.db.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw fail.notFound('Agent');
  if (!user.active) throw fail.unprocessable('This agent is deactivated and cannot receive conversations', { field: 'assigneeId' });
}

/**
 * Applies an assignment inside the caller's transaction (or a new IMMEDIATE one) without
 * publishing; returns what changed. Follow it with `publishAssignment` (it waits for the commit).
 */
export function applyAssignment(core: Core, conversationId: string, requested: AssignmentTarget, actor: Actor | null, reason: Record<string, unknown>): AssignmentResult {
  return transaction(core.db, () => {
    const before = getConversationOrThrow(core, conversationId);
    // Before-hooks (plugins) may refuse the assignment or pick another target.
    const { target } = core.hooks.run('conversation.beforeAssign', { conversation: before, actor, target: requested, reason });
    const assigneeId = target.assigneeId === undefined ? before.assigneeId : target.assigneeId;
    const teamId = target.teamId === undefined ? before.teamId : target.teamId;
    if (assigneeId && assigneeId !== before.assigneeId) assertActiveUser(core, assigneeId);
    if (teamId && teamId !== before.teamId) getTeamOrThrow(core, teamId);
    const changed = assigneeId !== before.assigneeId || teamId !== before.teamId;
    if (!changed) return { conversation: before, previousAssigneeId: before.assigneeId, previousTeamId: before.teamId, changed };
    const now = core.clock.now();
    const changes: Partial<Conversation> = {
      assigneeId, teamId, updatedAt: now,
      previousAssigneeId: assigneeId !== before.assigneeId && before.assigneeId ? before.assigneeId : before.previousAssigneeId,
    };
    core.db.update(conversations).set(changes).where(eq(conversations.id, conversationId)).run();
    if (assigneeId && assigneeId !== before.assigneeId) core.db.update(users).set({ lastAssignedAt: now }).where(eq(users.id, assigneeId)).run();
    addConversationEvent(core, conversationId, 'assigned', actorId(actor), {
      assigneeName: assigneeId ? nameOf(core, assigneeId) : null, teamName: teamId ? getTeamOrThrow(core, teamId).name : null,
      ...reason, assigneeId, teamId, previousAssigneeId: before.assigneeId, previousTeamId: before.teamId,
    });
    recordAudit(core, actor, assigneeId ? 'conversation.assign' : 'conversation.unassign', { type: 'conversation', id: conversationId }, {
      assigneeId, teamId, previousAssigneeId: before.assigneeId, previousTeamId: before.teamId, mode: reason.mode ?? null,
    });
    return { conversation: { ...before, ...changes }, previousAssigneeId: before.assigneeId, previousTeamId: before.teamId, changed };
  });
}

/**
 * Emits `conversation.assigned` for an assignment (no-op when nothing changed): recorded in the
 * current transaction (dropped on rollback) and published once it commits.
 */
export function publishAssignment(core: Core, result: AssignmentResult, actor: Actor | null, reason: Record<string, unknown>): void {
  if (!result.changed) return;
  emitEvent(core, 'conversation.assigned', {
    conversation: result.conversation, previousAssigneeId: result.previousAssigneeId,
    previousTeamId: result.previousTeamId, actor, reason,
  });
}

/**
 * Assigns a conversation to an agent and/or team. `assigneeId: null` unassigns (the conversation
 * goes back to its team's queue). `reason` explains the decision (mode, rule, candidates…) and is
 * stored on the timeline. Permission checks belong to the caller (see routing/permissions).
 */
export function assignConversation(core: Core, conversationId: string, target: AssignmentTarget, actor: Actor | null, reason: Record<string, unknown> = { mode: 'manual' }): AssignmentResult {
  const result = applyAssignment(core, conversationId, target, actor, reason);
  publishAssignment(core, result, actor, reason);
  return result;
}

/**
 * Atomic "take it if nobody has it": one conditional UPDATE … WHERE assignee_id IS NULL in an
 * IMMEDIATE transaction, so of many simultaneous claims exactly one wins. Losers get `conflict`
 * naming the agent who won.
 */
export function claimConversation(core: Core, conversationId: string, actor: Actor & { type: 'user' }): AssignmentResult {
  const reason = { mode: 'claim' };
  const result = transaction(core.db, () => {
    const before = getConversationOrThrow(core, conversationId);
    const now = core.clock.now();
    const updated = core.db.update(conversations)
      .set({ assigneeId: actor.user.id, updatedAt: now })
      .where(and(eq(conversations.id, conversationId), isNull(conversations.assigneeId)))
      .returning({ id: conversations.id }).all();
    if (updated.length === 0) {
      const current = getConversationOrThrow(core, conversationId);
      if (current.assigneeId === actor.user.id) return { conversation: current, previousAssigneeId: current.assigneeId, previousTeamId: current.teamId, changed: false };
      const owner = current.assigneeId ? nameOf(core, current.assigneeId) : null;
      throw fail.conflict(`Already taken by ${owner ?? 'another agent'}`, { assigneeId: current.assigneeId, assigneeName: owner });
    }
    addConversationEvent(core, conversationId, 'assigned', actor.user.id, {
      ...reason, assigneeId: actor.user.id, assigneeName: actor.user.name, teamId: before.teamId, previousAssigneeId: null, previousTeamId: before.teamId,
    });
    recordAudit(core, actor, 'conversation.claim', { type: 'conversation', id: conversationId }, { teamId: before.teamId });
    return { conversation: { ...before, assigneeId: actor.user.id, updatedAt: now }, previousAssigneeId: null, previousTeamId: before.teamId, changed: true };
  });
  publishAssignment(core, result, actor, reason);
  return result;
}

/**
 * The reply rule: an agent's customer-facing reply to an unassigned conversation makes them its
 * assignee when its team assigns on reply (the default; conversations without a team always do),
 * so two agents do not answer the same customer. Runs inside the sender's transaction (IMMEDIATE),
 * so of two simultaneous replies only the first assigns; publishes after commit. Returns the
 * conversation as it is now.
 */
export function assignOnReply(core: Core, conversation: Conversation, actor: Actor): Conversation {
  if (actor.type !== 'user' || conversation.assigneeId || !assignsOnReply(core, conversation.teamId)) return conversation;
  const reason = { mode: 'reply' };
  const result = applyAssignment(core, conversation.id, { assigneeId: actor.user.id }, actor, reason);
  publishAssignment(core, result, actor, reason);
  return result.conversation;
}

/** Whether `user` may take the conversation over: supervisors and admins, and members of its team. */
export function mayTakeOver(core: Core, user: Pick<PublicUser, 'id' | 'role'>, conversation: Pick<Conversation, 'teamId'>): boolean {
  if (user.role !== 'agent') return true;
  return !!conversation.teamId && teamIdsOf(core, user.id).includes(conversation.teamId);
}

/**
 * One-click take-over: the acting user becomes the assignee of a conversation owned by someone
 * else. Allowed when `mayTakeOver` (supervisors/admins, members of the conversation's team); audited.
 */
export function takeOver(core: Core, conversationId: string, actor: Actor & { type: 'user' }): AssignmentResult {
  const conversation = getConversationOrThrow(core, conversationId);
  if (!mayTakeOver(core, actor.user, conversation)) throw fail.forbidden('Only members of this conversation\'s team or a supervisor can take it over');
  const reason = { mode: 'take_over', fromUserId: conversation.assigneeId };
  const result = transaction(core.db, () => {
    const applied = applyAssignment(core, conversationId, { assigneeId: actor.user.id }, actor, reason);
    if (applied.changed) recordAudit(core, actor, 'conversation.take_over', { type: 'conversation', id: conversationId }, { from: conversation.assigneeId });
    return applied;
  });
  publishAssignment(core, result, actor, reason);
  return result;
}
