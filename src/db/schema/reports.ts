/**
 * Report rollups: per conversation, what the reports read instead of the raw timeline. Triggers
 * (migration, hand-written) mark a conversation in `report_dirty` in the same transaction as any
 * message, timeline entry or team/assignee change; reports refresh the marked conversations
 * before reading, so figures are always exact. `turno reports rebuild` recomputes everything.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { conversations } from './conversations';

/** Conversations whose rollup rows must be recomputed. */
export const reportDirty = sqliteTable('report_dirty', {
  conversationId: text('conversation_id').primaryKey(),
});

/**
 * The columns every rollup row carries so filters need no join: the conversation's current
 * channel, team, assignee and first detected intent (a change to any marks it dirty).
 */
const filterColumns = () => ({
  channelId: text('channel_id').notNull(),
  curTeamId: text('cur_team_id'),
  curAssigneeId: text('cur_assignee_id'),
  intent: text('intent'),
});

/** One row per conversation: when it was created (the "opened" count). */
export const reportConversations = sqliteTable('report_conversations', {
  conversationId: text('conversation_id').primaryKey().references(() => conversations.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  ...filterColumns(),
}, (t) => [index('report_conversations_created_idx').on(t.createdAt, t.channelId, t.curTeamId, t.curAssigneeId, t.intent)]);

/**
 * Instants that count in a range: time samples (first_response, reply, resolution,
 * reopen_resolution: `ms`, `business_ms`) and events (resolved, reopened, handoff, bot_handled,
 * csat: `value` = score), with the agent and team of that moment. The time index covers every
 * column, so a range is read from the index alone.
 */
export const reportPoints = sqliteTable('report_points', {
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  at: integer('at').notNull(),
  ms: integer('ms'),
  businessMs: integer('business_ms'),
  agentId: text('agent_id'),
  teamId: text('team_id'),
  value: integer('value'),
  ...filterColumns(),
}, (t) => [
  index('report_points_at_idx').on(t.at, t.kind, t.ms, t.businessMs, t.agentId, t.teamId, t.value, t.channelId, t.curTeamId, t.curAssigneeId, t.intent, t.conversationId),
  index('report_points_conversation_idx').on(t.conversationId),
]);

/** Customer-facing messages per conversation, UTC hour, direction and sender. */
export const reportMessageHours = sqliteTable('report_message_hours', {
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  /** Epoch ms of the start of the UTC hour. */
  hour: integer('hour').notNull(),
  direction: text('direction').notNull(),
  senderType: text('sender_type').notNull(),
  senderId: text('sender_id').notNull().default(''),
  n: integer('n').notNull(),
  ...filterColumns(),
}, (t) => [
  primaryKey({ columns: [t.conversationId, t.hour, t.direction, t.senderType, t.senderId] }),
  index('report_message_hours_hour_idx').on(t.hour, t.direction, t.senderType, t.senderId, t.n, t.channelId, t.curTeamId, t.curAssigneeId, t.intent, t.conversationId),
]);
