/**
 * Keeps the report rollups (src/db/schema/reports.ts) equal to what the raw timeline says.
 * Triggers mark a conversation in `report_dirty` in the same transaction as the change; here the
 * marked conversations are recomputed with `timelineFigures` and their rows replaced, in one
 * transaction per batch. Reports call `refreshReportRollups` before reading, so they never see
 * stale rows; `rebuildReportRollups` (`turno reports rebuild`) recomputes every conversation.
 */
import { inArray, sql } from 'drizzle-orm';
import { transaction } from '../../db/client';
import { reportConversations, reportDirty, reportMessageHours, reportPoints } from '../../db/schema';
import type { Core } from '../context';
import type { BusinessHoursSpec } from '../routing/business-hours';
import { hoursFor } from '../routing/hours-store';
import { loadTimelines, type ReportConversation } from './report-data';
import { timelineFigures } from './timeline-metrics';

const BATCH = 500;
const HOUR = 3600_000;

type Filters = [channelId: string, curTeamId: string | null, curAssigneeId: string | null, intent: string | null];
/** kind, at, ms, business_ms, agent_id, team_id, value */
type Point = [string, number, number | null, number | null, string | null, string | null, number | null];

function pointsOf(c: ReportConversation, hoursOf: (teamId: string | null) => BusinessHoursSpec | null): Point[] {
  const f = timelineFigures(c, hoursOf);
  const at = (kind: string) => (t: number): Point => [kind, t, null, null, null, null, null];
  return [
    ...f.samples.map((s): Point => [s.metric, s.at, s.ms, s.businessMs, s.agentId, s.teamId, null]),
    ...f.resolvedAt.map(at('resolved')),
    ...f.reopenedAt.map(at('reopened')),
    ...f.handoffAt.map(at('handoff')),
    ...(f.botHandled ? [at('bot_handled')(f.resolvedAt[0]!)] : []),
    ...c.events.filter((e) => e.kind === 'csat.answered' && typeof e.details.score === 'number')
      .map((e): Point => ['csat', e.createdAt, null, null, c.currentAssigneeId, c.currentTeamId, e.details.score as number]),
  ];
}

/** [hour, direction, sender_type, sender_id, n] per customer-facing message group. */
function hoursOfMessages(c: ReportConversation): Array<[number, string, string, string, number]> {
  const rows = new Map<string, [number, string, string, string, number]>();
  for (const m of c.messages) {
    if (m.isPrivate) continue;
    const hour = Math.floor(m.sentAt / HOUR) * HOUR;
    const senderId = m.direction === 'outbound' ? (m.senderId ?? '') : '';
    const key = `${hour}|${m.direction}|${m.senderType}|${senderId}`;
    const row = rows.get(key);
    if (row) row[4]++;
    else rows.set(key, [hour, m.direction, m.senderType, senderId, 1]);
  }
  return [...rows.values()];
}

/** Recomputes the rollup rows of `ids` from their raw timelines (one transaction). */
export function refreshConversationRollups(core: Core, ids: string[], hoursOf: (teamId: string | null) => BusinessHoursSpec | null = (teamId) => hoursFor(core, teamId)): void {
  if (ids.length === 0) return;
  const sqlite = core.db.$client;
  // Prepared once per database and reused (bun:sqlite caches `query` statements).
  const insertConversation = sqlite.query('INSERT INTO report_conversations (conversation_id, created_at, channel_id, cur_team_id, cur_assignee_id, intent) VALUES (?, ?, ?, ?, ?, ?)');
  const insertPoint = sqlite.query('INSERT INTO report_points (conversation_id, kind, at, ms, business_ms, agent_id, team_id, value, channel_id, cur_team_id, cur_assignee_id, intent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertHour = sqlite.query('INSERT INTO report_message_hours (conversation_id, hour, direction, sender_type, sender_id, n, channel_id, cur_team_id, cur_assignee_id, intent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  transaction(core.db, () => {
    const timelines = loadTimelines(core, ids);
    for (const table of [reportPoints, reportMessageHours, reportConversations]) core.db.delete(table).where(inArray(table.conversationId, ids)).run();
    core.db.delete(reportDirty).where(inArray(reportDirty.conversationId, ids)).run();
    for (const c of timelines) {
      const filters: Filters = [c.channelId, c.currentTeamId, c.currentAssigneeId, c.intent];
      insertConversation.run(c.id, c.createdAt, ...filters);
      for (const p of pointsOf(c, hoursOf)) insertPoint.run(c.id, ...p, ...filters);
      for (const h of hoursOfMessages(c)) insertHour.run(c.id, ...h, ...filters);
    }
  });
}

/** Refreshes the conversations marked dirty, at most `limit` of them; returns how many. */
export function refreshReportRollups(core: Core, limit = Infinity): number {
  const cache = new Map<string | null, BusinessHoursSpec | null>();
  const hoursOf = (teamId: string | null) => {
    if (!cache.has(teamId)) cache.set(teamId, hoursFor(core, teamId));
    return cache.get(teamId)!;
  };
  let total = 0;
  while (total < limit) {
    const ids = core.db.select({ id: reportDirty.conversationId }).from(reportDirty).limit(Math.min(BATCH, limit - total)).all().map((r) => r.id);
    if (ids.length === 0) return total;
    refreshConversationRollups(core, ids, hoursOf);
    total += ids.length;
  }
  return total;
}

/** True when some conversation waits for its rollups. */
export function hasDirtyRollups(core: Core): boolean {
  return !!core.db.select({ id: reportDirty.conversationId }).from(reportDirty).limit(1).get();
}

/** Recomputes the rollups of every conversation from the raw timeline; returns how many. */
export function rebuildReportRollups(core: Core): number {
  core.db.run(sql`INSERT OR IGNORE INTO report_dirty (conversation_id) SELECT id FROM conversations`);
  return refreshReportRollups(core);
}
