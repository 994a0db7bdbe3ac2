/**
 * Sends one outbound webhook: checks the target is still public (DNS can change after the URL was
 * saved), signs `<id>.<timestamp>.<body>` with the subscription's secret, POSTs it without
 * following redirects and with a 10 s time-out, and logs the attempt.
 */
import type { Core } from '../../core/context';
import { logDelivery, RESPONSE_EXCERPT_BYTES, type WebhookDelivery } from '../../core/webhooks/deliveries';
import { subscriptionSecret, type WebhookSubscription } from '../../core/webhooks/subscriptions';
import { hmacSha256Hex } from '../../lib/crypto';
import { assertPublicUrl } from '../../lib/ssrf';

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What one webhook carries: its stable id, its type and the exact body. */
export interface WebhookMessage {
  webhookId: string;
  type: string;
  body: string;
}

/** The JSON body of a webhook. */
export function webhookBody(webhookId: string, type: string, createdAt: number, data: unknown): string {
  return JSON.stringify({ id: webhookId, type, createdAt: new Date(createdAt).toISOString(), data });
}

/** The signature header value of `body` sent as `webhookId` at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, webhookId: string, timestamp: number, body: string): string {
  return `v1=${hmacSha256Hex(secret, `${webhookId}.${timestamp}.${body}`)}`;
}

/** At most the first RESPONSE_EXCERPT_BYTES bytes of a response body, as text; the rest is not read. */
async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < RESPONSE_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
}

/** POSTs `message` to the subscription and logs the attempt; never throws (the row says what happened). */
export async function sendWebhook(core: Core, subscription: WebhookSubscription, message: WebhookMessage, attempt: number, replay = false): Promise<WebhookDelivery> {
  const started = performance.now();
  const outcome: { ok: boolean; statusCode: number | null; responseExcerpt: string | null; error: string | null } = { ok: false, statusCode: null, responseExcerpt: null, error: null };
  try {
    await assertPublicUrl(subscription.url, core.config.webhooksAllowPrivate);
    const timestamp = Math.floor(core.clock.now() / 1000);
    const response = await fetch(subscription.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Turno-Webhooks/1',
        'turno-webhook-id': message.webhookId,
        'turno-webhook-timestamp': String(timestamp),
        'turno-signature': signWebhook(subscriptionSecret(core, subscription), message.webhookId, timestamp, message.body),
      },
      body: message.body,
    });
    outcome.statusCode = response.status;
    outcome.ok = response.status >= 200 && response.status < 300;
    outcome.responseExcerpt = await excerptOf(response).catch(() => null);
    if (!outcome.ok) outcome.error = response.status >= 300 && response.status < 400 ? `redirect to ${response.headers.get('location') ?? '?'} not followed` : `HTTP ${response.status}`;
  } catch (error) {
    outcome.error = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : error.message) : String(error);
  }
  return logDelivery(core, {
    subscriptionId: subscription.id, webhookId: message.webhookId, eventType: message.type, body: message.body,
    latencyMs: Math.round(performance.now() - started), attempt, replay, ...outcome,
  });
}
