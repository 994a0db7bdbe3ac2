/**
 * Reads conversations' whole raw timelines (messages and the timeline entries the figures use),
 * the input of the report rollups (`rollups.ts`).
 */
import { and, asc, inArray } from 'drizzle-orm';
import { conversationEvents, conversations, messages } from '../../db/schema';
import type { Core } from '../context';
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

/** The conversations `conversationIds` (those that exist) with their whole timelines, oldest first. */
export function loadTimelines(core: Core, conversationIds: string[]): ReportConversation[] {
  const result: ReportConversation[] = [];
  for (const ids of chunks(conversationIds)) {
    const rows = core.db.select({
      id: conversations.id, channelId: conversations.channelId, createdAt: conversations.createdAt,
      teamId: conversations.teamId, assigneeId: conversations.assigneeId,
    }).from(conversations).where(inArray(conversations.id, ids)).all();
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
