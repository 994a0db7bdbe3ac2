/**
 * `maintenance.prune`: a daily durable job that deletes what has served its purpose — processed
 * webhook bodies, finished jobs, outbound webhook delivery attempts, statuses that never found their message — so the database does
 * not grow without bound. Failed, unroutable and partly applied webhooks and dead jobs are kept for admins.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { enqueueJob } from '../../core/jobs';
import { changesOf } from '../../db/client';
import { jobs, pendingStatuses, webhookEvents } from '../../db/schema';
import type { JobRunner } from '../runner';
import { pruneEventLog } from '../../core/event-cursors';
import { pruneDeliveries } from '../../core/webhooks/deliveries';

const DAY = 24 * 3600_000;
/** How long each kind of row is kept. */
export const RETENTION_MS = { processedWebhooks: 30 * DAY, finishedJobs: 7 * DAY, parkedStatuses: 7 * DAY, eventLog: 7 * DAY, webhookDeliveries: 30 * DAY };

/**
 * Deletes expired rows; returns how many of each kind. Logged events go once every running durable
 * consumer (`consumers`) has passed them, and after a week in any case (a consumer disabled longer
 * resumes with what is left).
 */
export function pruneOnce(core: Core, consumers: string[] = []): Record<keyof typeof RETENTION_MS, number> {
  const now = core.clock.now();
  return {
    processedWebhooks: changesOf(core.db.delete(webhookEvents)
      .where(and(eq(webhookEvents.status, 'processed'), lt(webhookEvents.receivedAt, now - RETENTION_MS.processedWebhooks))).run()),
    finishedJobs: changesOf(core.db.delete(jobs)
      .where(and(eq(jobs.status, 'done'), lt(jobs.updatedAt, now - RETENTION_MS.finishedJobs))).run()),
    parkedStatuses: changesOf(core.db.delete(pendingStatuses).where(lt(pendingStatuses.createdAt, now - RETENTION_MS.parkedStatuses)).run()),
    eventLog: pruneEventLog(core, consumers, RETENTION_MS.eventLog),
    webhookDeliveries: pruneDeliveries(core, RETENTION_MS.webhookDeliveries),
  };
}

/** Schedules the next daily run (idempotent per day). */
export function schedulePrune(core: Core, runAt = core.clock.now() + DAY): void {
  enqueueJob(core, 'maintenance.prune', {}, { runAt, uniqueKey: `prune:${Math.floor(runAt / DAY)}` });
}

/** Registers the job and makes sure a run is scheduled; `consumerIds` names the running durable consumers. */
export function installMaintenance(core: Core, runner: JobRunner, consumerIds: () => string[]): void {
  runner.register('maintenance.prune', () => {
    try {
      core.log.info('pruned old rows', pruneOnce(core, consumerIds()));
    } finally {
      schedulePrune(core);
    }
  });
  schedulePrune(core, core.clock.now() + 3600_000);
}
