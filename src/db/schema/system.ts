/** Infrastructure tables: audit log, durable jobs, raw webhook events, key-value settings. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { JOB_STATUSES, WEBHOOK_EVENT_STATUSES } from './enums';

export const auditLog = sqliteTable('audit_log', {
  id: text('id').primaryKey(),
  actorId: text('actor_id'),
  actorType: text('actor_type').notNull().default('user'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  details: text('details', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
  ip: text('ip'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('audit_log_time_idx').on(t.createdAt)]);

export const jobs = sqliteTable('jobs', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(8),
  runAt: integer('run_at').notNull(),
  lockedAt: integer('locked_at'),
  lockedBy: text('locked_by'),
  lastError: text('last_error'),
  /** Optional dedupe key: at most one unfinished job per key. */
  uniqueKey: text('unique_key'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  finishedAt: integer('finished_at'),
}, (t) => [
  index('jobs_claim_idx').on(t.status, t.runAt),
  uniqueIndex('jobs_unique_key_unique').on(t.uniqueKey),
]);

export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  channelId: text('channel_id'),
  status: text('status', { enum: WEBHOOK_EVENT_STATUSES }).notNull().default('received'),
  /** The exact bytes received, as UTF-8 text. */
  body: text('body').notNull(),
  signature: text('signature'),
  error: text('error'),
  receivedAt: integer('received_at').notNull(),
  processedAt: integer('processed_at'),
}, (t) => [index('webhook_events_status_idx').on(t.status, t.receivedAt)]);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull().$type<unknown>(),
  updatedAt: integer('updated_at').notNull(),
});
