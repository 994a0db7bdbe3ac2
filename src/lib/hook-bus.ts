/**
 * Typed in-process event bus, PocketBase-style: handlers have a priority (lower runs first), run
 * one after another, and are isolated — a handler that throws is logged and the others still run.
 * Services publish only after their transaction has committed.
 */
import type { Logger } from './logger';

type Handler<P> = (payload: P) => void | Promise<void>;
interface Entry<P> {
  handler: Handler<P>;
  priority: number;
  seq: number;
}

export class HookBus<Events extends object> {
  private handlers = new Map<keyof Events, Entry<any>[]>();
  private anyHandlers: Entry<{ name: keyof Events; payload: unknown }>[] = [];
  private seq = 0;
  private pending = new Set<Promise<void>>();

  constructor(private log?: Logger) {}

  /** Subscribes to one event; returns a function that unsubscribes. */
  on<K extends keyof Events>(name: K, handler: Handler<Events[K]>, opts: { priority?: number } = {}): () => void {
    const list = this.handlers.get(name) ?? [];
    const entry = { handler, priority: opts.priority ?? 0, seq: this.seq++ };
    list.push(entry);
    list.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    this.handlers.set(name, list);
    return () => {
      const current = this.handlers.get(name) ?? [];
      this.handlers.set(name, current.filter((e) => e !== entry));
    };
  }

  /** Subscribes to every event (recorders, outbound webhooks, plugins that listen broadly). */
  onAny(handler: Handler<{ name: keyof Events; payload: unknown }>, opts: { priority?: number } = {}): () => void {
    const entry = { handler, priority: opts.priority ?? 0, seq: this.seq++ };
    this.anyHandlers.push(entry);
    this.anyHandlers.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    return () => {
      this.anyHandlers = this.anyHandlers.filter((e) => e !== entry);
    };
  }

  /**
   * Runs every handler of `name` in priority order and resolves when all have settled. Errors are
   * logged, never thrown to the publisher.
   */
  async emit<K extends keyof Events>(name: K, payload: Events[K]): Promise<void> {
    const run = this.runHandlers(name, payload);
    this.pending.add(run);
    try {
      await run;
    } finally {
      this.pending.delete(run);
    }
  }

  /**
   * Counts `work` started because of an event (e.g. durable delivery) as pending, so `drain()`
   * also waits for it.
   */
  track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Fire-and-forget form of `emit` for callers on a hot path; `drain()` waits for these. */
  publish<K extends keyof Events>(name: K, payload: Events[K]): void {
    void this.emit(name, payload);
  }

  /** Resolves when every event published so far has been handled (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async runHandlers<K extends keyof Events>(name: K, payload: Events[K]): Promise<void> {
    for (const entry of this.handlers.get(name) ?? []) await this.safely(String(name), () => entry.handler(payload));
    for (const entry of this.anyHandlers) await this.safely(String(name), () => entry.handler({ name, payload }));
  }

  private async safely(name: string, fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.log?.error('event handler failed', { event: name, error });
    }
  }
}
