/**
 * The job runner: a few async workers claim due jobs and call the handler registered for their
 * type. Handlers must be idempotent (a job can run again after a crash). Throwing `JobRetry` or any
 * error retries with backoff; `JobFailed` dead-letters at once.
 */
import { claimNextJob, completeJob, failJob, nextDueTime, recoverStaleJobs } from '../core/jobs';
import type { Core } from '../core/context';
import type { Job } from '../core/types';
import { newId } from '../lib/ids';

export type JobHandler = (job: Job, payload: any) => Promise<void> | void;

/**
 * Thrown by a handler to retry after a specific delay (rate limits, paused channels). With
 * `free`, the attempt is not counted (waiting on something outside the job's control).
 */
export class JobRetry extends Error {
  constructor(message: string, readonly retryInMs?: number, readonly opts: { free?: boolean } = {}) {
    super(message);
  }
}

/** Thrown by a handler when retrying can never help; the job is dead-lettered at once. */
export class JobFailed extends Error {}

export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private running = false;
  private active = new Set<Promise<void>>();
  private waiters = new Set<() => void>();
  /** When a worker last finished a loop iteration without crashing (for readiness). */
  lastHeartbeat = 0;
  private loops: Promise<void>[] = [];
  readonly workerId = `w-${process.pid}-${newId().slice(-6)}`;

  constructor(private core: Core, private concurrency = 4, private idleMs = 500) {}

  /** Registers the handler of a job type. */
  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /** The handler registered for a job type, if any. */
  handlerOf(type: string): JobHandler | undefined {
    return this.handlers.get(type);
  }

  /** Removes the handler of a job type; its queued jobs wait until a handler is registered again. */
  unregister(type: string): void {
    this.handlers.delete(type);
  }

  /** Starts the workers after re-queueing jobs a dead process left running. */
  start(): void {
    if (this.running) return;
    recoverStaleJobs(this.core, 0);
    this.running = true;
    this.lastHeartbeat = Date.now();
    for (let i = 0; i < this.concurrency; i++) this.loops.push(this.loop());
  }

  /**
   * Wakes one idle worker (called after enqueueing so a new job starts without waiting for the
   * poll). One job needs one worker: waking them all made every enqueue cost each idle worker a
   * claim and a due-time query (bench/ingest profile). Busy workers claim again as they finish,
   * and idle ones poll every `idleMs`, so jobs queued together with one poke are all picked up.
   * (Waking the next worker after each claim cost bench/ingest ~10 points of the ceiling ratio
   * during a flood, for at most `idleMs` less wait on a rare batch.)
   */
  poke(): void {
    const [wake] = this.waiters;
    wake?.();
  }

  /** A readiness problem when started workers have not made progress for `staleMs`, else null. */
  health(staleMs = 60_000): string | null {
    if (!this.running || this.concurrency === 0) return null;
    const age = Date.now() - this.lastHeartbeat;
    return age > staleMs ? `job workers have not made progress for ${Math.round(age / 1000)} s` : null;
  }

  /** Stops claiming new jobs and waits for in-flight jobs to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.waiters]) wake();
    await Promise.allSettled(this.loops);
    await Promise.allSettled([...this.active]);
    this.loops = [];
  }

  /**
   * Runs due jobs one at a time until none is due (tests with a fake clock use this instead of
   * starting the loop). Returns how many jobs ran.
   */
  async runDue(maxJobs = 10_000): Promise<number> {
    let count = 0;
    while (count < maxJobs) {
      const job = claimNextJob(this.core, this.workerId, [...this.handlers.keys()]);
      if (!job) break;
      await this.execute(job);
      count++;
    }
    return count;
  }

  /**
   * One worker: claim, run, repeat; sleep when nothing is due. A database error (busy, disk full)
   * is logged and the worker backs off instead of dying, so sending never stops silently.
   */
  private async loop(): Promise<void> {
    while (this.running) {
      try {
        this.lastHeartbeat = Date.now();
        const job = claimNextJob(this.core, this.workerId, [...this.handlers.keys()]);
        if (!job) {
          await this.sleep(this.dueWait());
          continue;
        }
        const run = this.execute(job);
        this.active.add(run);
        await run.finally(() => this.active.delete(run));
      } catch (error) {
        this.core.log.error('job worker error; backing off', { error });
        await this.sleep(this.idleMs);
      }
    }
  }

  private dueWait(): number {
    const due = nextDueTime(this.core);
    return due === null ? this.idleMs : Math.max(5, Math.min(this.idleMs, due - this.core.clock.now()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private async execute(job: Job): Promise<void> {
    const handler = this.handlers.get(job.type);
    try {
      if (!handler) throw new JobFailed(`no handler for job type ${job.type}`);
      await handler(job, job.payload);
      completeJob(this.core, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const status = failJob(this.core, job, message, {
        final: error instanceof JobFailed,
        retryInMs: error instanceof JobRetry ? error.retryInMs : undefined,
        free: error instanceof JobRetry && error.opts.free === true,
      });
      this.core.log.warn('job failed', { jobId: job.id, type: job.type, attempt: job.attempts, status, error: message });
    }
  }
}
