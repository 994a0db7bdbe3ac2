/**
 * Data of the supervisor live view: per team, its agents' load and the active conversations.
 * Times are absolute (`waitingSince`) so a page can keep counting without a new push.
 */
import { eq, inArray } from 'drizzle-orm';
import { conversations, users } from '../../db/schema';
import { effectiveAvailability } from '../availability';
import type { Core } from '../context';
import { listTeams, teamMemberIds } from '../teams';
import { previewMessagesOf, type PreviewMessage } from '../last-message';
import type { Conversation } from '../types';
import { ACTIVE_STATUSES } from './candidates';
import { hoursFor } from './hours-store';
import { policyFor, slaState } from './sla';

type SlaLevel = 'ok' | 'warning' | 'breached' | null;

export interface OverviewConversation {
  id: string;
  number: number;
  preview: string;
  /** The last message when it is not plain text, for a localized label instead of `preview`. */
  lastMessage?: PreviewMessage;
  assigneeId: string | null;
  /** When the customer started waiting for a reply (null: not waiting). */
  waitingSince: number | null;
  sla: SlaLevel;
}

export interface OverviewAgent {
  id: string;
  name: string;
  availability: string;
  open: number;
  pending: number;
  capacity: number;
  /** Oldest wait among this agent's conversations (null: nobody waiting). */
  longestWaitingSince: number | null;
  slaAtRisk: number;
}

export interface OverviewTeam {
  /** Team id; null is the "no team" block. */
  id: string | null;
  name: string;
  agents: OverviewAgent[];
  conversations: OverviewConversation[];
  queue: number;
  longestWaitingSince: number | null;
  slaAtRisk: number;
}

/** Stable key of a team block (`none` for conversations without a team), used as DOM id. */
export function teamBlockKey(teamId: string | null): string {
  return teamId ?? 'none';
}

const atRisk = (c: OverviewConversation) => c.sla === 'warning' || c.sla === 'breached';
const oldest = (list: OverviewConversation[]) =>
  list.reduce<number | null>((m, c) => (c.waitingSince !== null && (m === null || c.waitingSince < m) ? c.waitingSince : m), null);

/**
 * Every team (plus "no team") with agents and active conversations, for supervisors. `only`
 * restricts the result to those block keys (live updates re-render just the affected teams).
 */
export function supervisorOverview(core: Core, noTeamLabel: string, only?: Set<string>): OverviewTeam[] {
  const now = core.clock.now();
  const active = core.db.select().from(conversations).where(inArray(conversations.status, [...ACTIVE_STATUSES])).all();
  const allUsers = core.db.select().from(users).where(eq(users.active, true)).all();
  const byTeam = groupBy(active, (c) => c.teamId);
  const byAssignee = groupBy(active, (c) => c.assigneeId);
  // SLA inputs once per team, rows only for the conversations a requested block shows.
  const slaInputs = new Map<string | null, [ReturnType<typeof policyFor>, ReturnType<typeof hoursFor>]>();
  const slaOf = (c: Conversation) => {
    if (!slaInputs.has(c.teamId)) slaInputs.set(c.teamId, [policyFor(core, c.teamId), hoursFor(core, c.teamId)]);
    const [policy, hours] = slaInputs.get(c.teamId)!;
    return slaState(c, policy, now, hours)?.state ?? null;
  };
  const rows = new Map<string, OverviewConversation>();
  const rowOf = (c: Conversation): OverviewConversation => {
    let row = rows.get(c.id);
    if (!row) {
      row = { id: c.id, number: c.number, preview: c.lastMessagePreview, assigneeId: c.assigneeId, waitingSince: c.waitingSince, sla: slaOf(c) };
      rows.set(c.id, row);
    }
    return row;
  };
  const block = (id: string | null, name: string, memberIds: string[], capacityOverride: number | null): OverviewTeam => {
    const convs = (byTeam.get(id) ?? []).map(rowOf).sort((a, b) => (a.waitingSince ?? Infinity) - (b.waitingSince ?? Infinity));
    const members = new Set(memberIds);
    const agents = allUsers.filter((u) => members.has(u.id)).map((u): OverviewAgent => {
      const theirs = byAssignee.get(u.id) ?? [];
      const theirRows = theirs.map(rowOf);
      return {
        id: u.id, name: u.name, availability: effectiveAvailability(u),
        open: theirs.filter((c) => c.status === 'open').length, pending: theirs.filter((c) => c.status === 'pending').length,
        capacity: capacityOverride ?? u.capacity, longestWaitingSince: oldest(theirRows), slaAtRisk: theirRows.filter(atRisk).length,
      };
    });
    return {
      id, name, agents, conversations: convs, queue: convs.filter((c) => c.assigneeId === null).length,
      longestWaitingSince: oldest(convs), slaAtRisk: convs.filter(atRisk).length,
    };
  };
  const wanted = (id: string | null) => !only || only.has(teamBlockKey(id));
  const teams = listTeams(core).filter((t) => wanted(t.id)).map((t) => block(t.id, t.name, teamMemberIds(core, t.id), t.capacityOverride));
  const assignedNoTeam = [...new Set((byTeam.get(null) ?? []).filter((c) => c.assigneeId).map((c) => c.assigneeId!))];
  const result = wanted(null) ? [...teams, block(null, noTeamLabel, assignedNoTeam, null)] : teams;
  const previews = previewMessagesOf(core, active.filter((c) => rows.has(c.id)));
  for (const [id, message] of previews) rows.get(id)!.lastMessage = message;
  return result;
}

function groupBy<T, K>(list: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}
