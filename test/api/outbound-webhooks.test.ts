/**
 * Outbound webhooks end to end: real deliveries to a real receiver (signatures, retries of the
 * same event after 500s, order per conversation, auto-disable with an admin notice), the
 * `/api/v1/webhooks` routes (happy path, validation, wrong role) and replays.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { unreadNotifications } from '../../src/core/routing/notify';
import { updateContact } from '../../src/core/contacts';
import { WEBHOOK_DISABLE_AFTER_MS } from '../../src/jobs/outbound-webhooks/service';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { waitUntil } from '../reliability/helpers';

let t: TestApp;
let receiver: WebhookReceiver | null = null;
let adminToken: string;
let agentToken: string;
let adminId: string;
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const api = (path: string, method = 'GET', body?: unknown, token = adminToken) =>
  t.request(`/api/v1${path}`, { method, headers: bearer(token), body: body === undefined ? undefined : JSON.stringify(body) });

beforeEach(async () => {
  t = await createTestApp({ env: { TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' }, app: { eventRetryDelay: () => 0 } });
  const admin = await t.signIn('admin');
  const agent = await t.signIn('agent');
  adminId = admin.user.id;
  adminToken = createApiToken(t.app.core, admin.user.id, 'ci', null).token;
  agentToken = createApiToken(t.app.core, agent.user.id, 'ci', null).token;
});
afterEach(async () => {
  await t.close();
  receiver?.stop();
  receiver = null;
});

async function subscribe(url: string, events: string[]): Promise<{ id: string; secret: string }> {
  const res = await api('/webhooks', 'POST', { url, events });
  expect(res.status).toBe(201);
  return res.json();
}

describe('deliveries', () => {
  test('are signed, retried after 500s with the same id, and keep the order of a conversation', async () => {
    receiver = startWebhookReceiver((n) => (n <= 3 ? 500 : 200));
    const { secret } = await subscribe(receiver.url, ['message.created']);
    const { channelId } = makeChannel(t);
    for (const text of ['uno', 'dos', 'tres', 'cuatro']) customerSays(t, channelId, text);
    await t.app.core.bus.drain();

    const got = receiver.received;
    expect(got.every((r) => receiver!.verify(r, secret))).toBe(true);
    expect(got.some((r) => receiver!.verify(r, 'wrong-secret'))).toBe(false);
    // The first event was refused three times and sent again each time, unchanged, before anything else.
    expect(got.slice(0, 4).map((r) => r.id)).toEqual(Array(4).fill(got[0]!.id));
    expect(got.slice(0, 4).map((r) => r.json.data.message.content)).toEqual(['uno', 'uno', 'uno', 'uno']);
    const delivered = got.filter((r) => r.status === 200);
    expect(delivered.map((r) => r.json.data.message.content)).toEqual(['uno', 'dos', 'tres', 'cuatro']);
    expect(new Set(delivered.map((r) => r.json.data.conversation.id)).size).toBe(1);
    expect(delivered[0]!.json.type).toBe('message.created');
    expect(delivered[0]!.json.id).toBe(delivered[0]!.id);
    expect(Date.parse(delivered[0]!.json.createdAt)).toBe(t.clock.now());

    const sub = (await (await api('/webhooks')).json()).items[0];
    expect(sub.consecutiveFailures).toBe(0);
    expect(sub.secret).toBeUndefined();
    const log = (await (await api(`/webhooks/${sub.id}/deliveries`)).json()).items as Array<{ ok: boolean; statusCode: number; attempt: number; responseExcerpt: string }>;
    expect(log).toHaveLength(7);
    expect(log.filter((d) => !d.ok).map((d) => [d.statusCode, d.attempt, d.responseExcerpt])).toEqual([[500, 3, 'receiver says 500'], [500, 2, 'receiver says 500'], [500, 1, 'receiver says 500']]);
  });

  test('derived types: a label change arrives as conversation.labels_changed with its own stable id', async () => {
    receiver = startWebhookReceiver();
    await subscribe(receiver.url, ['conversation.labels_changed', 'conversation.updated']);
    const { channelId } = makeChannel(t);
    const conversation = customerSays(t, channelId, 'hola').conversation!;
    const { client } = await t.signIn('admin');
    const label = await t.app.core.db.$client.query("INSERT INTO labels (id, name, color, created_at) VALUES ('l1', 'vip', '#112233', 0) RETURNING id").get() as { id: string };
    expect((await client.form(`/inbox/c/${conversation.id}/labels`, { labelId: label.id })).status).toBeLessThan(400);
    await t.app.core.bus.drain();
    const types = receiver.received.map((r) => r.json.type);
    expect(types).toEqual(['conversation.updated', 'conversation.labels_changed']);
    expect(receiver.received[1]!.id).toBe(`${receiver.received[0]!.id}.labels_changed`);
    expect(receiver.received[1]!.json.data.conversation.id).toBe(conversation.id);
  });

  test('a subscription failing for 24 hours is disabled, its consumer stops and admins are notified', async () => {
    receiver = startWebhookReceiver((n) => {
      if (n === 2) t.clock.advance(WEBHOOK_DISABLE_AFTER_MS);
      return 503;
    });
    const { id } = await subscribe(receiver.url, ['contact.updated']);
    const { channelId } = makeChannel(t);
    const contact = customerSays(t, channelId, 'hola').contact!;
    updateContact(t.app.core, contact.id, { notes: 'vip' });
    await t.app.core.bus.drain();

    expect(receiver.received).toHaveLength(2);
    const sub = await (await api(`/webhooks/${id}`)).json();
    expect(sub.active).toBe(false);
    expect(sub.disabledReason).toContain('2 failed attempts in 24 h');
    expect(t.app.deps.webhooks.runningIds()).not.toContain(id);
    const notices = unreadNotifications(t.app.core, adminId);
    expect(notices.map((n) => [n.kind, (n.details as { url: string }).url])).toEqual([['webhook.disabled', receiver.url]]);
    const bell = await (await t.request('/notifications/bell', { headers: bearer(adminToken) })).text();
    expect(bell).toContain(`El webhook ${receiver.url} se desactivó por fallos continuados`);
    const opened = await t.request(`/notifications/${notices[0]!.id}/read`, { method: 'POST', headers: bearer(adminToken) });
    expect(opened.headers.get('location')).toBe(`/admin/outbound-webhooks/${id}`);

    // Enabling starts with the next event, not the backlog; a failed delivery can be replayed.
    await api(`/webhooks/${id}`, 'PATCH', { active: true });
    const replayed = await api(`/webhooks/${id}/replay-failed`, 'POST');
    expect((await replayed.json()).items.map((d: { ok: boolean; replay: boolean }) => [d.ok, d.replay])).toEqual([[false, true]]);
    expect(receiver.received.at(-1)!.id).toBe(receiver.received[0]!.id);
  });

  test('a replay re-sends the logged body with a fresh signature, even after the event log was pruned', async () => {
    receiver = startWebhookReceiver();
    const { id, secret } = await subscribe(receiver.url, ['message.created']);
    customerSays(t, makeChannel(t).channelId, 'hola');
    await t.app.core.bus.drain();
    t.app.core.db.$client.run('DELETE FROM event_log');
    const [delivery] = (await (await api(`/webhooks/${id}/deliveries`)).json()).items;
    t.clock.advance(60_000);
    const res = await api(`/webhooks/${id}/deliveries/${delivery.id}/replay`, 'POST');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, replay: true, statusCode: 200, webhookId: delivery.webhookId });
    const [first, again] = receiver.received;
    expect(again!.body).toBe(first!.body);
    expect(Number(again!.timestamp)).toBe(Number(first!.timestamp) + 60);
    expect(receiver.verify(again!, secret)).toBe(true);
  });
});

describe('the /api/v1/webhooks routes', () => {
  test('create answers the secret once; get, patch, list deliveries and delete', async () => {
    receiver = startWebhookReceiver();
    const created = await subscribe(receiver.url, ['message.created', 'message.created', 'conversation.status_changed']);
    expect(created.secret).toMatch(/^whsec_/);
    const got = await (await api(`/webhooks/${created.id}`)).json();
    expect(got).toMatchObject({ url: receiver.url, events: ['message.created', 'conversation.status_changed'], active: true });
    expect(got.secret).toBeUndefined();
    expect(JSON.stringify(got)).not.toContain(created.secret);
    const patched = await api(`/webhooks/${created.id}`, 'PATCH', { events: ['contact.updated'] });
    expect((await patched.json()).events).toEqual(['contact.updated']);
    expect((await (await api(`/webhooks/${created.id}/deliveries`)).json())).toEqual({ items: [], nextCursor: null });
    const removed = await api(`/webhooks/${created.id}`, 'DELETE');
    expect([removed.status, await removed.json()]).toEqual([200, { ok: true }]);
    expect((await api(`/webhooks/${created.id}`)).status).toBe(404);
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM event_cursors WHERE consumer LIKE 'webhook:%'").get()).toEqual({ n: 0 });
  });

  test('validation errors name the field; agents get 403; unknown ids 404', async () => {
    const noEvents = await api('/webhooks', 'POST', { url: 'https://example.test/x', events: [] });
    expect(noEvents.status).toBe(422);
    expect((await noEvents.json()).error.details.field).toBe('events');
    const badType = await api('/webhooks', 'POST', { url: 'https://example.test/x', events: ['message.exploded'] });
    expect(badType.status).toBe(422);
    const ftp = await api('/webhooks', 'POST', { url: 'ftp://example.test/x', events: ['message.created'] });
    expect((await ftp.json()).error.details.field).toBe('url');
    expect((await api('/webhooks', 'GET', undefined, agentToken)).status).toBe(403);
    expect((await api('/webhooks', 'POST', { url: 'https://example.test/x', events: ['message.created'] }, agentToken)).status).toBe(403);
    expect((await api('/webhooks/nope/deliveries')).status).toBe(404);
  });
});

describe('the SSRF guard', () => {
  test('refuses loopback and private targets without TURNO_WEBHOOKS_ALLOW_PRIVATE, when saved and when delivering', async () => {
    receiver = startWebhookReceiver();
    const { id } = await subscribe(receiver.url, ['contact.updated']);
    t.app.core.config.webhooksAllowPrivate = false;
    for (const url of [receiver.url, 'http://10.1.2.3/x', 'http://[::1]:8080/x', 'http://169.254.169.254/latest', 'http://localhost:9/x']) {
      const res = await api('/webhooks', 'POST', { url, events: ['message.created'] });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: 'unprocessable', details: { field: 'url' } });
    }
    // Already saved (as if its DNS changed since): the delivery is refused too, before any request.
    const contact = customerSays(t, makeChannel(t).channelId, 'hola').contact!;
    updateContact(t.app.core, contact.id, { notes: 'x' });
    const refusal = () => t.app.core.db.$client.query('SELECT error FROM webhook_deliveries WHERE subscription_id = ?').get(id) as { error: string } | null;
    await waitUntil(() => refusal() !== null, 'the first delivery attempt');
    expect(refusal()!.error).toContain('private or local address');
    await api(`/webhooks/${id}`, 'PATCH', { active: false });
    expect(receiver.received).toHaveLength(0);
  });
});
