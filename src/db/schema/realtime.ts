/** Realtime outbox: one row per pushed change, numbered, so a reconnecting tab can catch up. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const realtimeEvents = sqliteTable('realtime_events', {
  /** Monotonic sequence number sent with every push; clients echo the last one they saw. */
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  conversationId: text('conversation_id').notNull(),
  messageId: text('message_id'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('realtime_events_time_idx').on(t.createdAt)]);
