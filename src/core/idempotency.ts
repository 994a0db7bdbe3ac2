/**
 * Idempotency keys: the first POST with a key stores its answer; a retry with the same key (same
 * caller, same request) gets that answer back instead of doing the work again — so a retried send
 * queues one WhatsApp message, not two. Keys live 24 hours.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema';
import type { Core } from './context';
import { fail } from './errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A first request still running after this long is presumed dead and its key freed. */
const STALE_PENDING_MS = 5 * 60_000;

export type IdempotencyStart = { kind: 'new' } | { kind: 'replay'; status: number; body: string };

/**
 * Claims `key` for `owner`'s request, or returns the stored answer of the first request. Throws
 * `conflict` while the first request with this key is still running and `unprocessable` when the
 * key was used for a different request.
 */
export function beginIdempotent(core: Core, owner: string, key: string, requestHash: string): IdempotencyStart {
  const now = core.clock.now();
  core.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)).run();
  const row = core.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key))).get();
  if (row && row.requestHash !== requestHash) {
    throw fail.unprocessable('This Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
  }
  if (row && row.status !== null) return { kind: 'replay', status: row.status, body: row.response ?? '' };
  if (row && now - row.createdAt < STALE_PENDING_MS) {
    throw fail.conflict('A request with this Idempotency-Key is still being processed; retry later', { field: 'Idempotency-Key' });
  }
  if (row) core.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key))).run();
  core.db.insert(idempotencyKeys).values({ owner, key, requestHash, status: null, response: null, createdAt: now }).run();
  return { kind: 'new' };
}

/** Stores the answer of the first request with `key`. */
export function finishIdempotent(core: Core, owner: string, key: string, status: number, body: string): void {
  core.db.update(idempotencyKeys).set({ status, response: body })
    .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key))).run();
}

/** Frees a key whose request failed (nothing was changed), so the client may retry with it. */
export function abandonIdempotent(core: Core, owner: string, key: string): void {
  core.db.delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status))).run();
}
