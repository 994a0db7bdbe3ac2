/** The WhatsApp Cloud API implementation of the channel adapter contract. */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { channelSecrets, whatsappConfig } from '../../core/channels';
import type { Core } from '../../core/context';
import { mediaFilePath } from '../../core/media-store';
import type { Attachment, Channel, Message } from '../../core/types';
import { attachments } from '../../db/schema';
import { ProviderError, type ChannelAdapter } from '../adapter';
import { describeErrorCode } from './errors';
import { createGraphClient, type GraphClient } from './graph-client';
import { GraphApiError } from './graph-error';
import { messageBody } from './message-body';
import { OutboundValidationError, buildReaction } from './outbound';
import { syncTemplates } from './templates';

/** Largest media accepted per kind (Cloud API limits). */
const MAX_MEDIA_BYTES: Record<string, number> = {
  image: 5 * 1024 * 1024, sticker: 500 * 1024, audio: 16 * 1024 * 1024, video: 16 * 1024 * 1024, document: 100 * 1024 * 1024,
};

/** A Graph client for a channel (secrets decrypted on demand, never cached in logs). */
export function graphClientFor(core: Core, channel: Channel, timeoutMs = core.config.graphTimeoutMs): GraphClient {
  const config = whatsappConfig(channel);
  const secrets = channelSecrets(core, channel);
  return createGraphClient({
    graphUrl: config.graphUrl, version: config.graphVersion, phoneNumberId: config.phoneNumberId, wabaId: config.wabaId,
    accessToken: secrets.accessToken, timeoutMs,
  });
}

/** Maps any failure of a Graph call to the queue's ProviderError. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof OutboundValidationError) return new ProviderError(error.message, 'fail', { code: 100, explanation: error.message });
  if (error instanceof GraphApiError) {
    const explanation = error.code ? `${describeErrorCode(error.code, 'en')} (error ${error.code}: ${error.details})` : error.details;
    // A connection that never opened certainly sent nothing: retried on the normal backoff, no reconcile wait.
    return new ProviderError(error.message, error.action, {
      code: error.code || undefined,
      explanation,
      minDelayMs: error.code === 130429 ? 2_000 : error.code === 131056 ? 6_000 : undefined,
      ambiguous: error.kind === 'timeout' || error.kind === 'network',
    });
  }
  return new ProviderError(error instanceof Error ? error.message : String(error), 'retry', { ambiguous: true });
}

async function uploadAttachment(core: Core, client: GraphClient, file: Attachment): Promise<string> {
  if (file.externalMediaId) return file.externalMediaId;
  const path = mediaFilePath(core.config.dataDir, file.storageKey);
  if (!path) throw new ProviderError('attachment file is missing', 'fail', { explanation: 'The attached file is missing from storage; attach it again' });
  const id = await client.uploadMedia(readFileSync(path), file.mimeType, file.filename ?? 'file');
  core.db.update(attachments).set({ externalMediaId: id }).where(eq(attachments.id, file.id)).run();
  return id;
}

/** Uploads a template's header file (given as an attachment id) and returns the message with its media id. */
async function withTemplateHeaderMedia(core: Core, client: GraphClient, message: Message): Promise<Message> {
  const template = (message.payload as { template?: { header?: { attachmentId?: string } } } | null)?.template;
  const attachmentId = template?.header?.attachmentId;
  if (!attachmentId) return message;
  const file = core.db.select().from(attachments).where(eq(attachments.id, attachmentId)).get();
  if (!file) throw new ProviderError('template header file missing', 'fail', { explanation: 'The template header file was removed; choose it again' });
  const mediaId = await uploadAttachment(core, client, file);
  return { ...message, payload: { ...message.payload, template: { ...template, header: { ...template.header, mediaId } } } };
}

export const whatsappAdapter: ChannelAdapter = {
  type: 'whatsapp',

  async send(core, message, ctx) {
    try {
      const client = graphClientFor(core, ctx.channel);
      const mediaIds = new Map<string, string>();
      for (const file of ctx.attachments.slice(0, 1)) mediaIds.set(file.id, await uploadAttachment(core, client, file));
      const withHeader = await withTemplateHeaderMedia(core, client, message);
      const body = messageBody(withHeader, ctx.recipient, ctx.attachments, mediaIds, ctx.replyToExternalId);
      const result = await client.sendMessage(body);
      return { externalId: result.wamid, raw: JSON.stringify(body) };
    } catch (error) {
      throw toProviderError(error);
    }
  },

  async markRead(core, channel, inboundExternalId) {
    try {
      await graphClientFor(core, channel).markRead(inboundExternalId);
    } catch (error) {
      throw toProviderError(error);
    }
  },

  async react(core, channel, recipient, targetExternalId, emoji) {
    try {
      await graphClientFor(core, channel).sendMessage(buildReaction(recipient, targetExternalId, emoji));
    } catch (error) {
      throw toProviderError(error);
    }
  },

  async downloadMedia(core, channel, attachment) {
    if (!attachment.externalMediaId) throw new ProviderError('no media id', 'fail', { explanation: 'The message carried no media id' });
    try {
      const client = graphClientFor(core, channel, core.config.graphTimeoutMs * 3);
      const info = await client.getMediaInfo(attachment.externalMediaId);
      const maxBytes = MAX_MEDIA_BYTES[attachment.kind] ?? MAX_MEDIA_BYTES.document!;
      if (info.file_size > maxBytes) throw new ProviderError('media too large', 'fail', { explanation: `The file is ${info.file_size} bytes; the limit for ${attachment.kind} is ${maxBytes}` });
      const media = await client.downloadMedia(info.url, { maxBytes, expectedSha256: attachment.sha256 ?? info.sha256 });
      return { bytes: media.bytes, mimeType: media.mimeType || info.mime_type };
    } catch (error) {
      if (error instanceof GraphApiError && (error.kind === 'integrity' || error.kind === 'media_expired')) {
        throw new ProviderError(error.message, 'retry', { explanation: error.kind === 'integrity' ? 'Downloaded file did not match its sha256; retrying' : 'Download URL expired; fetching a fresh one' });
      }
      throw toProviderError(error);
    }
  },

  async testConnection(core, channel) {
    try {
      const info = await graphClientFor(core, channel, 10_000).getPhoneNumber();
      const name = String(info.verified_name ?? '');
      const phone = String(info.display_phone_number ?? '');
      return [name, phone, info.quality_rating ? `quality ${info.quality_rating}` : ''].filter(Boolean).join(' · ') || 'Connected';
    } catch (error) {
      throw toProviderError(error);
    }
  },

  async syncTemplates(core, channel) {
    try {
      return await syncTemplates(core, channel, graphClientFor(core, channel, 30_000));
    } catch (error) {
      throw toProviderError(error);
    }
  },
};
