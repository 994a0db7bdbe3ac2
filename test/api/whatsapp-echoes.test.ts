/**
 * Coexistence: messages the business sends from the WhatsApp Business phone app arrive as
 * `smb_message_echoes` webhooks and join the customer's thread as outbound messages, once.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { retryFailedMessage } from '../../src/core/message-actions';
import { setConversationStatus } from '../../src/core/routing/lifecycle';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, echoEnvelope, messagesEnvelope, postWebhook, statusEnvelope, textMessage } from '../helpers/whatsapp';

let t: TestApp;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
const CUSTOMER = '5491155551234';
/** The same Argentinian customer as WhatsApp may write the number (without the mobile 9). */
const CUSTOMER_OTHER_FORM = '541155551234';
const T0 = 1749416383;

interface Row {
  id: string; conversation_id: string; direction: string; sender_type: string; sender_id: string | null;
  status: string; content: string; payload: string; sent_at: number; external_id: string;
}
const outbound = () => q<Row>("SELECT * FROM messages WHERE direction = 'outbound'");
const conversation = () => q<{ id: string; status: string; waiting_since: number | null; first_response_at: number | null; last_outbound_at: number | null; last_message_preview: string; assignee_id: string | null }>('SELECT * FROM conversations');

async function deliver(body: unknown) {
  expect((await postWebhook(t, body)).status).toBe(200);
  t.app.ingest.processPending();
  await t.app.core.bus.drain();
}
const customerWrites = (id: string, text: string, at: number) => deliver(messagesEnvelope([textMessage(id, text, at)], { waId: CUSTOMER }));
const businessAppSends = (id: string, text: string, at: number) => deliver(echoEnvelope([textMessage(id, text, at)], CUSTOMER_OTHER_FORM));

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set((T0 + 120) * 1000);
  addTestChannel(t);
});
afterEach(async () => t.close());

