import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { backoffDelay, claimNextJob, enqueueJob, listDeadJobs, recoverStaleJobs, retryDeadJob } from '../../../src/core/jobs';
import { JobFailed, JobRetry, JobRunner } from '../../../src/jobs/runner';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
/** A runner that knows only the job types each test registers (the app's own jobs stay out). */
let runner: JobRunner;
beforeEach(async () => {
  t = await createTestApp();
  runner = new JobRunner(t.app.core, 0);
});
afterEach(async () => t.close());

describe('durable job queue', () => {
  test('a job enqueued in a transaction that rolls back does not exist', () => {
    const core = t.app.core;
    expect(() => core.db.transaction(() => {
      enqueueJob(core, 'x', {});
      throw new Error('rollback');
    })).toThrow('rollback');
    expect(claimNextJob(core, 'w1')).toBeNull();
  });

  test('claims are atomic: each job goes to exactly one worker', () => {
    const core = t.app.core;
    for (let i = 0; i < 50; i++) enqueueJob(core, 'x', { i });
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const job = claimNextJob(core, `w${i % 3}`);
      if (job) {
        expect(seen.has(job.id)).toBe(false);
        seen.add(job.id);
      }
    }
    expect(seen.size).toBe(50);
  });

  test('timers wait for run_at; uniqueKey dedupes unfinished jobs', () => {
    const core = t.app.core;
    const id = enqueueJob(core, 'timer', {}, { runAt: t.clock.now() + 60_000, uniqueKey: 'snooze:1' });
    expect(enqueueJob(core, 'timer', {}, { uniqueKey: 'snooze:1' })).toBe(id);
    expect(claimNextJob(core, 'w')).toBeNull();
    t.clock.advance(60_000);
    expect(claimNextJob(core, 'w')?.id).toBe(id);
  });

  test('failures back off with jitter, then dead-letter after max attempts; admins can retry', async () => {
    const core = t.app.core;
    let calls = 0;
    runner.register('flaky', () => {
      calls++;
      throw new Error('upstream 503');
    });
    enqueueJob(core, 'flaky', {}, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      expect(await runner.runDue()).toBe(1);
      expect(await runner.runDue()).toBe(0);
      t.clock.advance(20 * 60_000);
    }
    expect(calls).toBe(3);
    const dead = listDeadJobs(core);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.lastError).toBe('upstream 503');
    expect(t.eventNames()).toContain('job.dead');
    expect(retryDeadJob(core, dead[0]!.id)).toBe(true);
    runner.register('flaky', () => {});
    expect(await runner.runDue()).toBe(1);
    expect(listDeadJobs(core)).toHaveLength(0);
  });

  test('JobFailed dead-letters at once; JobRetry uses its delay', async () => {
    const core = t.app.core;
    runner.register('bad', () => {
      throw new JobFailed('invalid parameter');
    });
    runner.register('slow', () => {
      throw new JobRetry('rate limited', 30_000);
    });
    enqueueJob(core, 'bad', {});
    enqueueJob(core, 'slow', {});
    await runner.runDue();
    expect(listDeadJobs(core).map((j) => j.type)).toEqual(['bad']);
    t.clock.advance(29_000);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(1_000);
    expect(await runner.runDue()).toBe(1);
  });

  test('a job left running by a dead process is recovered and retried', () => {
    const core = t.app.core;
    enqueueJob(core, 'x', {});
    const claimed = claimNextJob(core, 'dead-process');
    expect(claimed).not.toBeNull();
    expect(claimNextJob(core, 'w2')).toBeNull();
    expect(recoverStaleJobs(core, 0)).toBe(1);
    expect(claimNextJob(core, 'w2')?.id).toBe(claimed!.id);
  });

  test('backoff grows exponentially and is capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(4, () => 1)).toBe(16000);
    expect(backoffDelay(30, () => 1)).toBe(15 * 60_000);
  });
});

describe('dead-letter admin page', () => {
  test('admins see failed jobs and retrying one is audited', async () => {
    const core = t.app.core;
    runner.register('doomed', () => {
      throw new JobFailed('invalid parameter <script>');
    });
    enqueueJob(core, 'doomed', { note: 'x' });
    await runner.runDue();
    const { client } = await t.signIn('admin');
    const page = await (await client.get('/admin/jobs')).text();
    expect(page).toContain('invalid parameter &lt;script&gt;');
    const id = listDeadJobs(core)[0]!.id;
    expect((await client.form(`/admin/jobs/${id}/retry`, {})).status).toBe(303);
    expect(listDeadJobs(core)).toHaveLength(0);
    const audit = core.db.$client.query("SELECT target_id FROM audit_log WHERE action = 'job.retry'").all() as { target_id: string }[];
    expect(audit.map((a) => a.target_id)).toEqual([id]);
  });
});

describe('job runner loop', () => {
  test('one poke for several queued jobs: one starts at once, idle workers pick up the others at their next poll', async () => {
    const core = t.app.core;
    const runner = new JobRunner(core, 4, 1000);
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    runner.register('hold', async (_job, payload: { n: string }) => { started.push(payload.n); await gate; });
    runner.start();
    await Bun.sleep(20); // every worker is asleep
    for (const n of ['a', 'b', 'c']) enqueueJob(core, 'hold', { n });
    runner.poke();
    await Bun.sleep(5);
    expect(started).toHaveLength(1); // the poke woke one worker, not all of them
    for (let i = 0; i < 300 && started.length < 3; i++) await Bun.sleep(10);
    expect(started.sort()).toEqual(['a', 'b', 'c']); // the others joined at their poll, side by side
    release();
    await runner.stop();
  });

  test('idle sleeps do not pile up, pokes wake workers, and a database error does not kill a worker', async () => {
    const core = t.app.core;
    const runner = new JobRunner(core, 2, 50);
    const seen: string[] = [];
    runner.register('echo', (_job, payload: { n: string }) => void seen.push(payload.n));
    runner.start();
    for (let i = 0; i < 20; i++) {
      runner.poke();
      await Bun.sleep(1);
    }
    expect((runner as unknown as { waiters: Set<unknown> }).waiters.size).toBeLessThanOrEqual(2);
    const original = core.db.$client.query.bind(core.db.$client);
    let broken = 3;
    (core.db.$client as any).query = (sql: string) => {
      if (broken > 0 && sql.includes("UPDATE jobs SET status = 'running'")) {
        broken--;
        throw new Error('SQLITE_BUSY: database is locked');
      }
      return original(sql);
    };
    enqueueJob(core, 'echo', { n: 'after-error' });
    runner.poke();
    const deadline = Date.now() + 5000;
    while (!seen.includes('after-error') && Date.now() < deadline) await Bun.sleep(20);
    (core.db.$client as any).query = original;
    expect(seen).toEqual(['after-error']);
    expect(broken).toBe(0);
    expect(runner.health()).toBeNull();
    await runner.stop();
  });
});
