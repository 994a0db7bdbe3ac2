/**
 * `media.download`: fetches an inbound attachment right away (provider URLs expire within
 * minutes), checks its integrity, stores it content-addressed and announces it so open threads
 * show it without a refresh. Failures retry with backoff; a final failure is shown on the bubble.
 */
import { emitEvent } from '../../core/event-log';
import { eq } from 'drizzle-orm';
import { ProviderError, adapterFor } from '../../channels/adapter';
import type { Core } from '../../core/context';
import { storeMediaBytes } from '../../core/media-store';
import { transaction } from '../../db/client';
import { attachments, channels, conversations, messages } from '../../db/schema';
import type { Job } from '../../core/types';
import { JobFailed, JobRetry } from '../runner';

/** Builds the handler bound to `core`. */
export function mediaDownloadHandler(core: Core) {
  return async (job: Job, payload: { attachmentId: string }) => {
    const file = core.db.select().from(attachments).where(eq(attachments.id, payload.attachmentId)).get();
    if (!file || file.status === 'stored' || !file.messageId) return;
    const message = core.db.select().from(messages).where(eq(messages.id, file.messageId)).get()!;
    const channel = core.db.select().from(channels).where(eq(channels.id, message.channelId)).get()!;
    let media: { bytes: Uint8Array; mimeType: string };
    try {
      media = await adapterFor(channel.type).downloadMedia(core, channel, file);
    } catch (error) {
      const e = error instanceof ProviderError ? error : new ProviderError(String(error), 'retry');
      core.db.update(attachments).set({ error: e.opts.explanation ?? e.message }).where(eq(attachments.id, file.id)).run();
      if (e.action === 'fail' || job.attempts >= job.maxAttempts) {
        core.db.update(attachments).set({ status: 'failed' }).where(eq(attachments.id, file.id)).run();
        announce(core, message.id);
        throw new JobFailed(e.message);
      }
      throw new JobRetry(e.message, e.opts.minDelayMs);
    }
    const { sha256, storageKey } = storeMediaBytes(core.config.dataDir, media.bytes);
    transaction(core.db, () => {
      core.db.update(attachments).set({
        status: 'stored', error: null, sha256, storageKey, size: media.bytes.byteLength, mimeType: media.mimeType || file.mimeType,
      }).where(eq(attachments.id, file.id)).run();
      announce(core, message.id);
    });
  };
}

function announce(core: Core, messageId: string): void {
  const message = core.db.select().from(messages).where(eq(messages.id, messageId)).get();
  const conversation = message && core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
  if (message && conversation) emitEvent(core, 'message.updated', { message, conversation, change: 'attachment' });
}
