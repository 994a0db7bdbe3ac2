import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { listAudit } from '../../src/core/audit';
import { createApiToken } from '../../src/core/auth';
import { setChannelTeams } from '../../src/core/channel-admin';
import { channelSecrets, createWhatsAppChannel, getChannelOrThrow } from '../../src/core/channels';
import { receiveInbound } from '../../src/core/messages';
import { createTeam } from '../../src/core/teams';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let sim: GraphSimulator;
let adminToken: string;
let agentToken: string;
const SECRETS = { accessToken: 'EAAG-api-access-token-42', appSecret: 'api-app-secret-42', verifyToken: 'api-verify-token-42' };
const call = (token: string, method: string, path: string, body?: unknown) => t.request(path, {
  method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
});

beforeAll(async () => {
  t = await createTestApp();
  sim = await startGraphSimulator({ phoneNumberId: '400000000000001', wabaId: '500000000000001', accessToken: SECRETS.accessToken, appSecret: SECRETS.appSecret, statusDelays: false });
  adminToken = createApiToken(t.app.core, (await t.signIn('admin')).user.id, 'ci', null).token;
  agentToken = createApiToken(t.app.core, (await t.signIn('agent')).user.id, 'ci', null).token;
});
afterAll(async () => {
  await sim.stop();
  await t.close();
});

describe('/api/v1/channels (admin)', () => {
  let id: string;

  test('agents get 403; invalid bodies are 422 naming the field', async () => {
    expect((await call(agentToken, 'GET', '/api/v1/channels')).status).toBe(403);
    expect((await call(agentToken, 'POST', '/api/v1/channels', { name: 'X', phoneNumberId: '400000000000009', wabaId: '500000000000001', ...SECRETS })).status).toBe(403);
    const bad = await call(adminToken, 'POST', '/api/v1/channels', { name: 'X', phoneNumberId: 'abc', wabaId: '500000000000001', ...SECRETS });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.field).toBe('phoneNumberId');
  });

  test('create returns the channel with masked secrets and audits', async () => {
    const res = await call(adminToken, 'POST', '/api/v1/channels', { name: 'API', phoneNumberId: '400000000000001', wabaId: '500000000000001', ...SECRETS, graphUrl: sim.url });
    expect(res.status).toBe(201);
    const text = await res.text();
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const body = JSON.parse(text);
    id = body.id;
    expect(body.secrets.accessToken).toBe('••••n-42');
    expect(body.config.graphUrl).toBe(sim.url);
    expect(listAudit(t.app.core, 10).map((a) => a.action)).toContain('channel.create');
    const list = await (await call(adminToken, 'GET', '/api/v1/channels')).text();
    expect(JSON.parse(list).items.map((c: { id: string }) => c.id)).toEqual([id]);
    for (const secret of Object.values(SECRETS)) expect(list).not.toContain(secret);
  });

  test('PATCH changes only what is given; secrets stay', async () => {
    const res = await call(adminToken, 'PATCH', `/api/v1/channels/${id}`, { name: 'API renamed' });
    expect(res.status).toBe(200);
    const channel = getChannelOrThrow(t.app.core, id);
    expect(channel.name).toBe('API renamed');
    expect(channel.config).toMatchObject({ graphUrl: sim.url, rateLimitPerSecond: 80 });
    expect(channelSecrets(t.app.core, channel)).toEqual(SECRETS);
    const bad = await call(adminToken, 'PATCH', `/api/v1/channels/${id}`, { graphVersion: 'latest' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.field).toBe('graphVersion');
    expect((await call(adminToken, 'GET', '/api/v1/channels/nope')).status).toBe(404);
  });

  test('test reports success or the classified failure', async () => {
    expect(await (await call(adminToken, 'POST', `/api/v1/channels/${id}/test`)).json()).toMatchObject({ ok: true });
    sim.setAccessToken('rotated');
    const failed = await (await call(adminToken, 'POST', `/api/v1/channels/${id}/test`)).json();
    sim.setAccessToken(SECRETS.accessToken);
    expect(failed).toMatchObject({ ok: false, action: 'reauthorize', code: 190 });
  });

  test('templates/sync is 202 and the job stores the templates', async () => {
    expect((await call(adminToken, 'POST', `/api/v1/channels/${id}/templates/sync`)).status).toBe(202);
    await t.app.jobs.runDue();
    const { items } = await (await call(adminToken, 'GET', `/api/v1/channels/${id}/templates`)).json();
    expect(items.find((x: { name: string; language: string }) => x.name === 'order_update' && x.language === 'es')).toMatchObject({ status: 'APPROVED', category: 'UTILITY' });
    expect(items.find((x: { name: string }) => x.name === 'promo_black_friday').status).toBe('PENDING');
  });
});

