/**
 * Channel health: problems the provider reports for a whole channel rather than one message
 * (WhatsApp's `value.errors`, e.g. 131000 with an unsupported webhook payload). The latest ones
 * are kept on the channel (`config.systemErrors`, newest first, at most SYSTEM_ERRORS_KEPT) for
 * the admin's channel page, which explains each code in the reader's language.
 */
import { eq } from 'drizzle-orm';
import { channels } from '../db/schema';
import type { Core } from './context';
import type { Channel } from './types';

/** How many reported problems a channel keeps. */
export const SYSTEM_ERRORS_KEPT = 10;

export interface ChannelSystemError {
  code: number;
  /** The provider's title and details, as sent. */
  title: string;
  details: string;
  /** Where the provider documents it, when given. */
  href?: string;
  /** When it was reported (ms). */
  at: number;
}

/** The problems the provider reported for the channel, newest first. */
export function channelSystemErrors(channel: Pick<Channel, 'config'>): ChannelSystemError[] {
  const list = (channel.config as { systemErrors?: unknown }).systemErrors;
  return Array.isArray(list) ? (list as ChannelSystemError[]) : [];
}

/** Keeps newly reported channel-wide problems (newest first, bounded) and logs them. */
export function recordChannelErrors(core: Core, channel: Channel, errors: Omit<ChannelSystemError, 'at'>[], at: number): void {
  if (errors.length === 0) return;
  const fresh = core.db.select({ config: channels.config }).from(channels).where(eq(channels.id, channel.id)).get();
  if (!fresh) return;
  const reported = errors.map((e) => ({ ...e, at }));
  const systemErrors = [...reported.reverse(), ...channelSystemErrors(fresh)].slice(0, SYSTEM_ERRORS_KEPT);
  core.db.update(channels).set({ config: { ...fresh.config, systemErrors } }).where(eq(channels.id, channel.id)).run();
  for (const e of errors) core.log.warn('channel reported a problem', { channelId: channel.id, code: e.code, title: e.title, details: e.details });
}
