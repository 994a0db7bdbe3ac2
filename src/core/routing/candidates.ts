/**
 * Who could take a conversation of a team right now: each member's availability, open load and
 * capacity, and when they last received a conversation (for "longest idle" tie-breaks).
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { conversationCounts, conversationEvents, teamMembers, users } from '../../db/schema';
import type { Availability } from '../../db/schema/enums';
import { effectiveAvailability } from '../availability';
import type { Core } from '../context';
import { getSetting } from '../settings';
import type { Team } from '../types';

/** Statuses that count against an agent's capacity. */
export const ACTIVE_STATUSES = ['open', 'pending'] as const;

export interface Candidate {
  userId: string;
  name: string;
  availability: Availability;
  open: number;
  capacity: number;
  /** Time of the agent's latest assignment, null if never. */
  lastAssignedAt: number | null;
  /** True when this agent gave this conversation back recently (skipped until the cooldown ends). */
  releasedRecently?: boolean;
}

/** True when the candidate may receive a conversation automatically. */
export function isEligible(c: Candidate): boolean {
  return c.availability === 'online' && c.open < c.capacity && !c.releasedRecently;
}

/**
 * Agents who recently gave this conversation back: an unassign made by a person (agent or
 * supervisor) within `routing.releaseCooldownMinutes`. Automatic routing skips them so a manual
 * unassign does not bounce straight back to the same agent.
 */
export function recentlyReleasedBy(core: Core, conversationId: string): Set<string> {
  const since = core.clock.now() - getSetting(core, 'routing.releaseCooldownMinutes') * 60_000;
  const field = (name: string) => sql<string | null>`json_extract(${conversationEvents.details}, ${`$.${name}`})`;
  const rows = core.db.select({ previous: field('previousAssigneeId') }).from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.kind, 'assigned'),
      isNotNull(conversationEvents.actorId), isNull(field('assigneeId')), gte(conversationEvents.createdAt, since))).all();
  return new Set(rows.map((r) => r.previous).filter((id): id is string => id !== null));
}

/**
 * Open (open + pending) conversations per agent, summed from the trigger-kept `conversation_counts`
 * buckets (a few rows per agent instead of every open conversation).
 */
export function openCounts(core: Core, userIds: string[]): Map<string, number> {
  if (userIds.length === 0) return new Map();
  const rows = core.db.select({ id: conversationCounts.assigneeId, n: sql<number>`sum(${conversationCounts.n})` }).from(conversationCounts)
    .where(and(inArray(conversationCounts.assigneeId, userIds), inArray(conversationCounts.status, [...ACTIVE_STATUSES])))
    .groupBy(conversationCounts.assigneeId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Active members of `team` in rotation order (join time, then id), with their live numbers. */
export function teamCandidates(core: Core, team: Team): Candidate[] {
  const members = core.db.select({ user: users }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, team.id), eq(users.active, true)))
    .orderBy(asc(teamMembers.createdAt), asc(teamMembers.userId)).all().map((r) => r.user);
  const ids = members.map((u) => u.id);
  const open = openCounts(core, ids);
  return members.map((u) => ({
    userId: u.id, name: u.name, availability: effectiveAvailability(u), open: open.get(u.id) ?? 0,
    capacity: team.capacityOverride ?? u.capacity, lastAssignedAt: u.lastAssignedAt,
  }));
}