describe('POST /api/v1/contacts/:id/messages (template outreach)', () => {
  let channelId: string;
  let contactId: string;
  beforeAll(() => {
    channelId = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM channels').get()!.id;
    const received = receiveInbound(t.app.core, {
      channelId, identity: { externalId: '5215512345678', rawId: '5215512345678', profileName: 'María' }, externalId: 'wamid.in-1',
      type: 'text', content: 'Hola', raw: '{}', sentAt: t.clock.now() - 3 * 24 * 3600_000,
    });
    contactId = received.contact!.id;
  });

  test('an approved template is queued (201) in the contact\'s latest conversation and reaches the provider', async () => {
    const res = await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { template: { name: 'reengage_customer', language: 'es', body: ['María'] } });
    expect(res.status).toBe(201);
    const message = await res.json();
    expect(message).toMatchObject({ type: 'template', status: 'queued', direction: 'outbound', channelId });
    const again = await (await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { channelId, template: { name: 'reengage_customer', language: 'es', body: ['María'] } })).json();
    expect(again.conversationId).toBe(message.conversationId);
    await t.app.jobs.runDue();
    expect(sim.sent.map((s) => (s.body.template as { name: string }).name)).toEqual(['reengage_customer', 'reengage_customer']);
    const stored = t.app.core.db.$client.query<{ status: string }, [string]>('SELECT status FROM messages WHERE id = ?').get(message.id);
    expect(stored!.status).toBe('sent');
  });

  test('a resolved conversation is reopened rather than duplicated', async () => {
    t.app.core.db.$client.run("UPDATE conversations SET status = 'resolved', resolved_at = 1");
    const message = await (await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { template: { name: 'reengage_customer', language: 'es', body: ['María'] } })).json();
    const conv = t.app.core.db.$client.query<{ status: string; n: number }, [string]>('SELECT status, (SELECT count(*) FROM conversations) AS n FROM conversations WHERE id = ?').get(message.conversationId);
    expect(conv).toEqual({ status: 'open', n: 1 });
  });

  test('non-approved or unknown templates are refused with 422 and a clear message; nothing is queued', async () => {
    const before = t.app.core.db.$client.query('SELECT count(*) AS n FROM messages').get();
    const pending = await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { template: { name: 'promo_black_friday', language: 'es', body: ['20'] } });
    expect(pending.status).toBe(422);
    expect((await pending.json()).error).toMatchObject({ details: { field: 'template' }, message: 'The template "promo_black_friday" (es) is PENDING; only templates approved by Meta can be sent.' });
    const unknown = await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { template: { name: 'order_update', language: 'en_US', body: [] } });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.message).toContain('There is no template "order_update" in en_US');
    expect(t.app.core.db.$client.query('SELECT count(*) AS n FROM messages').get()).toEqual(before);
  });

  test('a contact without identity on the channel, or a channel hidden from the agent, is refused', async () => {
    const second = createWhatsAppChannel(t.app.core, { name: 'Other', phoneNumberId: '400000000000002', wabaId: '500000000000001', ...SECRETS }, null);
    const other = await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { channelId: second.id, template: { name: 'reengage_customer', language: 'es' } });
    expect(other.status).toBe(422);
    expect((await other.json()).error.details.field).toBe('channelId');
    const team = createTeam(t.app.core, { name: 'VIP' }, null);
    setChannelTeams(t.app.core, channelId, [team.id], null);
    const hidden = await call(agentToken, 'POST', `/api/v1/contacts/${contactId}/messages`, { channelId, template: { name: 'reengage_customer', language: 'es', body: ['x'] } });
    expect(hidden.status).toBe(404);
    setChannelTeams(t.app.core, channelId, [], null);
    expect((await call(agentToken, 'POST', '/api/v1/contacts/nobody/messages', { template: { name: 'x', language: 'es' } })).status).toBe(404);
  });
});
