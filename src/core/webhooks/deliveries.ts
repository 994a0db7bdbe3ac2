/** The outbound webhook delivery log: one row per attempt, listed per subscription, pruned by age. */
import { and, desc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import { changesOf } from '../../db/client';
import { webhookDeliveries } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Core } from '../context';
import { fail } from '../errors';

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewDelivery = Omit<WebhookDelivery, 'id' | 'createdAt'>;

/** The most of a receiver's answer kept in the log. */
export const RESPONSE_EXCERPT_BYTES = 1024;

/** Records one attempt; returns the row. */
export function logDelivery(core: Core, attempt: NewDelivery): WebhookDelivery {
  return core.db.insert(webhookDeliveries).values({ ...attempt, id: newId(), createdAt: core.clock.now() }).returning().get();
}

/** A subscription's attempts, newest first; `before` (a delivery id) pages back. */
export function listDeliveries(core: Core, subscriptionId: string, opts: { limit?: number; before?: string } = {}): WebhookDelivery[] {
  const anchor = opts.before ? getDeliveryOrThrow(core, subscriptionId, opts.before) : null;
  const older = anchor
    ? sql`(${webhookDeliveries.createdAt} < ${anchor.createdAt} OR (${webhookDeliveries.createdAt} = ${anchor.createdAt} AND ${webhookDeliveries.id} < ${anchor.id}))`
    : undefined;
  return core.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), older))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(opts.limit ?? 50).all();
}

/** One attempt of a subscription, or `not_found`. */
export function getDeliveryOrThrow(core: Core, subscriptionId: string, id: string): WebhookDelivery {
  const row = core.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId))).get();
  if (!row) throw fail.notFound('Delivery');
  return row;
}

/**
 * The latest attempt of each webhook of a subscription that never succeeded (no successful
 * attempt with the same `Turno-Webhook-Id`), oldest first: what "replay all failed" sends again.
 */
export function failedDeliveries(core: Core, subscriptionId: string, limit = 500): WebhookDelivery[] {
  const ids = core.db.all<{ id: string }>(sql`
    SELECT d.id FROM ${webhookDeliveries} d
    WHERE d.subscription_id = ${subscriptionId} AND d.ok = 0
      AND NOT EXISTS (SELECT 1 FROM ${webhookDeliveries} s WHERE s.subscription_id = d.subscription_id AND s.webhook_id = d.webhook_id AND s.ok = 1)
      AND d.created_at = (SELECT max(l.created_at) FROM ${webhookDeliveries} l WHERE l.subscription_id = d.subscription_id AND l.webhook_id = d.webhook_id)
    GROUP BY d.webhook_id LIMIT ${limit}`).map((r) => r.id);
  if (ids.length === 0) return [];
  return core.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)).orderBy(webhookDeliveries.createdAt, webhookDeliveries.id).all();
}

/** When each subscription last attempted a delivery (subscription id → ms). */
export function lastAttemptTimes(core: Core): Map<string, number> {
  const rows = core.db.select({ id: webhookDeliveries.subscriptionId, at: max(webhookDeliveries.createdAt) }).from(webhookDeliveries).groupBy(webhookDeliveries.subscriptionId).all();
  return new Map(rows.map((r) => [r.id, r.at ?? 0]));
}

/** Deletes attempts older than `maxAgeMs`; returns how many. */
export function pruneDeliveries(core: Core, maxAgeMs: number): number {
  return changesOf(core.db.delete(webhookDeliveries).where(lt(webhookDeliveries.createdAt, core.clock.now() - maxAgeMs)).run());
}
