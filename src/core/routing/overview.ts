/**
 * Data of the supervisor live view: per team, its agents' load and the active conversations.
 * Times are absolute (`waitingSince`) so a page can keep counting without a new push.
 */
import { eq, inArray, sql } from 'drizzle-orm';
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

/** Cards shown per column (an agent's conversations in a team, a team's queue); the rest are only counted. */
export const BOARD_COLUMN_LIMIT = 20;

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

/**
 * One list of the board: its first BOARD_COLUMN_LIMIT conversations, longest waiting first (the
 * inbox's `sort=waiting` order: waiting since, then id), and how many there are in all.
 */
export interface OverviewColumn {
  cards: OverviewConversation[];
  total: number;
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
  /** The agent's active conversations in this team's block. */
  column: OverviewColumn;
}

export interface OverviewTeam {
  /** Team id; null is the "no team" block. */
  id: string | null;
  /** The team's name ('' for the "no team" block, which views name in the reader's language). */
  name: string;
  agents: OverviewAgent[];
  /** The team's unassigned active conversations. */
  queue: OverviewColumn;
  longestWaitingSince: number | null;
  slaAtRisk: number;
}

/** Stable key of a team block (`none` for conversations without a team), used as DOM id. */
export function teamBlockKey(teamId: string | null): string {
  return teamId ?? 'none';
}

/** Longest waiting first, then id: the inbox's `sort=waiting` order. */
const byWait = (a: Pick<Conversation, 'id' | 'waitingSince'>, b: Pick<Conversation, 'id' | 'waitingSince'>) =>
  (a.waitingSince ?? Infinity) - (b.waitingSince ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every team (plus "no team") with agents, their load and the active conversations, for
 * supervisors. Figures (load, queue, waits, SLA at risk) cover every conversation; each column
 * carries at most BOARD_COLUMN_LIMIT cards, so the page and each live push stay bounded. `only`
 * restricts the result to those block keys (live updates re-render just the affected teams).
 */
export function supervisorOverview(core: Core, only?: Set<string>): OverviewTeam[] {
  const now = core.clock.now();
  // Only what the figures need for every active conversation; full rows just for the shown cards.
  const active = core.db.select(FIGURE_COLUMNS).from(conversations).where(inArray(conversations.status, [...ACTIVE_STATUSES])).all().sort(byWait);
  const allUsers = core.db.select().from(users).where(eq(users.active, true)).all();
  const byTeam = groupBy(active, (c) => c.teamId);
  const byAssignee = groupBy(active, (c) => c.assigneeId);
  // SLA inputs once per team, states only for the conversations a requested block counts.
  const slaInputs = new Map<string | null, [ReturnType<typeof policyFor>, ReturnType<typeof hoursFor>]>();
  const slaStates = new Map<string, SlaLevel>();
  const slaOf = (c: FigureRow): SlaLevel => {
    if (slaStates.has(c.id)) return slaStates.get(c.id)!;
    if (!slaInputs.has(c.teamId)) slaInputs.set(c.teamId, [policyFor(core, c.teamId), hoursFor(core, c.teamId)]);
    const [policy, hours] = slaInputs.get(c.teamId)!;
    const state = slaState(c, policy, now, hours)?.state ?? null;
    slaStates.set(c.id, state);
    return state;
  };
  const atRisk = (list: FigureRow[]) => list.filter((c) => ['warning', 'breached'].includes(slaOf(c) ?? '')).length;
  const shown: OverviewConversation[] = [];
  const column = (list: FigureRow[]): OverviewColumn => {
    const cards = list.slice(0, BOARD_COLUMN_LIMIT).map((c) => ({ id: c.id, number: 0, preview: '', assigneeId: c.assigneeId, waitingSince: c.waitingSince, sla: slaOf(c) }));
    shown.push(...cards);
    return { total: list.length, cards };
  };
  const block = (id: string | null, name: string, memberIds: string[], capacityOverride: number | null): OverviewTeam => {
    const convs = byTeam.get(id) ?? [];
    const byAgent = groupBy(convs, (c) => c.assigneeId);
    const members = new Set(memberIds);
    const agents = allUsers.filter((u) => members.has(u.id)).map((u): OverviewAgent => {
      const theirs = byAssignee.get(u.id) ?? [];
      return {
        id: u.id, name: u.name, availability: effectiveAvailability(u),
        open: theirs.filter((c) => c.status === 'open').length, pending: theirs.filter((c) => c.status === 'pending').length,
        capacity: capacityOverride ?? u.capacity, longestWaitingSince: theirs[0]?.waitingSince ?? null, slaAtRisk: atRisk(theirs),
        column: column(byAgent.get(u.id) ?? []),
      };
    });
    return { id, name, agents, queue: column(byAgent.get(null) ?? []), longestWaitingSince: convs[0]?.waitingSince ?? null, slaAtRisk: atRisk(convs) };
  };
  const wanted = (id: string | null) => !only || only.has(teamBlockKey(id));
  const teams = listTeams(core).filter((t) => wanted(t.id)).map((t) => block(t.id, t.name, teamMemberIds(core, t.id), t.capacityOverride));
  const assignedNoTeam = [...new Set((byTeam.get(null) ?? []).filter((c) => c.assigneeId).map((c) => c.assigneeId!))];
  const result = wanted(null) ? [...teams, block(null, '', assignedNoTeam, null)] : teams;
  fillCards(core, shown);
  return result;
}

/** The columns figures and order read, for every active conversation. */
const FIGURE_COLUMNS = {
  id: conversations.id, teamId: conversations.teamId, assigneeId: conversations.assigneeId, status: conversations.status,
  waitingSince: conversations.waitingSince, createdAt: conversations.createdAt, reopenedAt: conversations.reopenedAt, firstResponseAt: conversations.firstResponseAt,
};
type FigureRow = Pick<Conversation, keyof typeof FIGURE_COLUMNS>;

/** Number, preview and last message of the shown cards, from their full rows. */
function fillCards(core: Core, cards: OverviewConversation[]): void {
  if (cards.length === 0) return;
  const full = core.db.select().from(conversations).where(sql`${conversations.id} IN (SELECT value FROM json_each(${JSON.stringify(cards.map((c) => c.id))}))`).all();
  const byId = new Map(full.map((c) => [c.id, c]));
  const previews = previewMessagesOf(core, full);
  for (const card of cards) {
    const row = byId.get(card.id)!;
    card.number = row.number;
    card.preview = row.lastMessagePreview;
    const message = previews.get(card.id);
    if (message) card.lastMessage = message;
  }
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
