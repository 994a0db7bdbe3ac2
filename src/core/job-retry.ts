/**
 * The admin "retry" of a dead-lettered job. Most jobs simply go back to the queue; a dead
 * `message.send` is retried through its message (which was marked failed when the job died), so
 * the message, its status and its job stay consistent.
 */
import { eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { jobs } from '../db/schema';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import { retryDeadJob } from './jobs';
import { retryFailedMessage } from './message-actions';
import type { Actor } from './types';

/** Retries a dead job as an admin action (audited). Throws `not_found` when it is not dead. */
export function retryDeadJobAsAdmin(core: Core, jobId: string, actor: Actor): void {
  transaction(core.db, () => {
    const job = core.db.select().from(jobs).where(eq(jobs.id, jobId)).get();
    if (!job || job.status !== 'dead') throw fail.notFound('Failed job');
    const messageId = (job.payload as { messageId?: string }).messageId;
    if (job.type === 'message.send' && messageId) {
      retryFailedMessage(core, messageId, actor);
      core.db.update(jobs).set({ status: 'done', finishedAt: core.clock.now(), lastError: `${job.lastError ?? ''} (retried as a new send)` }).where(eq(jobs.id, jobId)).run();
    } else {
      retryDeadJob(core, jobId);
    }
    recordAudit(core, actor, 'job.retry', { type: 'job', id: jobId }, { jobType: job.type });
  });
}
