/**
 * Reads what a report needs from the raw timeline: every conversation with activity in the range
 * (created, a message or a timeline entry), whole — an answer inside the range may answer a
 * message from before it — narrowed by the filters and by what the user may see.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { conversationEvents, conversationLabels, conversations, messages } from '../../db/schema';
import type { Core } from '../context';
import { visibleChannelIds } from '../visibility';
import type { PublicUser } from '../types';
import type { ReportFilters, ReportRange } from './report-query';
import type { ConversationTimeline, TimelineEvent, TimelineMessage } from './timeline-metrics';

/** Timeline kinds the figures read. */
const EVENT_KINDS = ['assigned', 'bot.handoff', 'status', 'reopened', 'ai.classified', 'csat.answered'];
const CHUNK = 500;

export interface ReportConversation extends ConversationTimeline {
  id: string;
  channelId: string;
  /** Current team and assignee (filters select on these). */
  currentTeamId: string | null;
  currentAssigneeId: string | null;
  /** The first intent the classifier detected, if any. */
  intent: string | null;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Ids of conversations created, written in or changed within the range. */
function touchedIds(core: Core, range: ReportRange): string[] {
  const { from, to } = range;
  const rows = core.db.$client.query<{ id: string }, [number, number, number, number, number, number]>(
    `SELECT id FROM conversations WHERE created_at >= ? AND created_at < ?
     UNION SELECT conversation_id FROM messages WHERE sent_at >= ? AND sent_at < ?
     UNION SELECT conversation_id FROM conversation_events WHERE created_at >= ? AND created_at < ?`,
  ).all(from, to, from, to, from, to);
  return rows.map((r) => r.id);
}

function conversationConditions(core: Core, user: PublicUser, f: ReportFilters): SQL[] {
  const where: SQL[] = [];
  const allowed = visibleChannelIds(core, user);
  if (allowed !== null) where.push(inArray(conversations.channelId, allowed.length ? allowed : ['']));
  if (f.channelId) where.push(eq(conversations.channelId, f.channelId));
  if (f.teamId) where.push(eq(conversations.teamId, f.teamId));
  if (f.agentId) where.push(eq(conversations.assigneeId, f.agentId));
  if (f.labelId) {
    where.push(sql`exists (select 1 from ${conversationLabels} where ${conversationLabels.conversationId} = ${conversations.id} and ${conversationLabels.labelId} = ${f.labelId})`);
  }
  return where;
}

/**
 * The conversations (with their messages and timeline entries, oldest first) that a report over
 * `range` with `filters` covers, as `user` may see them. The intent filter applies to the first
 * detected intent.
 */
export function loadReportConversations(core: Core, user: PublicUser, range: ReportRange, filters: ReportFilters): ReportConversation[] {
  const result: ReportConversation[] = [];
  const where = conversationConditions(core, user, filters);
  for (const ids of chunks(touchedIds(core, range))) {
    const rows = core.db.select({
      id: conversations.id, channelId: conversations.channelId, createdAt: conversations.createdAt,
      teamId: conversations.teamId, assigneeId: conversations.assigneeId,
    }).from(conversations).where(and(inArray(conversations.id, ids), ...where)).all();
    if (rows.length === 0) continue;
    const rowIds = rows.map((r) => r.id);
    const msgs = new Map<string, TimelineMessage[]>();
    for (const m of core.db.select({
      conversationId: messages.conversationId, direction: messages.direction, senderType: messages.senderType,
      senderId: messages.senderId, isPrivate: messages.isPrivate, sentAt: messages.sentAt,
    }).from(messages).where(inArray(messages.conversationId, rowIds)).orderBy(asc(messages.sentAt)).all()) {
      const list = msgs.get(m.conversationId) ?? [];
      list.push(m);
      msgs.set(m.conversationId, list);
    }
    const events = new Map<string, TimelineEvent[]>();
    for (const e of core.db.select({ conversationId: conversationEvents.conversationId, kind: conversationEvents.kind, createdAt: conversationEvents.createdAt, details: conversationEvents.details })
      .from(conversationEvents).where(and(inArray(conversationEvents.conversationId, rowIds), inArray(conversationEvents.kind, EVENT_KINDS)))
      .orderBy(asc(conversationEvents.createdAt), asc(conversationEvents.id)).all()) {
      const list = events.get(e.conversationId) ?? [];
      list.push(e);
      events.set(e.conversationId, list);
    }
    for (const r of rows) {
      const timeline = events.get(r.id) ?? [];
      const intent = (timeline.find((e) => e.kind === 'ai.classified' && typeof e.details.intent === 'string')?.details.intent as string | undefined) ?? null;
      if (filters.intent && intent !== filters.intent) continue;
      // Before its first assignment entry the conversation had that entry's "previous" team and
      // assignee; with no entry at all, the current ones (e.g. rows written by `turno seed`).
      const first = timeline.find((e) => e.kind === 'assigned')?.details;
      result.push({
        id: r.id, channelId: r.channelId, createdAt: r.createdAt, currentTeamId: r.teamId, currentAssigneeId: r.assigneeId, intent,
        teamId: first ? ((first.previousTeamId as string | null) ?? null) : r.teamId,
        assigneeId: first ? ((first.previousAssigneeId as string | null) ?? null) : r.assigneeId,
        messages: msgs.get(r.id) ?? [], events: timeline,
      });
    }
  }
  return result;
}

/** Agents' 👍/👎 on bot answers given within the range, for conversations in `ids`. */
export function botRatingCounts(core: Core, range: ReportRange, ids: Set<string>): { up: number; down: number } {
  const rows = core.db.$client.query<{ conversation_id: string; rating: string }, [number, number]>(
    `SELECT m.conversation_id, r.rating FROM bot_ratings r JOIN messages m ON m.id = r.message_id WHERE r.created_at >= ? AND r.created_at < ?`,
  ).all(range.from, range.to);
  const counts = { up: 0, down: 0 };
  for (const r of rows) if (ids.has(r.conversation_id)) counts[r.rating === 'up' ? 'up' : 'down']++;
  return counts;
}
