/**
 * Durable delivery of logged events. Each consumer (routing, a plugin, an outbound webhook
 * subscription) has a cursor in `event_cursors` and its own loop: it reads the events after its
 * cursor in commit order, runs its handler on each (with a time-out) and advances the cursor after
 * every success. A failure stops that consumer only; it retries the same event after a backoff, so
 * delivery is at least once and in order (per consumer, hence per conversation). Nothing is lost
 * in a crash: on start every consumer resumes from its cursor.
 *
 * Why cursors rather than one job per event and consumer: order per consumer comes for free, an
 * event costs one log row however many consumers read it, and a batch is one read.
 */
import type { Core } from '../core/context';
import { advanceCursor, ensureCursor, readEvents, recordCursorFailure, type DurableConsumer, type DurableConsumers, type LoggedEvent } from '../core/event-cursors';
import { backoffDelay } from '../core/jobs';

interface ConsumerState {
  consumer: DurableConsumer;
  running: Promise<void> | null;
  dirty: boolean;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** Ends the wait for a scheduled retry (it fired, or the consumer was removed). */
  endRetryWait: (() => void) | null;
  stopped: boolean;
}

export class EventTimeoutError extends Error {}

export interface DispatcherOptions {
  /** Delay before retrying after the n-th consecutive failure (tests pass () => 0). */
  retryDelay?: (failures: number) => number;
  /**
   * False in one-shot CLI processes: consumers are registered (their cursors exist) but nothing is
   * delivered there, so a command never races the running server for an event.
   */
  deliver?: boolean;
  /** Also look for new events this often (events committed by another process, e.g. a CLI command); 0 = only on local commits. */
  pollMs?: number;
}

export class EventDispatcher implements DurableConsumers {
  private consumers = new Map<string, ConsumerState>();
  private unsubscribe: () => void;
  private retryDelay: (failures: number) => number;
  private delivering: boolean;
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(private core: Core, opts: DispatcherOptions = {}) {
    this.retryDelay = opts.retryDelay ?? ((failures) => backoffDelay(failures));
    this.delivering = opts.deliver ?? true;
    this.unsubscribe = core.eventSignal.subscribe(() => this.wake());
    if (this.delivering && opts.pollMs) this.poll = setInterval(() => this.wake(), opts.pollMs);
  }

  /**
   * Adds a consumer and starts delivering what is after its cursor (a new consumer starts at the
   * log's end). Returns a function that removes it; its cursor stays for when it comes back.
   */
  register(consumer: DurableConsumer): () => void {
    if (this.consumers.has(consumer.id)) throw new Error(`event consumer ${consumer.id} is already registered`);
    ensureCursor(this.core, consumer.id);
    const state: ConsumerState = { consumer, running: null, dirty: false, retryTimer: null, endRetryWait: null, stopped: false };
    this.consumers.set(consumer.id, state);
    this.kick(state);
    return () => this.remove(state);
  }

  /** Ids of the registered consumers. */
  consumerIds(): string[] {
    return [...this.consumers.keys()];
  }

  /** Wakes every consumer (called after each commit that logged events). */
  wake(): void {
    for (const state of this.consumers.values()) this.kick(state);
  }

  /** Stops every consumer and waits for handlers in flight. */
  async stop(): Promise<void> {
    this.unsubscribe();
    if (this.poll) clearInterval(this.poll);
    await Promise.allSettled([...this.consumers.values()].map((state) => this.remove(state)));
  }

  private async remove(state: ConsumerState): Promise<void> {
    state.stopped = true;
    if (state.retryTimer) clearTimeout(state.retryTimer);
    state.endRetryWait?.();
    if (this.consumers.get(state.consumer.id) === state) this.consumers.delete(state.consumer.id);
    await state.running;
  }

  private kick(state: ConsumerState): void {
    if (!this.delivering || state.stopped || state.retryTimer) return;
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.running = this.run(state).finally(() => {
      state.running = null;
      // A wake between the loop's last read and here only set `dirty`: run again for it.
      if (state.dirty) this.kick(state);
    });
    this.core.bus.track(state.running);
  }

  private async run(state: ConsumerState): Promise<void> {
    const { consumer } = state;
    do {
      state.dirty = false;
      for (;;) {
        if (state.stopped) return;
        const cursor = ensureCursor(this.core, consumer.id);
        const batch = readEvents(this.core, cursor.lastSeq, consumer.events);
        if (batch.length === 0) break;
        for (const [i, event] of batch.entries()) {
          if (state.stopped) return;
          const failed = await this.deliver(consumer, event, i === 0 ? cursor.failures + 1 : 1);
          if (failed) {
            this.scheduleRetry(state, failed);
            return;
          }
          advanceCursor(this.core, consumer.id, event.seq);
        }
      }
    } while (state.dirty);
  }

  /** Runs the handler on one event; returns the consecutive failure count, or 0 on success. */
  private async deliver(consumer: DurableConsumer, event: LoggedEvent, attempt: number): Promise<number> {
    const timeoutMs = consumer.timeoutMs ?? 5000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(() => consumer.handle(event, attempt)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new EventTimeoutError(`handler for ${event.name} did not finish within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return 0;
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const failures = recordCursorFailure(this.core, consumer.id, error.message);
      this.core.log.warn('event delivery failed', { consumer: consumer.id, event: event.name, eventId: event.id, failures, error: error.message });
      consumer.onFailure?.(error, failures, event);
      return failures;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Retries after the backoff; the wait counts as pending work, so `bus.drain()` sees the retry through. */
  private scheduleRetry(state: ConsumerState, failures: number): void {
    if (state.stopped) return;
    const wait = new Promise<void>((resolve) => {
      state.endRetryWait = resolve;
    });
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      state.endRetryWait = null;
      this.kick(state);
      endWait();
    }, this.retryDelay(failures));
    const endWait = state.endRetryWait!;
    this.core.bus.track(wait);
  }
}
