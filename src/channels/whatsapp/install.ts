/**
 * Wires the WhatsApp channel into the app: registers its adapter, the ingest worker over stored
 * webhooks, the job handlers that talk to providers, and what happens when a send is given up.
 */
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { markMessageFailed } from '../../core/delivery';
import { jobs, messages } from '../../db/schema';
import { mediaDownloadHandler } from '../../jobs/handlers/media-download';
import { markReadHandler, reactHandler } from '../../jobs/handlers/conversation-provider';
import { sendMessageHandler } from '../../jobs/handlers/send-message';
import { templatesSyncHandler } from '../../jobs/handlers/templates-sync';
import type { JobRunner } from '../../jobs/runner';
import { registerAdapter } from '../adapter';
import { whatsappAdapter } from './adapter';
import { IngestWorker } from './ingest-worker';
import { installTemplateGuard } from './template-guard';

/** Registers everything WhatsApp needs; returns the ingest worker (started by the app). */
export function installWhatsApp(core: Core, runner: JobRunner): IngestWorker {
  registerAdapter(whatsappAdapter);
  installTemplateGuard(core);
  runner.register('message.send', sendMessageHandler(core));
  runner.register('media.download', mediaDownloadHandler(core));
  runner.register('message.mark_read', markReadHandler(core));
  runner.register('message.react', reactHandler(core));
  runner.register('channel.templates_sync', templatesSyncHandler(core));
  core.bus.on('message.created', ({ message }) => {
    if (message.direction === 'outbound' && !message.isPrivate) runner.poke();
  });
  // Backstop for every way a send job can die (the handler marks the usual ones with the provider's
  // reason): a message whose send was given up never stays "queued".
  core.bus.on('job.dead', ({ jobId, type, error }) => {
    if (type !== 'message.send') return;
    const messageId = (core.db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.id, jobId)).get()?.payload as { messageId?: string } | undefined)?.messageId;
    const message = messageId ? core.db.select({ status: messages.status }).from(messages).where(eq(messages.id, messageId)).get() : undefined;
    if (messageId && message?.status === 'queued') markMessageFailed(core, messageId, null, `Could not be sent: ${error}`);
  });
  return new IngestWorker(core);
}
