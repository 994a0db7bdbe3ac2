/**
 * Dead-lettered webhook events: stored bodies the ingest worker could not apply (`failed`), could
 * not route to a channel (`unroutable`) or applied only in part because some items were unreadable
 * (`partial`). Admins inspect them and replay them once fixed.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { webhookEvents } from '../db/schema';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor } from './types';

/** Statuses an admin sees in the failed-webhooks list and may replay. */
export const REPLAYABLE_WEBHOOK_STATUSES = ['failed', 'unroutable', 'partial'] as const;

export interface DeadWebhookRow {
  id: string;
  provider: string;
  status: string;
  error: string | null;
  receivedAt: number;
  /** Body size in bytes. */
  size: number;
}

/** Failed and unroutable events, newest first (bodies left out; see `getWebhookEventOrThrow`). */
export function listDeadWebhookEvents(core: Core, limit = 200): DeadWebhookRow[] {
  return core.db.select({
    id: webhookEvents.id, provider: webhookEvents.provider, status: webhookEvents.status, error: webhookEvents.error,
    receivedAt: webhookEvents.receivedAt, size: sql<number>`length(CAST(${webhookEvents.body} AS BLOB))`,
  }).from(webhookEvents).where(inArray(webhookEvents.status, [...REPLAYABLE_WEBHOOK_STATUSES]))
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id)).limit(limit).all();
}

/** One stored webhook event with its raw body, or throws `not_found`. */
export function getWebhookEventOrThrow(core: Core, id: string) {
  const row = core.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).get();
  if (!row) throw fail.notFound('Webhook event');
  return row;
}

/** What can put events back in the ingest queue (the WhatsApp IngestWorker). */
export interface WebhookReplayer {
  replay(ids: string[]): number;
}

/**
 * Queues the given failed/unroutable events for processing again (others are ignored) and
 * audits `webhook.replay` with the ids that were actually requeued. Returns how many.
 */
export function replayWebhookEvents(core: Core, worker: WebhookReplayer, ids: string[], actor: Actor | null): number {
  const eligible = ids.length === 0 ? [] : core.db.select({ id: webhookEvents.id }).from(webhookEvents)
    .where(and(inArray(webhookEvents.id, ids), inArray(webhookEvents.status, [...REPLAYABLE_WEBHOOK_STATUSES]))).all().map((r) => r.id);
  if (eligible.length === 0) return 0;
  const count = worker.replay(eligible);
  recordAudit(core, actor, 'webhook.replay', { type: 'webhook_event', id: eligible.length === 1 ? eligible[0] : undefined }, { ids: eligible, count });
  return count;
}
