/** Posts signed webhooks (`X-Hub-Signature-256`) to the inbox, recording every delivery. */
import { signBody } from '../channels/whatsapp/signature';

export interface WebhookDelivery {
  body: Record<string, unknown>;
  raw: string;
  signature: string;
  /** HTTP status of the answer, 0 when the inbox could not be reached. */
  status: number;
  error?: string;
  at: number;
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private pending = new Set<Promise<unknown>>();

  constructor(
    public url: string | undefined,
    private appSecret: string,
    private opts: { retries?: number; retryDelayMs?: number; badSignature?: boolean } = {},
  ) {}

  /**
   * Serialises `body` once, signs those exact bytes and POSTs them. Non-2xx answers are retried
   * `retries` times (default 2) like Meta does. Resolves with the last delivery (never rejects).
   */
  post(body: Record<string, unknown>): Promise<WebhookDelivery> {
    const p = this.deliver(body);
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }

  /** Resolves once every webhook in flight has been delivered (or given up). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async deliver(body: Record<string, unknown>): Promise<WebhookDelivery> {
    const raw = JSON.stringify(body);
    const signature = signBody(raw, this.opts.badSignature ? `${this.appSecret}-wrong` : this.appSecret);
    const attempts = 1 + (this.opts.retries ?? 2);
    let last: WebhookDelivery = { body, raw, signature, status: 0, error: 'no webhookUrl configured', at: Date.now() };
    if (!this.url) {
      this.deliveries.push(last);
      return last;
    }
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await Bun.sleep((this.opts.retryDelayMs ?? 50) * 2 ** (i - 1));
      try {
        const res = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature, 'User-Agent': 'facebookexternalua' },
          body: raw,
        });
        await res.arrayBuffer().catch(() => undefined);
        last = { body, raw, signature, status: res.status, at: Date.now() };
      } catch (err) {
        last = { body, raw, signature, status: 0, error: (err as Error).message, at: Date.now() };
      }
      if (last.status >= 200 && last.status < 300) break;
    }
    this.deliveries.push(last);
    return last;
  }
}
