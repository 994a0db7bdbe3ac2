/**
 * Group commit for webhook intake: bodies accepted in the same turn of the event loop are
 * inserted as `webhook_events` rows in one transaction, and every request is answered only after
 * that commit (so a 200 still means "stored"). One commit per burst instead of one per webhook
 * (bench/ingest: the per-webhook commit was the largest cost of an ack).
 */
import type { Core } from '../../core/context';
import { transaction } from '../../db/client';
import { newId } from '../../lib/ids';

const INSERT_EVENT = `INSERT INTO webhook_events (id, provider, channel_id, status, body, signature, received_at)
  VALUES (?, 'whatsapp', ?, 'received', ?, ?, ?)`;

interface Pending {
  id: string;
  body: string;
  signature: string;
  /** The channel whose app secret verified the signature. */
  channelId: string;
  resolve(id: string): void;
  reject(error: unknown): void;
}

export class WebhookWriter {
  private queue: Pending[] = [];

  constructor(private core: Core) {}

  /** Stores one verified body; resolves with its event id once committed, rejects if the write failed. */
  store(body: string, signature: string, channelId: string): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ id: newId(), body, signature, channelId, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    const at = this.core.clock.now();
    try {
      transaction(this.core.db, () => {
        const insert = this.core.db.$client.query(INSERT_EVENT);
        for (const p of batch) insert.run(p.id, p.channelId, p.body, p.signature, at);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve(p.id);
  }
}
