/** Conversations, their timeline events, per-agent read state and labels. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channels } from './channels';
import { contacts } from './contacts';
import { CONVERSATION_STATUSES, PRIORITIES } from './enums';
import { teams, users } from './users';

export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  /** Short human number shown in the UI (#1042). */
  number: integer('number').notNull(),
  channelId: text('channel_id').notNull().references(() => channels.id),
  contactId: text('contact_id').notNull().references(() => contacts.id),
  status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
  priority: text('priority', { enum: PRIORITIES }).notNull().default('none'),
  assigneeId: text('assignee_id').references(() => users.id),
  teamId: text('team_id').references(() => teams.id),
  previousAssigneeId: text('previous_assignee_id'),
  snoozeUntil: integer('snooze_until'),
  snoozeUntilReply: integer('snooze_until_reply', { mode: 'boolean' }).notNull().default(false),
  lastMessageAt: integer('last_message_at').notNull(),
  lastMessagePreview: text('last_message_preview').notNull().default(''),
  lastMessageType: text('last_message_type').notNull().default('text'),
  lastInboundAt: integer('last_inbound_at'),
  lastOutboundAt: integer('last_outbound_at'),
  /** When the customer started waiting for a human answer; null when nobody is waiting. */
  waitingSince: integer('waiting_since'),
  firstResponseAt: integer('first_response_at'),
  resolvedAt: integer('resolved_at'),
  /** When it was last reopened after being resolved (null: never); the resolution SLA runs from here. */
  reopenedAt: integer('reopened_at'),
  botActive: integer('bot_active', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [
  uniqueIndex('conversations_number_unique').on(t.number),
  index('conversations_status_activity_idx').on(t.status, t.lastMessageAt, t.id),
  // The list's "Mine" and team views, in list order (id breaks ties, so no sort step).
  index('conversations_assignee_list_idx').on(t.assigneeId, t.status, t.lastMessageAt, t.id),
  index('conversations_team_list_idx').on(t.teamId, t.status, t.lastMessageAt, t.id),
  index('conversations_contact_idx').on(t.contactId, t.channelId, t.lastMessageAt),
  index('conversations_activity_idx').on(t.lastMessageAt, t.id),
  // "Longest waiting" sort: the same expression as listConversations orders by.
  index('conversations_waiting_idx').on(t.status, sql`coalesce(${t.waitingSince}, 9007199254740991)`, t.id),
]);

/**
 * How many conversations fall in each bucket (channel, team, assignee, status, priority), kept
 * exact by triggers on `conversations` (migration 0011), so a view count sums a few bucket rows
 * instead of scanning every conversation. '' stands for "no team" and "unassigned".
 * drizzle-kit does not know the triggers: a generated migration that rebuilds `conversations`
 * (copy, drop, rename) drops them silently — recreate them in that migration by hand
 * (test/unit/core/conversation-counts.test.ts fails when they are missing).
 */
export const conversationCounts = sqliteTable('conversation_counts', {
  channelId: text('channel_id').notNull(),
  teamId: text('team_id').notNull(),
  assigneeId: text('assignee_id').notNull(),
  status: text('status', { enum: CONVERSATION_STATUSES }).notNull(),
  priority: text('priority', { enum: PRIORITIES }).notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.channelId, t.teamId, t.assigneeId, t.status, t.priority] })]);

/** Timeline of what happened to a conversation: assignments (with the routing explanation), status changes… */
export const conversationEvents = sqliteTable('conversation_events', {
  id: text('id').primaryKey(),
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  actorId: text('actor_id'),
  details: text('details', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('conversation_events_conversation_idx').on(t.conversationId, t.createdAt)]);

export const conversationReads = sqliteTable('conversation_reads', {
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  lastReadAt: integer('last_read_at').notNull(),
  markedUnread: integer('marked_unread', { mode: 'boolean' }).notNull().default(false),
}, (t) => [primaryKey({ columns: [t.userId, t.conversationId] })]);

export const labels = sqliteTable('labels', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  color: text('color').notNull().default('#6b7280'),
  createdAt: integer('created_at').notNull(),
}, (t) => [uniqueIndex('labels_name_unique').on(t.name)]);

export const conversationLabels = sqliteTable('conversation_labels', {
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  labelId: text('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.conversationId, t.labelId] }), index('conversation_labels_label_idx').on(t.labelId)]);
