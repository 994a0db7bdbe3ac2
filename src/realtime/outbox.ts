/**
 * The realtime outbox: every pushed change gets a row with a monotonic `seq` (SQLite
 * AUTOINCREMENT, so numbers survive restarts and are never reused). Tabs remember the last seq
 * they saw and ask for everything after it when their socket reconnects.
 */
import { asc, desc, gt, lt } from 'drizzle-orm';
import { realtimeEvents } from '../db/schema';
import type { Core } from '../core/context';

/** How long changes stay replayable; a tab away longer reloads the page instead. */
export const OUTBOX_RETENTION_MS = 3 * 24 * 3600_000;

export interface OutboxRow { seq: number; kind: string; conversationId: string; messageId: string | null; createdAt: number }

/** Records a change and returns its sequence number. Prunes expired rows now and then. */
export function recordChange(core: Core, kind: string, conversationId: string, messageId: string | null = null): number {
  const now = core.clock.now();
  const row = core.db.insert(realtimeEvents).values({ kind, conversationId, messageId, createdAt: now }).returning({ seq: realtimeEvents.seq }).get();
  if (row.seq % 500 === 0) core.db.delete(realtimeEvents).where(lt(realtimeEvents.createdAt, now - OUTBOX_RETENTION_MS)).run();
  return row.seq;
}

/** The newest sequence number (0 when nothing was pushed yet). */
export function latestSeq(core: Core): number {
  return core.db.select({ seq: realtimeEvents.seq }).from(realtimeEvents).orderBy(desc(realtimeEvents.seq)).limit(1).get()?.seq ?? 0;
}

/** Changes after `since`, oldest first, at most `limit`. */
export function changesSince(core: Core, since: number, limit: number): OutboxRow[] {
  return core.db.select({ seq: realtimeEvents.seq, kind: realtimeEvents.kind, conversationId: realtimeEvents.conversationId, messageId: realtimeEvents.messageId, createdAt: realtimeEvents.createdAt })
    .from(realtimeEvents).where(gt(realtimeEvents.seq, since)).orderBy(asc(realtimeEvents.seq)).limit(limit).all();
}
