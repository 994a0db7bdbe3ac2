/** `channel.templates_sync`: refreshes a channel's templates now and reschedules itself every 6 hours. */
import { ProviderError, adapterFor } from '../../channels/adapter';
import { getChannelOrThrow } from '../../core/channels';
import type { Core } from '../../core/context';
import { enqueueJob } from '../../core/jobs';
import { JobFailed, JobRetry } from '../runner';

export const TEMPLATE_SYNC_INTERVAL_MS = 6 * 3600_000;

/**
 * Schedules a sync of a channel's templates at `runAt` (now by default). Idempotent per time
 * slot: asking twice for the same slot (double click, restart) queues one job.
 */
export function scheduleTemplateSync(core: Core, channelId: string, runAt = core.clock.now()): void {
  const slot = Math.floor(runAt / TEMPLATE_SYNC_INTERVAL_MS);
  enqueueJob(core, 'channel.templates_sync', { channelId }, { runAt, uniqueKey: `templates:${channelId}:${runAt <= core.clock.now() ? 'now' : slot}` });
}

/** Handler bound to `core`. */
export function templatesSyncHandler(core: Core) {
  return async (_job: unknown, payload: { channelId: string }) => {
    const channel = getChannelOrThrow(core, payload.channelId);
    const adapter = adapterFor(channel.type);
    if (!adapter.syncTemplates || channel.status === 'disabled') return;
    try {
      const count = await adapter.syncTemplates(core, channel);
      core.log.info('templates synced', { channelId: channel.id, count });
    } catch (error) {
      const e = error instanceof ProviderError ? error : new ProviderError(String(error), 'retry');
      if (e.action === 'retry') throw new JobRetry(e.message, e.opts.minDelayMs);
      throw new JobFailed(e.opts.explanation ?? e.message);
    } finally {
      scheduleTemplateSync(core, channel.id, core.clock.now() + TEMPLATE_SYNC_INTERVAL_MS);
    }
  };
}
