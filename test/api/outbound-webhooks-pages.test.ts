/** Admin → Outbound webhooks pages: create (secret shown once), validation, delivery log, replay, disable, delete. */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

let t: TestApp;
let admin: TestClient;
let receiver: WebhookReceiver;
beforeEach(async () => {
  t = await createTestApp({ env: { TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' }, app: { eventRetryDelay: () => 0 } });
  admin = (await t.signIn('admin')).client;
  receiver = startWebhookReceiver();
});
afterEach(async () => {
  await t.close();
  receiver.stop();
});

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return body;
};
const post = (path: string, fields: Record<string, string | string[]>) =>
  t.request(path, { method: 'POST', body: form(fields), headers: { cookie: `turno_session=${admin.cookies.turno_session}`, 'x-csrf-token': admin.csrf!, 'content-type': 'application/x-www-form-urlencoded' } });

test('an admin creates a subscription and sees its secret once; it then delivers and logs', async () => {
  const list = await (await admin.get('/admin/outbound-webhooks')).text();
  expect(list).toContain('href="/admin/outbound-webhooks"');
  expect(list).toContain('value="conversation.status_changed"');
  const created = await post('/admin/outbound-webhooks', { url: receiver.url, events: ['message.created', 'conversation.created'] });
  expect(created.status).toBe(201);
  const secret = /data-secret>([^<]+)</.exec(await created.text())![1]!;
  expect(secret).toMatch(/^whsec_/);
  const again = await (await admin.get('/admin/outbound-webhooks')).text();
  expect(again).not.toContain(secret);
  const id = /data-webhook="([^"]+)"/.exec(again)![1]!;

  customerSays(t, makeChannel(t).channelId, 'hola');
  await t.app.core.bus.drain();
  expect(receiver.received.map((r) => r.json.type)).toEqual(['conversation.created', 'message.created']);
  expect(receiver.received.every((r) => receiver.verify(r, secret))).toBe(true);

  const detail = await (await admin.get(`/admin/outbound-webhooks/${id}`)).text();
  expect(detail.match(/data-delivery="/g)).toHaveLength(2);
  const deliveryId = /data-delivery="([^"]+)"/.exec(detail)![1]!;
  const replayed = await post(`/admin/outbound-webhooks/${id}/deliveries/${deliveryId}/replay`, {});
  expect(await replayed.text()).toContain('Reenviadas: 1 correctas, 0 fallidas.');
  expect(receiver.received).toHaveLength(3);
});

test('invalid input is shown on the form in the admin\'s language; disable, enable and delete work', async () => {
  const invalid = await post('/admin/outbound-webhooks', { url: 'ftp://x', events: [] });
  expect(invalid.status).toBe(422);
  const page = await invalid.text();
  expect(page).toContain('Introduce una URL http:// o https://.');
  expect(page).toContain('value="ftp://x"');
  const { subscription } = await t.app.deps.webhooks.create({ url: receiver.url, events: ['contact.updated'] }, null);
  expect((await post(`/admin/outbound-webhooks/${subscription.id}/active`, { active: 'false' })).status).toBe(303);
  expect(t.app.deps.webhooks.runningIds()).toEqual([]);
  expect(await (await admin.get(`/admin/outbound-webhooks/${subscription.id}?ok=disabled`)).text()).toContain('data-status="disabled"');
  await post(`/admin/outbound-webhooks/${subscription.id}/active`, { active: 'true' });
  expect(t.app.deps.webhooks.runningIds()).toEqual([subscription.id]);
  const noEvents = await post(`/admin/outbound-webhooks/${subscription.id}`, { url: receiver.url });
  expect(await noEvents.text()).toContain('Elige al menos un evento.');
  expect((await post(`/admin/outbound-webhooks/${subscription.id}/delete`, {})).headers.get('location')).toBe('/admin/outbound-webhooks?ok=deleted');
  expect(t.app.deps.webhooks.runningIds()).toEqual([]);
  expect((await admin.get(`/admin/outbound-webhooks/${subscription.id}`)).status).toBe(404);
});

test('agents cannot open the page', async () => {
  const { client } = await t.signIn('agent');
  expect((await client.get('/admin/outbound-webhooks')).status).toBe(403);
});
