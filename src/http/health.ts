/** `/healthz` (the process answers) and `/readyz` (database reachable, migrations applied, data dir and database writable by real writes). */
import { Elysia } from 'elysia';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrator';
import { databaseWriteProbe, writeProbe } from '../db/storage-health';
import type { HttpDeps } from './deps';

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
  const dbProbe = databaseWriteProbe(deps.core.db);
  if (dbProbe) problems.push(dbProbe);
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
