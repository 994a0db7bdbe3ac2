/** Helpers for WhatsApp scenario tests: a configured channel and signed webhook deliveries. */
import { createWhatsAppChannel } from '../../src/core/channels';
import type { Channel } from '../../src/core/types';
import { signBody } from '../../src/channels/whatsapp/signature';
import type { TestApp } from './test-app';

export const APP_SECRET = 'test-app-secret-123';
export const VERIFY_TOKEN = 'verify-token-123';
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';

/** Creates a WhatsApp channel pointing at `graphUrl` (a simulator) with known test secrets. */
export function addTestChannel(t: TestApp, graphUrl = 'http://127.0.0.1:9', overrides: Partial<{ phoneNumberId: string; name: string }> = {}): Channel {
  return createWhatsAppChannel(t.app.core, {
    name: overrides.name ?? 'Ventas', phoneNumberId: overrides.phoneNumberId ?? PHONE_NUMBER_ID, wabaId: WABA_ID,
    accessToken: 'EAAG-test-access-token', appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphUrl, graphVersion: 'v23.0',
  }, null);
}

/** Posts a raw body to the webhook with a valid (or the given) signature. */
export function postWebhook(t: TestApp, body: unknown, opts: { signature?: string | null; secret?: string } = {}): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = opts.signature === undefined ? signBody(raw, opts.secret ?? APP_SECRET) : opts.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return t.request('/webhooks/whatsapp', { method: 'POST', body: raw, headers });
}

/** A `messages` envelope with the given message objects (real wire format). */
export function messagesEnvelope(messages: Record<string, unknown>[], opts: { phoneNumberId?: string; name?: string; waId?: string } = {}) {
  const waId = opts.waId ?? '5491155551234';
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: WABA_ID,
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: opts.phoneNumberId ?? PHONE_NUMBER_ID },
          contacts: [{ profile: { name: opts.name ?? 'Lucía Fernández' }, wa_id: waId }],
          messages: messages.map((m) => ({ from: waId, ...m })),
        },
      }],
    }],
  };
}

/** A `statuses` envelope. */
export function statusEnvelope(statuses: Record<string, unknown>[], phoneNumberId = PHONE_NUMBER_ID) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: WABA_ID, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, statuses } }] }],
  };
}

/** A text message object. */
export function textMessage(id: string, body: string, timestamp: number) {
  return { id, timestamp: String(timestamp), type: 'text', text: { body } };
}

/** An `smb_message_echoes` envelope: messages the business sent from the WhatsApp Business app to `to`. */
export function echoEnvelope(echoes: Record<string, unknown>[], to: string, phoneNumberId = PHONE_NUMBER_ID) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: WABA_ID,
      changes: [{
        field: 'smb_message_echoes',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
          message_echoes: echoes.map((e) => ({ from: '15550783881', to, ...e })),
        },
      }],
    }],
  };
}

/** Posts a signed webhook, expects 200, applies it and waits for its listeners. */
export async function deliverWebhook(t: TestApp, body: unknown): Promise<void> {
  const response = await postWebhook(t, body);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  t.app.ingest.processPending();
  await t.app.core.bus.drain();
}
