/**
 * Who may assign what, and the "only the assignee can reply" rule.
 *
 * - Supervisors and admins may assign any conversation to anyone, or unassign it.
 * - Agents may take an unassigned conversation (claim), give up their own (unassign), and
 *   transfer their own conversation to a member of one of their teams or to a team's queue.
 *   They may not reassign a conversation that belongs to someone else (ask a supervisor, or use
 *   take-over when the team allows it).
 */
import { eq } from 'drizzle-orm';
import { teams, users } from '../../db/schema';
import { mayTakeOver, type AssignmentTarget } from '../assignment';
import type { Core } from '../context';
import { fail } from '../errors';
import type { Conversation, PublicUser } from '../types';
import { getTeamOrThrow } from '../teams';
import { teamIdsOf } from '../visibility';

/** Throws `forbidden` (with the reason) when `user` may not make this assignment. */
export function assertMayAssign(core: Core, user: PublicUser, conversation: Conversation, target: AssignmentTarget): void {
  if (user.role !== 'agent') return;
  const mine = conversation.assigneeId === user.id;
  if (!mine && conversation.assigneeId !== null) throw fail.forbidden('This conversation belongs to another agent; only a supervisor can reassign it');
  if (target.assigneeId === undefined || target.assigneeId === user.id) return;
  if (target.assigneeId === null) {
    if (!mine) throw fail.forbidden('You can only unassign conversations assigned to you');
    return;
  }
  if (!mine) throw fail.forbidden('Agents can assign an unassigned conversation only to themselves');
  const shared = teamIdsOf(core, target.assigneeId).some((t) => teamIdsOf(core, user.id).includes(t));
  if (!shared) throw fail.forbidden('You can transfer only to members of your teams');
}

function assigneeName(core: Core, id: string): string {
  return core.db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? 'another agent';
}

/**
 * True when the conversation's team lets only its assignee reply and `userId` is not the assignee.
 * An unassigned conversation of a team that assigns on reply is open to a reply: it makes the replier the assignee.
 */
export function replyLockedFor(core: Core, conversation: Conversation, userId: string): boolean {
  if (!conversation.teamId || conversation.assigneeId === userId) return false;
  const team = core.db.select({ only: teams.onlyAssigneeCanReply, onReply: teams.assignOnReply }).from(teams).where(eq(teams.id, conversation.teamId)).get();
  if (conversation.assigneeId === null && team?.onReply) return false;
  return team?.only === true;
}

/**
 * How a team's "only the assignee can reply" rule applies to `viewer` on this conversation: not at
 * all (undefined), `take_over` when they may take it over with one click, else `locked`.
 */
export function replyLockOf(core: Core, conversation: Conversation, viewer: Pick<PublicUser, 'id' | 'role'>): 'take_over' | 'locked' | undefined {
  if (!replyLockedFor(core, conversation, viewer.id)) return undefined;
  return mayTakeOver(core, viewer, conversation) ? 'take_over' : 'locked';
}

/** Registers this app's `message.beforeSend` hook for teams with "only the assignee can reply". */
export function installAssigneeOnlyGuard(core: Core): void {
  core.hooks.before('message.beforeSend', ({ conversation, actor, input }) => {
    if (actor.type !== 'user' || input.private || !replyLockedFor(core, conversation, actor.user.id)) return;
    const team = getTeamOrThrow(core, conversation.teamId!);
    const owner = conversation.assigneeId ? assigneeName(core, conversation.assigneeId) : null;
    throw fail.forbidden(owner
      ? `In ${team.name} only the assigned agent can reply, and this conversation is assigned to ${owner}. Take it over to reply.`
      : `In ${team.name} only the assigned agent can reply. Assign this conversation to yourself to reply.`);
  });
}
