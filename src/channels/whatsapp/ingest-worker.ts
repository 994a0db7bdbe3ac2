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
import { ingestWebhook } from './ingest';

const BATCH = 200;

export class IngestWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private core: Core, private idleMs = 1000) {}

  /** Starts processing in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the worker right after a webhook was stored. */
  poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Finishes the event in hand and stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
  }

  /** Processes every pending event now; returns how many were handled (tests call this directly). */
  processPending(): number {
    let total = 0;
    for (;;) {
      const batch = this.core.db.select().from(webhookEvents)
        .where(and(eq(webhookEvents.status, 'received'), eq(webhookEvents.provider, 'whatsapp')))
        .orderBy(asc(webhookEvents.receivedAt), asc(webhookEvents.id)).limit(BATCH).all();
      for (const event of batch) this.processOne(event.id, event.body);
      total += batch.length;
      if (batch.length < BATCH) return total;
    }
  }

  /** Puts failed/unroutable events back in the queue (after an admin fixed the cause). */
  replay(ids: string[]): number {
    if (ids.length === 0) return 0;
    const result = this.core.db.update(webhookEvents).set({ status: 'received', error: null, processedAt: null })
      .where(and(inArray(webhookEvents.id, ids), inArray(webhookEvents.status, ['failed', 'unroutable']))).run();
    this.poke();
    return changesOf(result);
  }

  private processOne(id: string, body: string): void {
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
        const outcome = ingestWebhook(this.core, parsed);
        const unroutable = outcome.unroutable.length > 0;
        this.mark(id, unroutable ? 'unroutable' : 'processed', unroutable ? `no channel for phone_number_id ${outcome.unroutable.join(', ')}` : null, now());
      });
    } catch (error) {
      this.core.log.warn('webhook event could not be applied', { eventId: id, error });
      this.mark(id, 'failed', (error as Error).message.slice(0, 2000), now());
    }
  }

  private mark(id: string, status: 'processed' | 'failed' | 'unroutable', error: string | null, at: number): void {
    this.core.db.update(webhookEvents).set({ status, error, processedAt: at }).where(eq(webhookEvents.id, id)).run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = this.processPending();
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
      } else {
        await Bun.sleep(0);
      }
    }
  }
}
