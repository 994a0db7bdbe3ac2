/**
 * The assignment engine: gives a waiting conversation to an agent of its team according to the
 * team's mode, prefers the previous assignee of a returning customer when they are available, and
 * drains team queues (longest waiting first) when capacity appears. Pick + assign happen in one
 * IMMEDIATE transaction so two drains can never push an agent over capacity.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { conversationEvents, conversations, teams } from '../../db/schema';
import { transaction } from '../../db/client';
import { applyAssignment, publishAssignment, type AssignmentResult } from '../assignment';
import type { Core } from '../context';
import { addConversationEvent, getConversationOrThrow } from '../conversations';
import type { Actor, Team } from '../types';
import { teamIdsOf } from '../visibility';
import { ACTIVE_STATUSES, isEligible, recentlyReleasedBy, teamCandidates } from './candidates';
import { pickByMode, summarizeCandidates, type Pick } from './modes';

export const ROUTER: Actor = { type: 'system', name: 'router' };

/** Timeline kinds that change where a conversation stands in the routing queue. */
const QUEUE_KINDS = ['routed', 'assigned', 'reopened', 'status', 'bot.handoff'];

/**
 * True when the latest queue-related timeline entry already says the conversation waits in the
 * same queue, so another customer message does not add the same "waiting in the queue" line again.
 */
function alreadyQueued(core: Core, conversationId: string, queue: string): boolean {
  const latest = core.db.select({ kind: conversationEvents.kind, details: conversationEvents.details }).from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), inArray(conversationEvents.kind, QUEUE_KINDS)))
    .orderBy(desc(conversationEvents.createdAt), desc(conversationEvents.id)).limit(1).get();
  return latest?.kind === 'routed' && latest.details.queue === queue;
}

function teamOf(core: Core, teamId: string | null): Team | null {
  return teamId ? core.db.select().from(teams).where(eq(teams.id, teamId)).get() ?? null : null;
}

/**
 * Tries to give an unassigned, open conversation the bot is not covering to an agent. Records a
 * `routed` timeline entry when it stays in the queue and `recordQueued` is set (initial routing;
 * drains stay quiet).
 * Returns the assignment, or null when it stays queued.
 */
export function autoAssign(core: Core, conversationId: string, opts: { recordQueued?: boolean; trigger?: string } = {}): AssignmentResult | null {
  const outcome = transaction(core.db, () => {
    const conversation = getConversationOrThrow(core, conversationId);
    // While the knowledge-base bot covers the conversation nobody is assigned; its handoff routes it.
    if (conversation.assigneeId || conversation.botActive || !(ACTIVE_STATUSES as readonly string[]).includes(conversation.status)) return null;
    const team = teamOf(core, conversation.teamId);
    if (!team) {
      if (opts.recordQueued && !alreadyQueued(core, conversationId, 'unassigned')) {
        addConversationEvent(core, conversationId, 'routed', null, { mode: 'manual', queue: 'unassigned', trigger: opts.trigger ?? null });
      }
      return null;
    }
    const released = recentlyReleasedBy(core, conversationId);
    const candidates = teamCandidates(core, team).map((c) => (released.has(c.userId) ? { ...c, releasedRecently: true } : c));
    // A manual team never picks anyone, not even the returning customer's previous agent.
    const previous = team.assignmentMode !== 'manual' && candidates.find((c) => c.userId === conversation.previousAssigneeId && isEligible(c));
    const pick: Pick = previous ? { winner: previous, why: 'previous_assignee' } : pickByMode(team.assignmentMode, candidates, team.lastAssignedUserId);
    const explanation = {
      mode: team.assignmentMode, teamName: team.name, why: pick.why, trigger: opts.trigger ?? null,
      candidates: summarizeCandidates(candidates),
      ...(pick.winner ? { winnerName: pick.winner.name, winnerOpen: pick.winner.open, winnerCapacity: pick.winner.capacity } : {}),
    };
    if (!pick.winner) {
      if (opts.recordQueued && !alreadyQueued(core, conversationId, 'team')) addConversationEvent(core, conversationId, 'routed', null, { ...explanation, queue: 'team' });
      return null;
    }
    const result = applyAssignment(core, conversationId, { assigneeId: pick.winner.userId }, ROUTER, explanation);
    if (pick.why !== 'previous_assignee') core.db.update(teams).set({ lastAssignedUserId: pick.winner.userId }).where(eq(teams.id, team.id)).run();
    return { result, explanation };
  });
  if (!outcome) return null;
  publishAssignment(core, outcome.result, ROUTER, outcome.explanation);
  return outcome.result;
}

/** Unassigned open/pending conversations of a team the bot is not covering, longest waiting first. */
export function teamQueue(core: Core, teamId: string, limit = 500): string[] {
  return core.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.teamId, teamId), isNull(conversations.assigneeId), eq(conversations.botActive, false), inArray(conversations.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(sql`coalesce(${conversations.waitingSince}, ${conversations.createdAt})`), asc(conversations.id)).limit(limit).all().map((r) => r.id);
}

/** Assigns waiting conversations of a team until its queue is empty or nobody can take more. */
export function drainTeam(core: Core, teamId: string, trigger = 'capacity'): number {
  const team = teamOf(core, teamId);
  if (!team || team.assignmentMode === 'manual') return 0;
  let assigned = 0;
  for (const id of teamQueue(core, teamId)) {
    if (autoAssign(core, id, { trigger })) {
      assigned++;
      continue;
    }
    // Nobody eligible at all: stop. Someone eligible but skipped for this conversation (they gave it back): try the next.
    if (!teamCandidates(core, team).some(isEligible)) break;
  }
  return assigned;
}

/** Drains every team the agent belongs to (they came online or freed capacity). */
export function drainForAgent(core: Core, userId: string, trigger: string): number {
  return teamIdsOf(core, userId).reduce((n, teamId) => n + drainTeam(core, teamId, trigger), 0);
}

/**
 * After a person unassigned a conversation of an automatic team: routes it again right away,
 * skipping whoever gave it back (see `recentlyReleasedBy`), and records on the timeline that it
 * stays queued when nobody else can take it. Manual teams and team-less conversations just wait.
 */
export function rerouteReleased(core: Core, conversationId: string): AssignmentResult | null {
  const team = teamOf(core, getConversationOrThrow(core, conversationId).teamId);
  if (!team || team.assignmentMode === 'manual') return null;
  return autoAssign(core, conversationId, { recordQueued: true, trigger: 'released' });
}