describe('smb_message_echoes through the signed webhook', () => {
  test('the echo joins the customer\'s conversation once, as outbound from the business app, and answers the wait', async () => {
    await customerWrites('wamid.IN1', '¿Tienen talla M?', T0);
    expect(conversation()[0]!.waiting_since).toBe(T0 * 1000);

    const body = echoEnvelope([textMessage('wamid.ECHO1', 'Sí, llega el <b>jueves</b>', T0 + 60)], CUSTOMER_OTHER_FORM);
    await deliver(body);
    await deliver(body); // Meta redelivers: nothing changes

    expect(q('SELECT id FROM contacts')).toHaveLength(1);
    const [conv] = conversation();
    expect(q('SELECT id FROM conversations')).toHaveLength(1);
    const rows = outbound();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      conversation_id: conv!.id, sender_type: 'agent', sender_id: null, status: 'sent',
      content: 'Sí, llega el <b>jueves</b>', external_id: 'wamid.ECHO1', sent_at: (T0 + 60) * 1000,
    });
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ source: 'business_app', body: 'Sí, llega el <b>jueves</b>' });
    expect(conv).toMatchObject({
      status: 'open', waiting_since: null, first_response_at: (T0 + 60) * 1000, last_outbound_at: (T0 + 60) * 1000,
      last_message_preview: 'Sí, llega el <b>jueves</b>',
    });
    expect(t.eventNames().filter((n) => n === 'message.created')).toHaveLength(2);
    expect(t.eventNames()).not.toContain('conversation.assigned');
    // Nothing tries to send it again or to answer it.
    expect(q('SELECT type FROM jobs WHERE payload LIKE ?', `%${rows[0]!.id}%`)).toEqual([]);
    expect(q("SELECT id FROM jobs WHERE type = 'message.send'")).toEqual([]);
    expect(q<{ status: string }>('SELECT status FROM webhook_events').map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);

    const { client } = await t.signIn('admin');
    const page = await (await client.get(`/inbox/c/${conv!.id}`)).text();
    const bubble = page.slice(page.indexOf(`id="m-${rows[0]!.id}"`), page.indexOf('</article>', page.indexOf(`id="m-${rows[0]!.id}"`)));
    expect(bubble).toContain('data-source="business_app"');
    expect(bubble).toContain('Enviado desde la app WhatsApp Business');
    expect(bubble).toContain('Sí, llega el &lt;b&gt;jueves&lt;/b&gt;');
    expect(bubble).not.toContain('<b>jueves');
  });

  test('later status webhooks move its ticks; a status that came first is applied when the echo arrives', async () => {
    await customerWrites('wamid.IN1', 'hola', T0);
    await businessAppSends('wamid.ECHO1', 'Buenas', T0 + 10);
    await deliver(statusEnvelope([{ id: 'wamid.ECHO1', status: 'delivered', timestamp: String(T0 + 12), recipient_id: CUSTOMER }]));
    expect(outbound()[0]!.status).toBe('delivered');
    expect(t.eventNames()).toContain('message.updated');

    await deliver(statusEnvelope([{ id: 'wamid.ECHO2', status: 'read', timestamp: String(T0 + 25), recipient_id: CUSTOMER }]));
    await businessAppSends('wamid.ECHO2', '¿Algo más?', T0 + 20);
    expect(q<{ status: string }>("SELECT status FROM messages WHERE external_id = 'wamid.ECHO2'")).toEqual([{ status: 'read' }]);
    expect(q('SELECT id FROM pending_statuses')).toEqual([]);
  });

  test('an echo never reopens a resolved conversation', async () => {
    await customerWrites('wamid.IN1', 'gracias, era eso', T0);
    const convId = conversation()[0]!.id;
    setConversationStatus(t.app.core, convId, { status: 'resolved' }, null);

    await businessAppSends('wamid.ECHO1', '¡A vos!', T0 + 30);

    expect(q('SELECT id FROM conversations')).toHaveLength(1);
    expect(conversation()[0]).toMatchObject({ id: convId, status: 'resolved' });
    expect(outbound()).toMatchObject([{ conversation_id: convId, external_id: 'wamid.ECHO1' }]);
  });

  test('an echo to someone who never wrote starts an open, unassigned conversation', async () => {
    await businessAppSends('wamid.ECHO1', 'Hola, te escribo por tu pedido', T0);
    const [conv] = conversation();
    expect(conv).toMatchObject({ status: 'open', assignee_id: null, waiting_since: null, last_message_preview: 'Hola, te escribo por tu pedido' });
    expect(q<{ phone: string }>('SELECT phone FROM contacts')).toEqual([{ phone: `+${CUSTOMER}` }]);
    expect(t.eventNames()).toContain('conversation.created');
    expect(outbound()).toMatchObject([{ conversation_id: conv!.id }]);
  });

  test('a media echo is downloaded like an inbound file and is never queued for sending', async () => {
    await deliver(echoEnvelope([{ id: 'wamid.ECHOIMG', timestamp: String(T0), type: 'image', image: { id: '1290438571928374', mime_type: 'image/jpeg', sha256: 'abc', caption: 'Así queda' } }], CUSTOMER));
    expect(outbound()).toMatchObject([{ content: 'Así queda' }]);
    expect(q('SELECT status, external_media_id FROM attachments')).toEqual([{ status: 'pending', external_media_id: '1290438571928374' }]);
    const jobTypes = q<{ type: string }>('SELECT type FROM jobs').map((r) => r.type);
    expect(jobTypes).toContain('media.download');
    expect(jobTypes).not.toContain('message.send');
    expect(jobTypes).not.toContain('bot.answer');
  });

  test('a failed echo cannot be retried from the inbox (it was sent from the phone)', async () => {
    await customerWrites('wamid.IN1', 'hola', T0);
    await businessAppSends('wamid.ECHO1', 'Buenas', T0 + 10);
    await deliver(statusEnvelope([{ id: 'wamid.ECHO1', status: 'failed', timestamp: String(T0 + 11), recipient_id: CUSTOMER, errors: [{ code: 131026, title: 'Message Undeliverable' }] }]));
    const echo = outbound()[0]!;
    expect(echo.status).toBe('failed');
    const { user, client } = await t.signIn('admin');
    expect(() => retryFailedMessage(t.app.core, echo.id, { type: 'user', user })).toThrow(/WhatsApp Business app/);
    const page = await (await client.get(`/inbox/c/${echo.conversation_id}`)).text();
    expect(page).not.toContain(`/inbox/messages/${echo.id}/retry`);
    expect(q("SELECT id FROM jobs WHERE type = 'message.send'")).toEqual([]);
  });
});
