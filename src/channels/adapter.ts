/**
 * The channel adapter contract. Core never imports a provider: the job handlers look up the
 * adapter of a channel's type and call these methods. A new channel (web chat, Messenger,
 * Instagram) implements this interface and registers itself; nothing else changes.
 *
 * Every method throws `ProviderError` for failures the queue must understand.
 */
import type { Core } from '../core/context';
import type { Attachment, Channel, Contact, Message } from '../core/types';

/** What to do after a failed provider call. */
export type ProviderAction = 'retry' | 'fail' | 'reauthorize' | 'pause';

/** A provider failure, already classified. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly action: ProviderAction,
    readonly opts: {
      code?: number;
      /** Human explanation an agent can act on. */
      explanation?: string;
      /** Minimum wait before retrying (rate limits). */
      minDelayMs?: number;
      /** True when the request may have reached the provider (time-out, reset): the outcome is unknown. */
      ambiguous?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface OutboundContext {
  channel: Channel;
  contact: Contact;
  /** The customer's id on this channel (e.g. wa_id). */
  recipient: string;
  attachments: Attachment[];
  /** Provider id of the quoted message, if any. */
  replyToExternalId: string | null;
}

export interface ChannelAdapter {
  readonly type: string;
  /** Sends a stored outbound message; returns the provider's id for it and what was sent. */
  send(core: Core, message: Message, ctx: OutboundContext): Promise<{ externalId: string; raw: string }>;
  /** Tells the provider the business has read up to this inbound message. */
  markRead(core: Core, channel: Channel, inboundExternalId: string): Promise<void>;
  /** Sends (or with '' removes) an agent's reaction to a message. */
  react(core: Core, channel: Channel, recipient: string, targetExternalId: string, emoji: string): Promise<void>;
  /** Downloads an inbound attachment's bytes (verifying integrity where the provider allows). */
  downloadMedia(core: Core, channel: Channel, attachment: Attachment): Promise<{ bytes: Uint8Array; mimeType: string }>;
  /** Checks credentials and returns a short human description of the account. */
  testConnection(core: Core, channel: Channel): Promise<string>;
  /** Refreshes the channel's message templates; returns how many were stored. */
  syncTemplates?(core: Core, channel: Channel): Promise<number>;
}

const adapters = new Map<string, ChannelAdapter>();

/** Registers the adapter of a channel type. */
export function registerAdapter(adapter: ChannelAdapter): void {
  adapters.set(adapter.type, adapter);
}

/** The adapter of a channel type, or throws. */
export function adapterFor(type: string): ChannelAdapter {
  const adapter = adapters.get(type);
  if (!adapter) throw new Error(`no adapter for channel type ${type}`);
  return adapter;
}
