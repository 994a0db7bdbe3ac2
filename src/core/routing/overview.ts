/** Data of the supervisor live view: per team, its agents' load and the active conversations. */
import { eq, inArray } from 'drizzle-orm';
import { conversations, users } from '../../db/schema';
import { effectiveAvailability } from '../availability';
import type { Core } from '../context';
import { listTeams, teamMemberIds } from '../teams';
import type { Conversation } from '../types';
import { ACTIVE_STATUSES } from './candidates';
import { hoursFor } from './hours-store';
import { policyFor, slaState } from './sla';

export interface OverviewTeam {
  id: string | null;
  name: string;
  agents: Array<{ id: string; name: string; availability: string; open: number; pending: number; capacity: number }>;
  conversations: Array<{ id: string; number: number; preview: string; assigneeId: string | null; waitingMs: number | null; sla: 'ok' | 'warning' | 'breached' | null }>;
  queue: number;
  longestWaitingMs: number | null;
  slaAtRisk: number;
}

/** Every team (plus "no team") with agents and active conversations, for supervisors. */
export function supervisorOverview(core: Core, noTeamLabel: string): OverviewTeam[] {
  const now = core.clock.now();
  const active = core.db.select().from(conversations).where(inArray(conversations.status, [...ACTIVE_STATUSES])).all();
  const allUsers = core.db.select().from(users).where(eq(users.active, true)).all();
  const block = (id: string | null, name: string, memberIds: string[], capacityOverride: number | null): OverviewTeam => {
    const convs = active.filter((c) => c.teamId === id);
    const rows = convs.map((c: Conversation) => ({
      id: c.id, number: c.number, preview: c.lastMessagePreview, assigneeId: c.assigneeId,
      waitingMs: c.waitingSince === null ? null : now - c.waitingSince,
      sla: slaState(c, policyFor(core, c.teamId), now, hoursFor(core, c.teamId))?.state ?? null,
    })).sort((a, b) => (b.waitingMs ?? -1) - (a.waitingMs ?? -1));
    const agents = allUsers.filter((u) => memberIds.includes(u.id)).map((u) => ({
      id: u.id, name: u.name, availability: effectiveAvailability(u),
      open: active.filter((c) => c.assigneeId === u.id && c.status === 'open').length,
      pending: active.filter((c) => c.assigneeId === u.id && c.status === 'pending').length,
      capacity: capacityOverride ?? u.capacity,
    }));
    return {
      id, name, agents, conversations: rows, queue: rows.filter((c) => c.assigneeId === null).length,
      longestWaitingMs: rows.reduce<number | null>((m, c) => (c.waitingMs !== null && (m === null || c.waitingMs > m) ? c.waitingMs : m), null),
      slaAtRisk: rows.filter((c) => c.sla === 'warning' || c.sla === 'breached').length,
    };
  };
  const teams = listTeams(core).map((t) => block(t.id, t.name, teamMemberIds(core, t.id), t.capacityOverride));
  const assignedNoTeam = [...new Set(active.filter((c) => c.teamId === null && c.assigneeId).map((c) => c.assigneeId!))];
  return [...teams, block(null, noTeamLabel, assignedNoTeam, null)];
}
