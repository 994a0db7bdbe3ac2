/**
 * Channels: one business number each. Non-secret settings are plain JSON; secrets (access token,
 * app secret, verify token) are sealed with the data key and only ever shown masked.
 */
import { emitEvent } from './event-log';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { channels } from '../db/schema';
import { transaction } from '../db/client';
import type { ChannelStatus } from '../db/schema/enums';
import { decryptSecret, encryptSecret, maskSecret } from '../lib/crypto';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, Channel } from './types';

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v23.0';

export const whatsappChannelSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for this number').max(80),
  phoneNumberId: z.string().trim().regex(/^\d{5,30}$/, 'The phone number ID is the long number shown in Meta\'s WhatsApp > API setup'),
  wabaId: z.string().trim().regex(/^\d{5,30}$/, 'The WhatsApp Business Account ID is a long number'),
  accessToken: z.string().trim().min(10, 'Paste the access token (a permanent system-user token)'),
  appSecret: z.string().trim().min(8, 'Paste the app secret from Meta > App settings > Basic'),
  verifyToken: z.string().trim().min(8, 'Choose a verify token of at least 8 characters').max(200),
  graphUrl: z.string().trim().url('Enter a full URL such as https://graph.facebook.com').default(DEFAULT_GRAPH_URL),
  graphVersion: z.string().trim().regex(/^v?\d+\.\d+$/, 'A version such as v23.0').default(DEFAULT_GRAPH_VERSION),
  displayPhone: z.string().trim().max(40).optional(),
  rateLimitPerSecond: z.coerce.number().int().min(1).max(1000).default(80),
});
export type WhatsAppChannelInput = z.input<typeof whatsappChannelSchema>;

/** Non-secret settings of a WhatsApp channel. */
export interface WhatsAppConfig {
  phoneNumberId: string;
  wabaId: string;
  graphUrl: string;
  graphVersion: string;
  displayPhone?: string;
  rateLimitPerSecond: number;
}

/** Secrets of a WhatsApp channel (decrypted). */
export interface WhatsAppSecrets {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

type ChannelData = z.output<typeof whatsappChannelSchema>;

function configOf(data: ChannelData): Record<string, unknown> {
  const config: WhatsAppConfig = {
    phoneNumberId: data.phoneNumberId, wabaId: data.wabaId, graphUrl: data.graphUrl.replace(/\/+$/, ''),
    graphVersion: data.graphVersion.startsWith('v') ? data.graphVersion : `v${data.graphVersion}`,
    displayPhone: data.displayPhone, rateLimitPerSecond: data.rateLimitPerSecond,
  };
  return config as unknown as Record<string, unknown>;
}

function sealSecrets(core: Core, data: ChannelData): string {
  const secrets: WhatsAppSecrets = { accessToken: data.accessToken, appSecret: data.appSecret, verifyToken: data.verifyToken };
  return encryptSecret(core.config.secretKey, JSON.stringify(secrets));
}

/** Creates a WhatsApp channel; the phone number id must be unique. */
export function createWhatsAppChannel(core: Core, input: WhatsAppChannelInput, actor: Actor | null): Channel {
  const data = whatsappChannelSchema.parse(input);
  const now = core.clock.now();
  const channel: Channel = {
    id: newId(), type: 'whatsapp', name: data.name, status: 'active', statusReason: null, externalId: data.phoneNumberId,
    config: configOf(data), secrets: sealSecrets(core, data), createdAt: now, updatedAt: now,
  };
  transaction(core.db, () => {
    if (findChannelByExternalId(core, 'whatsapp', data.phoneNumberId)) {
      throw fail.conflict('A channel with this phone number ID already exists', { field: 'phoneNumberId' });
    }
    core.db.insert(channels).values(channel).run();
    recordAudit(core, actor, 'channel.create', { type: 'channel', id: channel.id }, { name: data.name, phoneNumberId: data.phoneNumberId });
  });
  return channel;
}

/**
 * Updates a WhatsApp channel. Secret fields left empty keep their current value, so admins never
 * need to see a secret again to change something else.
 */
export function updateWhatsAppChannel(core: Core, id: string, input: Partial<WhatsAppChannelInput>, actor: Actor | null): Channel {
  const channel = getChannelOrThrow(core, id);
  const current = { ...whatsappConfig(channel), ...channelSecrets(core, channel), name: channel.name };
  const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ''));
  const data = whatsappChannelSchema.parse({ ...current, ...cleaned });
  if (data.phoneNumberId !== channel.externalId) {
    const other = findChannelByExternalId(core, 'whatsapp', data.phoneNumberId);
    if (other && other.id !== id) throw fail.conflict('Another channel uses this phone number ID', { field: 'phoneNumberId' });
  }
  const secretsChanged = Object.keys(cleaned).filter((k) => ['accessToken', 'appSecret', 'verifyToken'].includes(k));
  core.db.update(channels).set({
    name: data.name, externalId: data.phoneNumberId, config: { ...channel.config, ...configOf(data) },
    secrets: sealSecrets(core, data), updatedAt: core.clock.now(),
    ...(secretsChanged.includes('accessToken') && channel.status === 'needs_reauth' ? { status: 'active' as const, statusReason: null } : {}),
  }).where(eq(channels.id, id)).run();
  recordAudit(core, actor, 'channel.update', { type: 'channel', id }, {
    fields: Object.keys(cleaned).filter((k) => !secretsChanged.includes(k)), secretsChanged,
  });
  const updated = getChannelOrThrow(core, id);
  if (updated.status !== channel.status) emitEvent(core, 'channel.status', { channelId: id, status: updated.status, reason: updated.statusReason });
  return updated;
}

