/**
 * Reads a report's rows from the rollups (after refreshing the conversations marked dirty):
 * the points inside the range, opened conversations and message counts per UTC hour, and each
 * agent's messages — all narrowed by the filters and by what the user may see.
 */
import type { Core } from '../context';
import type { PublicUser } from '../types';
import { visibleChannelIds } from '../visibility';
import type { ReportFilters, ReportRange } from './report-query';
import { refreshReportRollups } from './rollups';

export interface PointRow {
  kind: string;
  at: number;
  ms: number | null;
  businessMs: number | null;
  agentId: string | null;
  teamId: string | null;
  value: number | null;
  /** The conversation's current channel, team and first intent (the breakdown tables group by these). */
  channelId: string;
  currentTeamId: string | null;
  intent: string | null;
}

export interface SourceRows {
  points: PointRow[];
  opened: Array<{ hour: number; channelId: string; teamId: string | null; intent: string | null; n: number }>;
  messages: Array<{ hour: number; direction: string; senderType: string; n: number }>;
  agentMessages: Array<{ agentId: string; replies: number; conversations: number }>;
  ratings: { up: number; down: number };
}

type Param = string | number;
const INLINE_REFRESH = 5_000;

/** `AND …` conditions on `r` (any rollup table: they all carry these columns) for the filters and the user's visibility. */
function filterSql(core: Core, user: PublicUser, f: ReportFilters): { where: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const allowed = visibleChannelIds(core, user);
  if (allowed !== null) {
    parts.push(`r.channel_id IN (${allowed.map(() => '?').join(',') || "''"})`);
    params.push(...allowed);
  }
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    params.push(value);
  };
  eq('r.channel_id', f.channelId);
  eq('r.cur_team_id', f.teamId);
  eq('r.cur_assignee_id', f.agentId);
  eq('r.intent', f.intent);
  if (f.labelId) {
    parts.push('EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = r.conversation_id AND cl.label_id = ?)');
    params.push(f.labelId);
  }
  return { where: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * The rollup rows of a report, after refreshing the conversations marked dirty. A backlog larger
 * than `INLINE_REFRESH` (an upgrade, a bulk import) is left to the `reports.refresh` job so a
 * request never recomputes thousands of conversations.
 */
export function readReportSource(core: Core, user: PublicUser, range: ReportRange, filters: ReportFilters): SourceRows {
  refreshReportRollups(core, INLINE_REFRESH);
  const { where, params } = filterSql(core, user, filters);
  const q = <T>(text: string, ...args: Param[]) => core.db.$client.query<T, Param[]>(text).all(...args);
  const hourFrom = Math.floor(range.from / 3600_000) * 3600_000;
  const points = q<PointRow>(
    `SELECT kind, at, ms, business_ms AS businessMs, agent_id AS agentId, team_id AS teamId, value, channel_id AS channelId, cur_team_id AS currentTeamId, intent
     FROM report_points r WHERE at >= ? AND at < ?${where}`, range.from, range.to, ...params);
  const opened = q<SourceRows['opened'][number]>(
    `SELECT (created_at / 3600000) * 3600000 AS hour, channel_id AS channelId, cur_team_id AS teamId, intent, count(*) AS n
     FROM report_conversations r WHERE created_at >= ? AND created_at < ?${where} GROUP BY 1, 2, 3, 4`, range.from, range.to, ...params);
  const messages = q<SourceRows['messages'][number]>(
    `SELECT hour, direction, sender_type AS senderType, sum(n) AS n
     FROM report_message_hours r WHERE hour >= ? AND hour < ?${where} GROUP BY 1, 2, 3`, hourFrom, range.to, ...params);
  const agentMessages = q<SourceRows['agentMessages'][number]>(
    `SELECT sender_id AS agentId, sum(n) AS replies, count(DISTINCT conversation_id) AS conversations
     FROM report_message_hours r WHERE hour >= ? AND hour < ? AND sender_type = 'agent' AND sender_id <> ''${where} GROUP BY 1`, hourFrom, range.to, ...params);
  const ratings = q<{ rating: string; n: number }>(
    `SELECT b.rating, count(*) AS n FROM bot_ratings b JOIN messages m ON m.id = b.message_id JOIN report_conversations r ON r.conversation_id = m.conversation_id
     WHERE b.created_at >= ? AND b.created_at < ?${where} GROUP BY 1`, range.from, range.to, ...params);
  return {
    points, opened, messages, agentMessages,
    ratings: { up: ratings.find((r) => r.rating === 'up')?.n ?? 0, down: ratings.find((r) => r.rating === 'down')?.n ?? 0 },
  };
}
