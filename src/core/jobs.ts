/**
 * Durable jobs stored in SQLite. `enqueueJob` runs inside the caller's transaction, so a job exists
 * if and only if the change that asked for it committed. Workers live in src/jobs.
 */
import { and, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { jobs } from '../db/schema';
import { newId } from '../lib/ids';
import { changesOf, preparedQuery } from '../db/client';
import type { Core } from './context';
import type { Job } from './types';

/** What core needs from the job runner (src/jobs implements it): handlers and a wake-up. */
export interface JobRegistry {
  register(type: string, handler: (job: Job, payload: any) => Promise<void> | void): void;
  poke(): void;
}

export interface EnqueueOptions {
  /** When to run; defaults to now. Timers (snooze, SLA, auto-resolve) use a future time. */
  runAt?: number;
  maxAttempts?: number;
  /** At most one unfinished job per key; enqueueing again returns the existing job's id. */
  uniqueKey?: string;
}

/** Whether a job of `type` other than `exceptId` is queued or running (recurring jobs check before queueing the next). */
export function hasPendingJob(core: Core, type: string, exceptId = ''): boolean {
  return !!core.db.select({ id: jobs.id }).from(jobs)
    .where(and(eq(jobs.type, type), inArray(jobs.status, ['queued', 'running']), ne(jobs.id, exceptId))).get();
}

/** Inserts a queued job and returns its id. */
export function enqueueJob(core: Core, type: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): string {
  const now = core.clock.now();
  if (opts.uniqueKey) {
    const existing = core.db.select({ id: jobs.id }).from(jobs)
      .where(and(eq(jobs.uniqueKey, opts.uniqueKey), inArray(jobs.status, ['queued', 'running']))).get();
    if (existing) return existing.id;
  }
  const id = newId();
  core.db.insert(jobs).values({
    id,
    type,
    payload,
    status: 'queued',
    attempts: 0,
    maxAttempts: opts.maxAttempts ?? 8,
    runAt: opts.runAt ?? now,
    uniqueKey: opts.uniqueKey ?? null,
    createdAt: now,
    updatedAt: now,
  }).run();
  return id;
}

/**
 * Atomically claims the next due job for `workerId` (one UPDATE … RETURNING: two workers never get
 * the same job). Returns null when nothing is due.
 */
export function claimNextJob(core: Core, workerId: string, types?: string[]): Job | null {
  const now = core.clock.now();
  const typeFilter = types && types.length > 0 ? `AND type IN (${types.map(() => '?').join(', ')})` : '';
  const row = core.db.$client.query<{ id: string }, (string | number)[]>(`
    UPDATE jobs SET status = 'running', locked_at = ?, locked_by = ?, attempts = attempts + 1, updated_at = ?
    WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= ? ${typeFilter} ORDER BY run_at, id LIMIT 1)
    RETURNING id`).get(now, workerId, now, now, ...(types ?? []));
  if (!row) return null;
  return core.db.select().from(jobs).where(eq(jobs.id, row.id)).get() ?? null;
}

/** Marks a job done; its unique key is released. */
export function completeJob(core: Core, id: string): void {
  const now = core.clock.now();
  core.db.update(jobs).set({ status: 'done', finishedAt: now, updatedAt: now, lockedAt: null, uniqueKey: null })
    .where(eq(jobs.id, id)).run();
}

/**
 * Exponential backoff with full jitter: base 2 s doubling per attempt, capped at 15 minutes.
 * `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(15 * 60_000, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/**
 * Records a failed attempt: requeues with backoff (or after `retryInMs`), or moves the job to the
 * dead-letter state when attempts are exhausted or `final` is set. A `free` retry does not use up
 * an attempt. Returns the new status.
 */
export function failJob(core: Core, job: Job, error: string, opts: { final?: boolean; retryInMs?: number; free?: boolean } = {}): 'queued' | 'dead' {
  const now = core.clock.now();
  const dead = opts.final === true || (!opts.free && job.attempts >= job.maxAttempts);
  core.db.update(jobs).set({
    status: dead ? 'dead' : 'queued',
    attempts: opts.free && !dead ? Math.max(0, job.attempts - 1) : job.attempts,
    lastError: error.slice(0, 2000),
    runAt: dead ? job.runAt : now + (opts.retryInMs ?? backoffDelay(job.attempts)),
    lockedAt: null,
    lockedBy: null,
    updatedAt: now,
    finishedAt: dead ? now : null,
    uniqueKey: dead ? null : job.uniqueKey,
  }).where(eq(jobs.id, job.id)).run();
  if (dead) core.bus.publish('job.dead', { jobId: job.id, type: job.type, error });
  return dead ? 'dead' : 'queued';
}

/**
 * Returns jobs left `running` by a process that died (lock older than `leaseMs`, or every running job
 * at start-up with leaseMs = 0) to the queue. Returns how many were recovered.
 */
export function recoverStaleJobs(core: Core, leaseMs: number): number {
  const cutoff = core.clock.now() - leaseMs;
  const result = core.db.update(jobs).set({ status: 'queued', lockedAt: null, lockedBy: null, updatedAt: core.clock.now() })
    .where(and(eq(jobs.status, 'running'), lte(jobs.lockedAt, cutoff))).run();
  return changesOf(result);
}

/** Dead-lettered jobs, newest first, for the admin page. */
export function listDeadJobs(core: Core, limit = 100): Job[] {
  return core.db.select().from(jobs).where(eq(jobs.status, 'dead')).orderBy(desc(jobs.updatedAt)).limit(limit).all();
}

/** Puts a dead job back in the queue with a fresh attempt budget (admin "retry"). */
export function retryDeadJob(core: Core, id: string): boolean {
  const now = core.clock.now();
  const result = core.db.update(jobs).set({ status: 'queued', attempts: 0, runAt: now, updatedAt: now, finishedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'dead'))).run();
  return changesOf(result) > 0;
}

/** Moves the queued (waiting) job with `uniqueKey` to run now; false when there is none. */
export function runQueuedJobNow(core: Core, uniqueKey: string): boolean {
  const now = core.clock.now();
  const result = core.db.update(jobs).set({ runAt: now, updatedAt: now })
    .where(and(eq(jobs.uniqueKey, uniqueKey), eq(jobs.status, 'queued'))).run();
  return changesOf(result) > 0;
}

/** The earliest `run_at` of a queued job, so the runner can sleep until then. */
export function nextDueTime(core: Core): number | null {
  return earliestQueued(core.db).get()?.t ?? null;
}

const earliestQueued = preparedQuery((db) => db.select({ t: sql<number | null>`min(${jobs.runAt})` }).from(jobs).where(eq(jobs.status, 'queued')).prepare());