/** Sets the channel's status (active, disabled, needs_reauth, paused) with a reason people can act on. */
export function setChannelStatus(core: Core, id: string, status: ChannelStatus, reason: string | null, actor: Actor | null): void {
  const channel = getChannelOrThrow(core, id);
  if (channel.status === status && channel.statusReason === reason) return;
  core.db.update(channels).set({ status, statusReason: reason, updatedAt: core.clock.now() }).where(eq(channels.id, id)).run();
  recordAudit(core, actor, 'channel.status', { type: 'channel', id }, { from: channel.status, to: status, reason });
  emitEvent(core, 'channel.status', { channelId: id, status, reason });
}

/** Every channel, by name. */
export function listChannels(core: Core): Channel[] {
  return core.db.select().from(channels).orderBy(asc(channels.name)).all();
}

/** A channel by id, or throws `not_found`. */
export function getChannelOrThrow(core: Core, id: string): Channel {
  const row = core.db.select().from(channels).where(eq(channels.id, id)).get();
  if (!row) throw fail.notFound('Channel');
  return row;
}

/** The channel behind a provider key (WhatsApp phone_number_id). */
export function findChannelByExternalId(core: Core, type: string, externalId: string): Channel | undefined {
  return core.db.select().from(channels).where(eq(channels.externalId, externalId)).all().find((c) => c.type === type);
}

/** The channel's non-secret WhatsApp settings. */
export function whatsappConfig(channel: Channel): WhatsAppConfig {
  return channel.config as unknown as WhatsAppConfig;
}

/** Decrypts the channel's secrets (never log or render the result). */
export function channelSecrets(core: Core, channel: Channel): WhatsAppSecrets {
  try {
    return JSON.parse(decryptSecret(core.config.secretKey, channel.secrets)) as WhatsAppSecrets;
  } catch {
    throw new Error(`Channel "${channel.name}": its secrets were sealed with a different key. Restore data/secret.key (or set TURNO_SECRET_KEY to the original key), or enter the secrets again in Admin → Channels.`);
  }
}

/** The channel as safe to show or return from the API: secrets masked. */
export function publicChannel(core: Core, channel: Channel) {
  const secrets = channelSecrets(core, channel);
  return {
    id: channel.id, type: channel.type, name: channel.name, status: channel.status, statusReason: channel.statusReason,
    config: channel.config, secrets: { accessToken: maskSecret(secrets.accessToken), appSecret: maskSecret(secrets.appSecret), verifyToken: maskSecret(secrets.verifyToken) },
    createdAt: channel.createdAt, updatedAt: channel.updatedAt,
  };
}
