/**
 * Reading the durable event log: consumer cursors, ordered batches and pruning. The dispatcher
 * (src/jobs/event-dispatcher.ts) drives delivery; this module only holds the SQL.
 */
import { and, eq, gt, inArray, lte, max, min, sql } from 'drizzle-orm';
import { changesOf } from '../db/client';
import { eventCursors, eventLog } from '../db/schema';
import type { Core } from './context';
import type { DurableEventName, TurnoEvents } from './events';

/** One recorded event as a consumer receives it. */
export interface LoggedEvent<K extends DurableEventName = DurableEventName> {
  seq: number;
  /** Stable id: the same on every redelivery (use it for idempotency). */
  id: string;
  name: K;
  conversationId: string | null;
  payload: TurnoEvents[K];
  /** When the change committed (ms since epoch). */
  createdAt: number;
}

/** A reader of the event log that must see every event it subscribes to (src/jobs/event-dispatcher.ts runs it). */
export interface DurableConsumer {
  /** Cursor key: `routing`, `plugin:<id>`, `webhook:<id>`. */
  id: string;
  events: readonly DurableEventName[];
  handle(event: LoggedEvent, attempt: number): Promise<void> | void;
  /** A handler still running after this long counts as failed (default 5 s). */
  timeoutMs?: number;
  /** Told of each failure with the consecutive count (plugins disable themselves after N). */
  onFailure?(error: Error, failures: number, event: LoggedEvent): void;
}

/** What core needs from the dispatcher: registering a durable consumer. */
export interface DurableConsumers {
  /** Starts delivering to `consumer` from its cursor; returns a function that removes it. */
  register(consumer: DurableConsumer): () => void;
}

/** Narrows a logged event to one name (its payload type follows). */
export function isEvent<K extends DurableEventName>(event: LoggedEvent, name: K): event is LoggedEvent<K> {
  return event.name === name;
}

export interface CursorState {
  lastSeq: number;
  failures: number;
  lastError: string | null;
}

/** The newest sequence number in the log (0 when empty). */
export function latestEventSeq(core: Core): number {
  return core.db.select({ seq: max(eventLog.seq) }).from(eventLog).get()?.seq ?? 0;
}

/**
 * The cursor of `consumer`, created at the log's current end the first time (a new consumer
 * starts with what happens next, not with history).
 */
export function ensureCursor(core: Core, consumer: string): CursorState {
  const existing = core.db.select().from(eventCursors).where(eq(eventCursors.consumer, consumer)).get();
  if (existing) return existing;
  const row = { consumer, lastSeq: latestEventSeq(core), failures: 0, lastError: null, updatedAt: core.clock.now() };
  core.db.insert(eventCursors).values(row).onConflictDoNothing().run();
  return row;
}

/** Up to `limit` events after `afterSeq` whose names are in `names`, oldest first. */
export function readEvents(core: Core, afterSeq: number, names: readonly DurableEventName[], limit = 200): LoggedEvent[] {
  return core.db.select().from(eventLog)
    .where(and(gt(eventLog.seq, afterSeq), inArray(eventLog.name, [...names])))
    .orderBy(eventLog.seq).limit(limit).all() as LoggedEvent[];
}

/** Moves a consumer's cursor forward to `seq` and clears its failure count. */
export function advanceCursor(core: Core, consumer: string, seq: number): void {
  core.db.update(eventCursors).set({ lastSeq: sql`max(${eventCursors.lastSeq}, ${seq})`, failures: 0, lastError: null, updatedAt: core.clock.now() })
    .where(eq(eventCursors.consumer, consumer)).run();
}

/** Records a failed delivery attempt; returns the consecutive failure count. */
export function recordCursorFailure(core: Core, consumer: string, error: string): number {
  const row = core.db.update(eventCursors)
    .set({ failures: sql`${eventCursors.failures} + 1`, lastError: error.slice(0, 2000), updatedAt: core.clock.now() })
    .where(eq(eventCursors.consumer, consumer)).returning({ failures: eventCursors.failures }).get();
  return row?.failures ?? 0;
}

/** Every consumer's cursor (admin and diagnostics). */
export function listCursors(core: Core): Array<CursorState & { consumer: string }> {
  return core.db.select().from(eventCursors).all();
}

/**
 * Deletes events every active consumer has passed, and any older than `maxAgeMs` (a consumer
 * disabled longer than that resumes at what is left). Returns how many rows were deleted.
 */
export function pruneEventLog(core: Core, activeConsumers: string[], maxAgeMs: number): number {
  const floor = activeConsumers.length === 0
    ? latestEventSeq(core)
    : core.db.select({ seq: min(eventCursors.lastSeq) }).from(eventCursors).where(inArray(eventCursors.consumer, activeConsumers)).get()?.seq ?? 0;
  const byCursor = changesOf(core.db.delete(eventLog).where(lte(eventLog.seq, floor)).run());
  const byAge = changesOf(core.db.delete(eventLog).where(lte(eventLog.createdAt, core.clock.now() - maxAgeMs)).run());
  return byCursor + byAge;
}
