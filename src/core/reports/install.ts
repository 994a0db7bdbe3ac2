/**
 * Background refresh of the report rollups: a large backlog (an upgraded install with every
 * conversation marked, a bulk import) is worked off in slices by the `reports.refresh` job, so a
 * report never has to recompute thousands of conversations inline.
 */
import type { Core } from '../context';
import { enqueueJob, type JobRegistry } from '../jobs';
import { hasDirtyRollups, refreshReportRollups } from './rollups';

export const REPORTS_REFRESH_JOB = 'reports.refresh';
/** Conversations per job run (a few seconds of work at most). */
const SLICE = 2_000;

/** Queues a refresh run (`key` keeps one queued run per reason; running twice is harmless). */
function schedule(core: Core, key: string): void {
  enqueueJob(core, REPORTS_REFRESH_JOB, {}, { uniqueKey: `${REPORTS_REFRESH_JOB}:${key}` });
}

/** Registers the refresh job and queues it when a backlog is waiting at start-up. */
export function installReports(core: Core, jobs: JobRegistry): void {
  jobs.register(REPORTS_REFRESH_JOB, () => {
    // The running job still holds its own key: the next slice gets a new one.
    if (refreshReportRollups(core, SLICE) === SLICE) schedule(core, String(core.clock.now()));
  });
  if (hasDirtyRollups(core)) schedule(core, 'start');
}
