/**
 * The durable event log (an outbox): every domain event that others must react to is written here
 * in the same transaction as the change, and each durable consumer (routing, plugins, outbound
 * webhooks) reads it in order from its own cursor. See src/core/event-log.ts.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const eventLog = sqliteTable('event_log', {
  /** Commit order; consumers read `seq > cursor` in this order. */
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  /** Stable id handed to consumers for idempotency. */
  id: text('id').notNull(),
  name: text('name').notNull(),
  conversationId: text('conversation_id'),
  payload: text('payload', { mode: 'json' }).notNull().$type<unknown>(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('event_log_time_idx').on(t.createdAt)]);

export const eventCursors = sqliteTable('event_cursors', {
  /** `routing`, `plugin:<id>`, `webhook:<subscription id>` … */
  consumer: text('consumer').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
  /** Consecutive failed attempts at the event after `last_seq`. */
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  updatedAt: integer('updated_at').notNull(),
});
