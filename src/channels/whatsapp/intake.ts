/**
 * Webhook intake: verify `X-Hub-Signature-256` on the raw bytes against the app secret of the
 * configured WhatsApp channels (constant time), then store the exact body durably. Nothing is
 * parsed here; the ingest worker does that after the 200 has been sent.
 */
import { eq } from 'drizzle-orm';
import { channelSecrets } from '../../core/channels';
import type { Core } from '../../core/context';
import type { Channel } from '../../core/types';
import { channels } from '../../db/schema';
import { verifyHandshake, verifySignature } from './signature';
import type { WebhookWriter } from './webhook-writer';

interface SecretEntry {
  channelId: string;
  appSecret: string;
  verifyToken: string;
}

/** A fingerprint of the WhatsApp channels: changes whenever one is added, edited or re-statused. */
const CHANNELS_STAMP = `SELECT group_concat(id || ':' || updated_at || ':' || status, '|') AS stamp FROM channels WHERE type = 'whatsapp'`;

/**
 * Decrypted app secrets and verify tokens, refreshed when any channel changes. The check is one
 * cached statement (a drizzle query built per webhook was a measurable share of the ack time in
 * bench/ingest).
 */
export class WhatsAppSecretCache {
  private entries: SecretEntry[] | null = null;
  private stamp = '';
  /** Channels whose secrets could not be decrypted (shown by /readyz). */
  problems: string[] = [];

  constructor(private core: Core) {}

  /** The current entries (decrypting only when channels changed since the last call). */
  list(): SecretEntry[] {
    const stamp = this.core.db.$client.query<{ stamp: string | null }, []>(CHANNELS_STAMP).get()?.stamp ?? '';
    if (this.entries && stamp === this.stamp) return this.entries;
    const full = this.core.db.select().from(channels).where(eq(channels.type, 'whatsapp')).all() as Channel[];
    this.entries = [];
    this.problems = [];
    for (const c of full.filter((row) => row.status !== 'disabled')) {
      try {
        const s = channelSecrets(this.core, c);
        this.entries.push({ channelId: c.id, appSecret: s.appSecret, verifyToken: s.verifyToken });
      } catch (error) {
        // One unreadable channel must not stop the others' webhooks; readiness reports it.
        this.problems.push((error as Error).message);
        this.core.log.error('channel secrets unreadable', { channelId: c.id, error: (error as Error).message });
      }
    }
    this.stamp = stamp;
    return this.entries;
  }
}

const decoder = new TextDecoder();

/** Meta's subscription handshake against every channel's verify token (constant time): the challenge, or null for 403. */
export function verifyChannelHandshake(cache: WhatsAppSecretCache, params: Record<string, string | undefined>): string | null {
  for (const entry of cache.list()) {
    const challenge = verifyHandshake(params, entry.verifyToken);
    if (challenge !== null) return challenge;
  }
  return null;
}

/**
 * Verifies the signature and, when valid, stores the body as a `webhook_events` row (status
 * `received`) through the group-committing writer. Resolves with the event id once committed, or
 * null when no channel's app secret matches (answer 401); rejects when the write failed (answer 500).
 */
export async function acceptWebhook(writer: WebhookWriter, cache: WhatsAppSecretCache, raw: Uint8Array, signature: string | null): Promise<string | null> {
  if (!signature) return null;
  const verifiedBy = cache.list().find((e) => verifySignature(raw, signature, e.appSecret));
  if (!verifiedBy) return null;
  return writer.store(decoder.decode(raw), signature, verifiedBy.channelId);
}
