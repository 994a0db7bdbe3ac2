/** `/healthz` (the process answers) and `/readyz` (database reachable, migrations applied, data dir writable by a real write). */
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Elysia } from 'elysia';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrator';
import type { HttpDeps } from './deps';

/**
 * Writes, syncs and removes a small file in the data dir: catches a read-only mount, a full disk
 * and permissions that `access(W_OK)` reports as fine (it always does for root). Returns the
 * problem, or null when the write worked.
 */
export function writeProbe(dataDir: string): string | null {
  const file = join(dataDir, '.turno-write-probe');
  try {
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, `ready ${Date.now()}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(file);
    return null;
  } catch (error) {
    return `data dir is not writable (${dataDir}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

/** Runs the readiness checks and returns the failures (empty when ready). */
export function readinessProblems(deps: HttpDeps): string[] {
  const problems: string[] = [];
  try {
    const applied = appliedMigrationCount(deps.core.db);
    const expected = expectedMigrationCount(deps.core.config.migrationsDir);
    if (applied < expected) problems.push(`migrations pending: ${applied}/${expected} applied`);
  } catch (error) {
    problems.push(`database unreachable: ${(error as Error).message}`);
  }
  const probe = writeProbe(deps.core.config.dataDir);
  if (probe) problems.push(probe);
  const workers = deps.jobs.health();
  if (workers) problems.push(workers);
  for (const check of deps.readinessChecks) {
    const problem = check();
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Health endpoints for orchestrators and the Docker HEALTHCHECK. */
export function healthRoutes(deps: HttpDeps) {
  return new Elysia({ name: 'health' })
    .get('/healthz', () => ({ status: 'ok' }))
    .get('/readyz', ({ set }) => {
      const problems = readinessProblems(deps);
      if (problems.length > 0) set.status = 503;
      return { status: problems.length ? 'not_ready' : 'ready', problems };
    });
}
