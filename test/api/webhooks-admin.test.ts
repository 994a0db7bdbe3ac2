import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { signBody } from '../../src/channels/whatsapp/signature';
import { listAudit } from '../../src/core/audit';
import { createWhatsAppChannel } from '../../src/core/channels';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';

let t: TestApp;
let admin: TestClient;
const APP_SECRET = 'replay-app-secret-1';
const CUSTOMER_TEXT = '<script>alert("x")</script> hola';
const inbound = (phoneNumberId: string) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '500', changes: [{ field: 'messages', value: {
  messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
  contacts: [{ profile: { name: 'Ana' }, wa_id: '5491123456789' }],
  messages: [{ from: '5491123456789', id: 'wamid.replay-1', timestamp: '1749416383', type: 'text', text: { body: CUSTOMER_TEXT } }],
} }] }] });
const post = (raw: string) => t.request('/webhooks/whatsapp', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, APP_SECRET) } });
const statusOf = (id: string) => t.app.core.db.$client.query<{ status: string }, [string]>('SELECT status FROM webhook_events WHERE id = ?').get(id)!.status;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).client;
  // A channel whose app secret signs the test webhooks, on another number than the one posted.
  createWhatsAppChannel(t.app.core, { name: 'Main', phoneNumberId: '700000000000001', wabaId: '500000', accessToken: 'token-0123456789', appSecret: APP_SECRET, verifyToken: 'verify-0123456789' }, null);
});
afterAll(async () => t.close());

describe('Admin → Failed webhooks', () => {
  let unroutableId: string;
  let failedId: string;

  test('unroutable and failed events are listed with status, error and size; agents are refused', async () => {
    expect((await post(inbound('700000000000002'))).status).toBe(200);
    expect((await post('{"object": not json')).status).toBe(200);
    t.app.ingest.processPending();
    const rows = t.app.core.db.$client.query<{ id: string; status: string }, []>('SELECT id, status FROM webhook_events ORDER BY received_at, id').all();
    unroutableId = rows.find((r) => r.status === 'unroutable')!.id;
    failedId = rows.find((r) => r.status === 'failed')!.id;
    const { client: agent } = await t.signIn('agent');
    expect((await agent.get('/admin/webhooks')).status).toBe(403);
    const html = await (await admin.get('/admin/webhooks')).text();
    expect(html).toContain(`data-event="${unroutableId}"`);
    expect(html).toContain(`data-event="${failedId}"`);
    expect(html).toContain('no channel for phone_number_id 700000000000002');
    expect(html).toContain('invalid JSON');
    expect(html).toContain(`${inbound('700000000000002').length.toLocaleString('es')} B`);
  });

  test('the detail view shows the raw body escaped in a <pre>', async () => {
    const html = await (await admin.get(`/admin/webhooks/${unroutableId}`)).text();
    expect(html).toContain('&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt; hola');
    expect(html).not.toContain('<script>alert');
    expect((await admin.get('/admin/webhooks/nope')).status).toBe(404);
  });

  test('replay needs a selection and CSRF; after adding the missing channel it applies the event and audits', async () => {
    expect((await admin.form('/admin/webhooks/replay', {})).status).toBe(422);
    const { client: noCsrf } = await t.signIn('admin');
    noCsrf.csrf = null;
    expect((await noCsrf.form('/admin/webhooks/replay', { ids: unroutableId })).status).toBe(403);
    createWhatsAppChannel(t.app.core, { name: 'Second', phoneNumberId: '700000000000002', wabaId: '500000', accessToken: 'token-0123456789', appSecret: APP_SECRET, verifyToken: 'verify-0123456789b' }, null);
    const res = await admin.form('/admin/webhooks/replay', { ids: unroutableId });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('1 evento de nuevo en cola.');
    expect(statusOf(unroutableId)).toBe('received');
    t.app.ingest.processPending();
    expect(statusOf(unroutableId)).toBe('processed');
    const message = t.app.core.db.$client.query<{ content: string }, []>("SELECT content FROM messages WHERE external_id = 'wamid.replay-1'").get();
    expect(message!.content).toBe(CUSTOMER_TEXT);
    expect(listAudit(t.app.core, 1)[0]).toMatchObject({ action: 'webhook.replay', details: { ids: [unroutableId], count: 1 } });
  });

  test('replaying an event that still cannot be applied leaves it failed', async () => {
    await admin.form('/admin/webhooks/replay', { ids: failedId });
    t.app.ingest.processPending();
    expect(statusOf(failedId)).toBe('failed');
    expect(await (await admin.get('/admin/webhooks')).text()).not.toContain(`data-event="${unroutableId}"`);
  });

  test('a batch with unreadable items is applied in part and kept as "partly applied"; replay adds no duplicates', async () => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '500', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: '700000000000001' },
      contacts: [{ profile: { name: 'Ana' }, wa_id: '5491123456789' }],
      messages: [
        { from: '5491123456789', id: 'wamid.partial-good', timestamp: '1749416383', type: 'text', text: { body: 'llegó bien' } },
        { from: '5491123456789', id: 'wamid.partial-bad', timestamp: { seconds: 1 }, type: 'text', text: { body: 'hora rota' } },
      ],
    } }] }] });
    expect((await post(raw)).status).toBe(200);
    t.app.ingest.processPending();
    const event = t.app.core.db.$client.query<{ id: string; status: string; error: string }, []>("SELECT id, status, error FROM webhook_events WHERE instr(body, 'wamid.partial-good') > 0").get()!;
    expect(event.status).toBe('partial');
    expect(event.error).toContain('message not readable (timestamp:');
    const count = () => t.app.core.db.$client.query<{ n: number }, []>("SELECT count(*) AS n FROM messages WHERE external_id = 'wamid.partial-good'").get()!.n;
    expect(count()).toBe(1);
    const html = await (await admin.get('/admin/webhooks')).text();
    expect(html).toContain(`data-event="${event.id}"`);
    expect(html).toContain('Aplicado en parte');
    const replay = await admin.form('/admin/webhooks/replay', { ids: event.id });
    expect(await replay.text()).toContain('1 evento de nuevo en cola.');
    t.app.ingest.processPending();
    expect(count()).toBe(1);
    expect(statusOf(event.id)).toBe('partial');
  });
});
