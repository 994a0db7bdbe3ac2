/**
 * Webhook intake: verify `X-Hub-Signature-256` on the raw bytes against the app secret of the
 * configured WhatsApp channels (constant time), then store the exact body durably. Nothing is
 * parsed here; the ingest worker does that after the 200 has been sent.
 */
import { eq } from 'drizzle-orm';
import { channelSecrets } from '../../core/channels';
import type { Core } from '../../core/context';
import type { Channel } from '../../core/types';
import { channels, webhookEvents } from '../../db/schema';
import { newId } from '../../lib/ids';
import { verifySignature } from './signature';

interface SecretEntry {
  channelId: string;
  appSecret: string;
  verifyToken: string;
}

/** Decrypted app secrets and verify tokens, refreshed when any channel changes. */
export class WhatsAppSecretCache {
  private entries: SecretEntry[] | null = null;
  private stamp = '';

  constructor(private core: Core) {}

  /** The current entries (decrypting only when channels changed since the last call). */
  list(): SecretEntry[] {
    const rows = this.core.db.select({ id: channels.id, updatedAt: channels.updatedAt, type: channels.type, status: channels.status })
      .from(channels).where(eq(channels.type, 'whatsapp')).all();
    const stamp = rows.map((r) => `${r.id}:${r.updatedAt}:${r.status}`).join('|');
    if (this.entries && stamp === this.stamp) return this.entries;
    const full = this.core.db.select().from(channels).where(eq(channels.type, 'whatsapp')).all() as Channel[];
    this.entries = full.filter((c) => c.status !== 'disabled').map((c) => {
      const s = channelSecrets(this.core, c);
      return { channelId: c.id, appSecret: s.appSecret, verifyToken: s.verifyToken };
    });
    this.stamp = stamp;
    return this.entries;
  }
}

/** Result of the handshake check: the challenge to echo, or null to answer 403. */
export function verifyHandshake(cache: WhatsAppSecretCache, mode: unknown, token: unknown, challenge: unknown): string | null {
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  return cache.list().some((e) => e.verifyToken === token) ? challenge : null;
}

/**
 * Verifies the signature and, when valid, stores the body as a `webhook_events` row (status
 * `received`). Returns the event id, or null when no channel's app secret matches (answer 401).
 */
export function acceptWebhook(core: Core, cache: WhatsAppSecretCache, raw: Uint8Array, signature: string | null): string | null {
  if (!signature) return null;
  const match = cache.list().find((e) => verifySignature(raw, signature, e.appSecret));
  if (!match) return null;
  const id = newId();
  core.db.insert(webhookEvents).values({
    id, provider: 'whatsapp', channelId: null, status: 'received', body: new TextDecoder().decode(raw),
    signature, receivedAt: core.clock.now(),
  }).run();
  return id;
}
