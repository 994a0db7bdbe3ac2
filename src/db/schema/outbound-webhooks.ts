/**
 * Outbound webhooks: the subscriptions admins create (each one a durable event consumer
 * `webhook:<id>`) and the log of every delivery attempt, with a copy of the body so a delivery can
 * be replayed after the event log was pruned. See src/jobs/outbound-webhooks/.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const webhookSubscriptions = sqliteTable('webhook_subscriptions', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Webhook event types (src/core/webhooks/event-types.ts). */
  events: text('events', { mode: 'json' }).notNull().$type<string[]>(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** The signing secret, sealed with encryptSecret (shown once, at creation). */
  secretSealed: text('secret_sealed').notNull(),
  /** Failed attempts in a row since the last success. */
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** When the current run of failures started; null after a success. */
  failingSince: integer('failing_since'),
  lastError: text('last_error'),
  /** Why Turno disabled it (sustained failure); null when enabled or disabled by an admin. */
  disabledReason: text('disabled_reason'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const webhookDeliveries = sqliteTable('webhook_deliveries', {
  id: text('id').primaryKey(),
  subscriptionId: text('subscription_id').notNull().references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
  /** The `Turno-Webhook-Id` sent (stable across retries and replays). */
  webhookId: text('webhook_id').notNull(),
  eventType: text('event_type').notNull(),
  /** The exact JSON body sent (replays send it again with a fresh timestamp and signature). */
  body: text('body').notNull(),
  ok: integer('ok', { mode: 'boolean' }).notNull(),
  statusCode: integer('status_code'),
  latencyMs: integer('latency_ms').notNull(),
  /** The first 1 KB of the receiver's answer. */
  responseExcerpt: text('response_excerpt'),
  error: text('error'),
  attempt: integer('attempt').notNull(),
  /** Sent by an admin's replay rather than by the queue. */
  replay: integer('replay', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
}, (t) => [
  index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
  index('webhook_deliveries_time_idx').on(t.createdAt),
]);
