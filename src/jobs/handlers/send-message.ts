/**
 * `message.send`: delivers a queued outbound message through its channel's adapter.
 *
 * Exactly-once as far as the provider allows: the message row records `send_attempted_at` before
 * the provider call. A retry that finds it set (the previous attempt crashed or timed out, so the
 * provider may have sent the message) first waits up to RECONCILE_MS for a status webhook that
 * carries our message id (WhatsApp echoes `biz_opaque_callback_data`) and adopts that provider id
 * instead of sending again. Only when no such status arrives is the message sent again: the one
 * case in which the customer can receive a duplicate. See docs/whatsapp.md.
 */
import { eq } from 'drizzle-orm';
import { ProviderError, adapterFor } from '../../channels/adapter';
import { setChannelStatus } from '../../core/channels';
import type { Core } from '../../core/context';
import { backoffDelay } from '../../core/jobs';
import { markMessageFailed, recordProviderId, recordSendRetry } from '../../core/delivery';
import { windowRemainingMs } from '../../core/conversations';
import { attachmentsOf, getMessageOrThrow } from '../../core/messages';
import type { Job } from '../../core/types';
import { channels, contacts, conversations, messages } from '../../db/schema';
import { recipientIdentity } from '../../core/contacts';
import { TokenBucket } from '../../lib/rate-limiter';
import { JobFailed, JobRetry } from '../runner';

/** Default of how long a possibly-sent message waits for a reconciling status before being sent again (TURNO_SEND_RECONCILE_MS). */
export const RECONCILE_MS = 2 * 60_000;
/** Retry interval while a channel is paused or needs re-authorisation. */
export const PAUSED_RETRY_MS = 60_000;

const buckets = new Map<string, { rate: number; bucket: TokenBucket }>();

function pace(core: Core, channelId: string, ratePerSecond: number): number {
  let entry = buckets.get(channelId);
  if (!entry || entry.rate !== ratePerSecond) {
    entry = { rate: ratePerSecond, bucket: new TokenBucket(ratePerSecond, Math.max(1, ratePerSecond), () => core.clock.now()) };
    buckets.set(channelId, entry);
  }
  return entry.bucket.take();
}

/** Builds the handler bound to `core`. */
export function sendMessageHandler(core: Core) {
  return async (job: Job, payload: { messageId: string }) => {
    const message = getMessageOrThrow(core, payload.messageId);
    if (message.externalId || message.status === 'failed' || message.isPrivate || message.direction !== 'outbound') return;
    const conversation = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get()!;
    if (message.type !== 'template' && message.sendAttemptedAt === null && windowRemainingMs(core, conversation) === 0) {
      markMessageFailed(core, message.id, 131047, 'The 24-hour window closed before this message could be sent: send an approved template instead');
      return;
    }
    const channel = core.db.select().from(channels).where(eq(channels.id, message.channelId)).get()!;
    if (channel.status === 'disabled') {
      markMessageFailed(core, message.id, null, 'The channel is disabled; enable it and retry');
      return;
    }
    if (channel.status !== 'active') throw new JobRetry(`channel ${channel.status}: ${channel.statusReason ?? ''}`, PAUSED_RETRY_MS, { free: true });
    if (message.sendAttemptedAt !== null) {
      const waited = core.clock.now() - message.sendAttemptedAt;
      const window = core.config.sendReconcileMs ?? RECONCILE_MS;
      if (waited < window) throw new JobRetry('previous attempt may have been sent; waiting for a status to reconcile', window - waited, { free: true });
    }
    const rate = (channel.config as { rateLimitPerSecond?: number }).rateLimitPerSecond ?? 80;
    // Take a token again after every wait: the wait is not a reservation, and several workers
    // woken together must not all send (bench/outbound: 80/s configured, ~140/s sent).
    for (let wait = pace(core, channel.id, rate); wait > 0; wait = pace(core, channel.id, rate)) {
      if (wait > 1000) throw new JobRetry('rate limit', wait, { free: true });
      await Bun.sleep(wait);
    }
    const identity = recipientIdentity(core, conversation.contactId, channel.id);
    if (!identity) throw new JobFailed('the contact has no identity on this channel');
    const contact = core.db.select().from(contacts).where(eq(contacts.id, conversation.contactId)).get()!;
    core.db.update(messages).set({ sendAttemptedAt: core.clock.now() }).where(eq(messages.id, message.id)).run();
    try {
      const files = attachmentsOf(core, [message.id]);
      const result = await adapterFor(channel.type).send(core, message, {
        channel, contact, recipient: identity.rawId, attachments: files, replyToExternalId: message.replyToExternalId,
      });
      recordProviderId(core, message.id, result.externalId, result.raw);
    } catch (error) {
      handleFailure(core, job, message.id, channel.id, error);
    }
  };
}

function handleFailure(core: Core, job: Job, messageId: string, channelId: string, error: unknown): void {
  const e = error instanceof ProviderError ? error : new ProviderError(String(error), 'retry', { ambiguous: true });
  if (!e.opts.ambiguous) core.db.update(messages).set({ sendAttemptedAt: null }).where(eq(messages.id, messageId)).run();
  const system = { type: 'system' as const, name: 'send-worker' };
  switch (e.action) {
    case 'fail':
      markMessageFailed(core, messageId, e.opts.code ?? null, e.opts.explanation ?? e.message);
      return;
    case 'reauthorize':
      setChannelStatus(core, channelId, 'needs_reauth', e.opts.explanation ?? 'The access token expired or was revoked: paste a new one in Admin → Channels', system);
      throw new JobRetry('channel needs re-authorisation', PAUSED_RETRY_MS, { free: true });
    case 'pause':
      setChannelStatus(core, channelId, 'paused', e.opts.explanation ?? 'Meta paused sending from this number', system);
      throw new JobRetry('channel paused by the provider', PAUSED_RETRY_MS, { free: true });
    default:
      if (job.attempts >= job.maxAttempts) {
        markMessageFailed(core, messageId, e.opts.code ?? null, `Could not be sent after ${job.attempts} attempts: ${e.opts.explanation ?? e.message}`);
        throw new JobFailed(e.opts.explanation ?? e.message);
      }
      // A provider minimum (130429 throughput, 131056 pair limit) is a floor, not a fixed delay: a
      // limit that persists must back off too, or it uses up the attempts in seconds.
      const delay = Math.max(e.opts.minDelayMs ?? 0, backoffDelay(job.attempts));
      const reason = e.opts.explanation ?? e.message;
      recordSendRetry(core, messageId, job.attempts, reason, core.clock.now() + delay);
      throw new JobRetry(reason, delay);
  }
}
