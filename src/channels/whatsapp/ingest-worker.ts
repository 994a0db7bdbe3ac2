/**
 * The ingest worker: stored webhook events are its durable queue. It processes `received` events
 * oldest first, each in one transaction with its status change, so a crash leaves an event either
 * fully applied and `processed`, or untouched and `received` (processed again at the next start).
 * Bodies that cannot be parsed become `failed`, bodies naming unknown numbers `unroutable`: both
 * are kept for admins to inspect and replay.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { changesOf, transaction } from '../../db/client';
import { webhookEvents } from '../../db/schema';
import { REPLAYABLE_WEBHOOK_STATUSES } from '../../core/webhook-events';
import { ingestWebhook } from './ingest';
import { WebhookParseError } from './parse-webhook';

/** Tries before an event that keeps failing to apply is set aside as `failed`. */
const MAX_APPLY_ATTEMPTS = 3;
const BATCH = 200;
/**
 * The background loop works in slices of at most this many milliseconds and then yields, so
 * webhook acks (and every other request) never wait behind a long backlog (bench/ingest: batches
 * of 200 applied in one go held acks for seconds).
 */
const SLICE_MS = 8;
const SLICE_BATCH = 32;
/**
 * While webhooks keep arriving (one in the last BUSY_WINDOW_MS), acks come first: the worker
 * applies events for BUSY_SLICE_MS, then pauses BUSY_PAUSE_MS. The stored events wait durably and
 * are drained at full speed as soon as the flood stops (bench/ingest: ack rate and p99).
 */
const BUSY_WINDOW_MS = 25;
const BUSY_SLICE_MS = 1;
const BUSY_PAUSE_MS = 20;

export class IngestWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastPokeAt = -Infinity;
  /** Failed apply attempts per event since this process started. */
  private attempts = new Map<string, number>();

  constructor(private core: Core, private idleMs = 1000) {}

  /** Starts processing in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Wakes the worker right after a webhook was stored. The wake-up is deferred to the next turn of
   * the event loop so the 200 is written before any processing starts (bench/push: frames reached
   * browsers before the webhook's ack did).
   */
  poke(): void {
    this.lastPokeAt = performance.now();
    const wake = this.wake;
    this.wake = null;
    if (wake) setImmediate(wake);
  }

  /** Finishes the event in hand and stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
  }

  /**
   * Processes pending events now, oldest first; returns how many were handled (tests call this
   * directly). With `budgetMs` it stops after that much time so the caller can yield to the
   * event loop.
   */
  processPending(budgetMs = Infinity): number {
    const started = performance.now();
    let total = 0;
    for (;;) {
      const batch = this.core.db.select().from(webhookEvents)
        .where(and(eq(webhookEvents.status, 'received'), eq(webhookEvents.provider, 'whatsapp')))
        .orderBy(asc(webhookEvents.receivedAt), asc(webhookEvents.id)).limit(budgetMs === Infinity ? BATCH : SLICE_BATCH).all();
      for (const event of batch) {
        this.processOne(event.id, event.body, event.channelId);
        total++;
        if (performance.now() - started > budgetMs) return total;
      }
      if (batch.length < (budgetMs === Infinity ? BATCH : SLICE_BATCH)) return total;
    }
  }

  /** Puts failed, unroutable or partly applied events back in the queue (after an admin fixed the cause). */
  replay(ids: string[]): number {
    if (ids.length === 0) return 0;
    const result = this.core.db.update(webhookEvents).set({ status: 'received', error: null, processedAt: null })
      .where(and(inArray(webhookEvents.id, ids), inArray(webhookEvents.status, [...REPLAYABLE_WEBHOOK_STATUSES]))).run();
    this.poke();
    return changesOf(result);
  }

  private processOne(id: string, body: string, verifiedBy: string | null): void {
    const now = () => this.core.clock.now();
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      this.mark(id, 'failed', `invalid JSON: ${(error as Error).message}`, now());
      return;
    }
    try {
      transaction(this.core.db, () => {
        const outcome = ingestWebhook(this.core, parsed, { verifiedBy });
        // Nothing is dropped silently: items that could not be routed or read keep the event in the
        // admin's failed-webhooks list (replay is safe: messages dedupe on wamid, statuses only move forward).
        if (outcome.unroutable.length > 0) this.mark(id, 'unroutable', outcome.unroutable.join('; ').slice(0, 2000), now());
        else if (outcome.unreadable.length > 0) this.mark(id, 'partial', outcome.unreadable.join('; ').slice(0, 2000), now());
        else this.mark(id, 'processed', null, now());
      });
      this.attempts.delete(id);
    } catch (error) {
      // A body that is not a WhatsApp envelope never will be; anything else (busy database, full
      // disk) is retried on the next rounds before the event is set aside for an admin.
      const attempts = (this.attempts.get(id) ?? 0) + 1;
      this.attempts.set(id, attempts);
      this.core.log.warn('webhook event could not be applied', { eventId: id, attempts, error });
      if (error instanceof WebhookParseError || attempts >= MAX_APPLY_ATTEMPTS) {
        this.attempts.delete(id);
        this.mark(id, 'failed', (error as Error).message.slice(0, 2000), now());
      } else {
        throw new Error(`webhook ${id} will be retried: ${(error as Error).message}`);
      }
    }
  }

  private mark(id: string, status: 'processed' | 'partial' | 'failed' | 'unroutable', error: string | null, at: number): void {
    this.core.db.update(webhookEvents).set({ status, error, processedAt: at }).where(eq(webhookEvents.id, id)).run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      const busy = performance.now() - this.lastPokeAt < BUSY_WINDOW_MS;
      try {
        handled = this.processPending(busy ? BUSY_SLICE_MS : SLICE_MS);
      } catch (error) {
        this.core.log.error('ingest worker failed', { error });
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      } else if (busy) {
        await Bun.sleep(BUSY_PAUSE_MS);
      } else {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}
