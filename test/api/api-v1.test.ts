import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

let t: TestApp;
let adminToken: string;
let agentToken: string;
const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signIn('admin', { email: 'admin@example.test' });
  const agent = await t.signIn('agent', { email: 'agent@example.test' });
  adminToken = createApiToken(t.app.core, admin.user.id, 'ci', null).token;
  agentToken = createApiToken(t.app.core, agent.user.id, 'ci', null).token;
});
afterAll(async () => t.close());

describe('API v1 authentication', () => {
  test('an invalid token is 401 JSON; a missing one too', async () => {
    const bad = await t.request('/api/v1/me', { headers: bearer('turno_nope') });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('unauthorized');
    const none = await t.request('/api/v1/me', { headers: { accept: 'application/json' } });
    expect(none.status).toBe(401);
  });

  test('/me returns the token owner without secrets; only the hash is stored', async () => {
    const res = await t.request('/api/v1/me', { headers: bearer(adminToken) });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.email).toBe('admin@example.test');
    expect(me.passwordHash).toBeUndefined();
    const stored = t.app.core.db.$client.query<{ token_hash: string }, []>('SELECT token_hash FROM api_tokens').all();
    expect(stored.every((r) => !r.token_hash.includes(adminToken))).toBe(true);
  });

  test('token requests need no CSRF; cookie requests do', async () => {
    const viaToken = await t.request('/api/v1/teams', { method: 'POST', headers: bearer(adminToken, { 'content-type': 'application/json' }), body: JSON.stringify({ name: 'Sales' }) });
    expect(viaToken.status).toBe(201);
    const { client } = await t.signIn('admin');
    client.csrf = null;
    const viaCookie = await client.json('POST', '/api/v1/teams', { name: 'Support' });
    expect(viaCookie.status).toBe(403);
    expect((await viaCookie.json()).error.code).toBe('csrf');
  });
});

describe('API v1 validation and errors', () => {
  test('malformed JSON is 400', async () => {
    const res = await t.request('/api/v1/teams', { method: 'POST', headers: bearer(adminToken, { 'content-type': 'application/json' }), body: '{"name": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  });

  test('a schema-invalid body is 422 naming the field', async () => {
    const res = await t.request('/api/v1/users', { method: 'POST', headers: bearer(adminToken, { 'content-type': 'application/json' }), body: JSON.stringify({ email: 'x@example.test', name: 'X', password: 'short' }) });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details.field).toBe('password');
  });

  test('agents get 403 on admin operations; duplicates get 409', async () => {
    const forbidden = await t.request('/api/v1/users', { method: 'POST', headers: bearer(agentToken, { 'content-type': 'application/json' }), body: JSON.stringify({ email: 'y@example.test', name: 'Y', password: TEST_PASSWORD }) });
    expect(forbidden.status).toBe(403);
    const dup = await t.request('/api/v1/users', { method: 'POST', headers: bearer(adminToken, { 'content-type': 'application/json' }), body: JSON.stringify({ email: 'agent@example.test', name: 'Y', password: TEST_PASSWORD }) });
    expect(dup.status).toBe(409);
  });

  test('unknown ids are 404 JSON', async () => {
    const res = await t.request('/api/v1/conversations/nope', { headers: bearer(agentToken) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toEqual({ code: 'not_found', message: 'Conversation not found', details: {} });
  });
});

describe('OpenAPI', () => {
  test('the spec lists the v1 routes and the docs page renders', async () => {
    const spec = await (await t.request('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/conversations', '/api/v1/conversations/{id}/messages']));
    expect(Object.keys(spec.paths).some((p: string) => p.startsWith('/admin'))).toBe(false);
    const docs = await t.request('/api/docs');
    expect(await docs.text()).toContain('/api/openapi.json');
  });
});

describe('thread paging', () => {
  test('messages that share a second are not skipped when paging back', async () => {
    const { createWhatsAppChannel } = await import('../../src/core/channels');
    const { receiveInbound } = await import('../../src/core/messages');
    const channel = createWhatsAppChannel(t.app.core, { name: 'P', phoneNumberId: '3333333333', wabaId: '4444444444', accessToken: 'EAAG-token-x', appSecret: 'secret-secret', verifyToken: 'verify-token' }, null);
    let conversationId = '';
    for (let i = 0; i < 5; i++) {
      const r = receiveInbound(t.app.core, { channelId: channel.id, identity: { externalId: '5491100000000', rawId: '5491100000000' }, externalId: `wamid.P${i}`, type: 'text', content: `m${i}`, raw: '{}', sentAt: 1_749_416_383_000 });
      conversationId = r.conversation!.id;
    }
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const res = await t.request(`/api/v1/conversations/${conversationId}/messages?limit=2${before ? `&before=${before}` : ''}`, { headers: bearer(adminToken) });
      const { items } = (await res.json()) as { items: Array<{ id: string; content: string }> };
      if (items.length === 0) break;
      seen.unshift(...items.map((m) => m.content));
      before = items[0]!.id;
    }
    expect(seen.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });
});

describe('contacts visibility', () => {
  test('an agent outside a channel\'s teams cannot list, read or edit its contacts', async () => {
    const { createWhatsAppChannel } = await import('../../src/core/channels');
    const { receiveInbound } = await import('../../src/core/messages');
    const { createTeam } = await import('../../src/core/teams');
    const { channelTeams } = await import('../../src/db/schema');
    const channel = createWhatsAppChannel(t.app.core, { name: 'VIP', phoneNumberId: '7777777777', wabaId: '4444444444', accessToken: 'EAAG-token-x', appSecret: 'secret-secret', verifyToken: 'verify-token' }, null);
    const team = createTeam(t.app.core, { name: 'VIP team' }, null);
    t.app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: team.id }).run();
    const r = receiveInbound(t.app.core, { channelId: channel.id, identity: { externalId: '5491166666666', rawId: '5491166666666', profileName: 'Cliente VIP' }, externalId: 'wamid.VIP', type: 'text', content: 'hola', raw: '{}', sentAt: t.clock.now() });
    const contactId = r.contact!.id;
    const list = await (await t.request('/api/v1/contacts?q=VIP', { headers: bearer(agentToken) })).json();
    expect(list.items).toHaveLength(0);
    expect((await t.request(`/api/v1/contacts/${contactId}`, { headers: bearer(agentToken) })).status).toBe(404);
    const patch = await t.request(`/api/v1/contacts/${contactId}`, { method: 'PATCH', headers: bearer(agentToken, { 'content-type': 'application/json' }), body: JSON.stringify({ notes: 'x' }) });
    expect(patch.status).toBe(404);
    const admin = await (await t.request('/api/v1/contacts?q=VIP', { headers: bearer(adminToken) })).json();
    expect(admin.items.map((c: { id: string }) => c.id)).toEqual([contactId]);
  });
});
