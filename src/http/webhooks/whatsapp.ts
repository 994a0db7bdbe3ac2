/**
 * `GET /webhooks/whatsapp` (Meta's subscription handshake) and `POST /webhooks/whatsapp`: size
 * limit, signature on the raw bytes, durable store, 200 — processing happens after the answer.
 */
import { Elysia } from 'elysia';
import { acceptWebhook, verifyChannelHandshake, WhatsAppSecretCache } from '../../channels/whatsapp/intake';
import { WebhookWriter } from '../../channels/whatsapp/webhook-writer';
import type { IngestWorker } from '../../channels/whatsapp/ingest-worker';
import type { HttpDeps } from '../deps';
import { jsonError } from '../respond';

/**
 * Reads the body, refusing more than `max` bytes without buffering the rest. A declared
 * Content-Length within the limit bounds the body (HTTP framing), so it is read in one native call;
 * only chunked bodies are streamed and counted (bench/ingest: the stream path cost ~10 % of an ack).
 */
async function readLimited(request: Request, max: number): Promise<Uint8Array | null> {
  const header = request.headers.get('content-length');
  const declared = Number(header ?? '0');
  if (declared > max) return null;
  if (!request.body) return new Uint8Array(0);
  if (header !== null && Number.isSafeInteger(declared)) return new Uint8Array(await request.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** WhatsApp webhook routes. */
export function whatsappWebhookRoutes(deps: HttpDeps, ingest: IngestWorker) {
  const cache = new WhatsAppSecretCache(deps.core);
  const writer = new WebhookWriter(deps.core);
  let storageFailure: { at: number; message: string } | null = null;
  deps.readinessChecks.push(() => (storageFailure && Date.now() - storageFailure.at < 60_000
    ? `webhooks cannot be stored (${storageFailure.message}); the provider will retry them`
    : null));
  deps.readinessChecks.push(() => {
    cache.list();
    return cache.problems.length ? cache.problems.join('; ') : null;
  });
  return new Elysia({ name: 'webhooks-whatsapp' })
    .get('/webhooks/whatsapp', ({ query }) => {
      const challenge = verifyChannelHandshake(cache, query as Record<string, string | undefined>);
      if (challenge === null) return new Response('Verification failed: the verify token matches no WhatsApp channel', { status: 403 });
      return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain' } });
    })
    .post('/webhooks/whatsapp', async ({ request }) => {
      const raw = await readLimited(request, deps.core.config.webhookMaxBytes);
      if (raw === null) return jsonError(413, 'payload_too_large', `Webhook bodies are limited to ${deps.core.config.webhookMaxBytes} bytes`);
      let eventId: string | null;
      try {
        eventId = await acceptWebhook(writer, cache, raw, request.headers.get('x-hub-signature-256'));
      } catch (error) {
        // Never 200 without storing: a 500 makes Meta deliver it again later.
        storageFailure = { at: Date.now(), message: (error as Error).message };
        deps.core.log.error('webhook could not be stored; answering 500 so the provider retries', { error });
        return jsonError(500, 'storage_failed', 'The webhook could not be stored; deliver it again later');
      }
      storageFailure = null;
      if (!eventId) return jsonError(401, 'invalid_signature', 'Missing or invalid X-Hub-Signature-256 for every configured app secret');
      ingest.poke();
      return new Response('OK', { status: 200 });
    }, { parse: 'none' });
}
