/**
 * A real HTTP receiver for outbound webhook tests (Bun.serve on 127.0.0.1:0): records every
 * request with its headers and body, verifies the signature the way docs/webhooks.md tells
 * integrators to (its own HMAC, not Turno's helper), and answers what `answer` says.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: { id: string; type: string; createdAt: string; data: any };
  /** What the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every answered request, in order (one left hanging is not here). */
  received: ReceivedWebhook[];
  /** Whether `r` carries a valid `Turno-Signature` for `secret`. */
  verify(r: ReceivedWebhook, secret: string): boolean;
  stop(): void;
}

/** Starts a receiver; `answer(n, request)` gives the status of the n-th request (1-based), default 200. */
export function startWebhookReceiver(answer: (n: number, body: ReceivedWebhook['json']) => number | Promise<number> = () => 200): WebhookReceiver {
  const received: ReceivedWebhook[] = [];
  let requests = 0;
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(req) {
      const body = await req.text();
      const json = JSON.parse(body);
      const status = await answer(++requests, json);
      received.push({
        id: req.headers.get('turno-webhook-id') ?? '', timestamp: req.headers.get('turno-webhook-timestamp') ?? '',
        signature: req.headers.get('turno-signature') ?? '', body, json, status,
      });
      return new Response(status >= 300 ? `receiver says ${status}` : 'ok', { status });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}/hooks`,
    received,
    verify(r, secret) {
      const expected = `v1=${createHmac('sha256', secret).update(`${r.id}.${r.timestamp}.${r.body}`).digest('hex')}`;
      return expected.length === r.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(r.signature));
    },
    stop: () => server.stop(true),
  };
}
