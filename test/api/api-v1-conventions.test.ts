/**
 * The conventions every /api/v1 route follows: cursor pagination without duplicates or gaps over
 * 10 000 rows, per-token rate limits (RateLimit-* headers, 429 + Retry-After), ETag / If-Match
 * (412 on a stale version), token scopes, and API tokens managed through the API (shown once,
 * last use recorded, revocation immediate, every action audited).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { receiveInbound } from '../../src/core/messages';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel } from '../helpers/whatsapp';

let t: TestApp;
let admin: string;
let agent: string;
let adminId: string;

const api = (path: string, init: { method?: string; json?: unknown; headers?: Record<string, string>; as?: string } = {}) => t.request(`/api/v1${path}`, {
  method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
  headers: { authorization: `Bearer ${init.as ?? admin}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
  body: init.json === undefined ? undefined : JSON.stringify(init.json),
});

beforeAll(async () => {
  t = await createTestApp({ env: { TURNO_API_RATE_LIMIT: '1000' } });
  const a = await t.signIn('admin');
  adminId = a.user.id;
  admin = createApiToken(t.app.core, a.user.id, 'ci', null).token;
  agent = createApiToken(t.app.core, (await t.signIn('agent')).user.id, 'ci', null).token;
});
afterAll(async () => t.close());

describe('cursor pagination', () => {
  test('10 000 contacts page without duplicates or gaps, also while rows are added between pages', async () => {
    const db = t.app.core.db.$client;
    const insert = db.prepare("INSERT INTO contacts (id, name, custom_attributes, notes, created_at, updated_at) VALUES (?, ?, '{}', '', 0, 0)");
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const id = Bun.randomUUIDv7();
        ids.push(id);
        insert.run(id, `Contacto ${i}`);
      }
    })();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(`/contacts?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { as: admin });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      if (++pages === 10) insert.run(Bun.randomUUIDv7(), 'Llegó tarde');
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.includes(id)).length).toBe(10_000);
    expect(seen.length).toBe(10_001);
  }, 60_000);

  test('a malformed cursor is a 400 naming the field; every list answers {items, nextCursor}', async () => {
    const bad = await api('/contacts?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'bad_request', details: { field: 'cursor' } });
    for (const path of ['/users', '/teams', '/labels', '/canned-responses', '/conversations', '/tokens', '/audit-log', '/routing-rules', '/sla-policies', '/intents', '/kb/articles']) {
      const body = await (await api(`${path}?limit=1`)).json();
      expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
    }
  });

  test('small lists page by name too: two pages of users hold every user once', async () => {
    const first = await (await api('/users?limit=1')).json();
    const second = await (await api(`/users?limit=1&cursor=${first.nextCursor}`)).json();
    expect(first.items[0].id).not.toBe(second.items[0].id);
    expect(second.nextCursor).toBeNull();
  });
});

describe('rate limits per token', () => {
  test('RateLimit-* headers on every answer, then 429 with Retry-After; another token is not affected', async () => {
    const limited = await createTestApp({ env: { TURNO_API_RATE_LIMIT: '3' } });
    const user = await limited.signIn('admin');
    const [one, two] = [createApiToken(limited.app.core, user.user.id, 'a', null).token, createApiToken(limited.app.core, user.user.id, 'b', null).token];
    const get = (token: string) => limited.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    const answers = [await get(one), await get(one), await get(one)];
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    const refused = await get(one);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect((await get(two)).status).toBe(200);
    limited.clock.advance(60_000);
    expect((await get(one)).status).toBe(200);
    await limited.close();
  });
});

describe('ETag and If-Match', () => {
  test('contacts: a stale If-Match is 412 and changes nothing; the current one works', async () => {
    const created = await api('/contacts', { json: { name: 'Lucía', phone: '+5491100000001' } });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    const { id } = await created.json();
    const ok = await api(`/contacts/${id}`, { method: 'PATCH', json: { notes: 'primera' }, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await api(`/contacts/${id}`, { method: 'PATCH', json: { notes: 'pisada' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe('precondition_failed');
    expect((await (await api(`/contacts/${id}`)).json()).notes).toBe('primera');
  });

  test('conversations: priority with a stale ETag is 412; the GET\'s ETag works', async () => {
    const channel = addTestChannel(t, 'http://127.0.0.1:9', { phoneNumberId: '55500011' });
    const { conversation } = receiveInbound(t.app.core, { channelId: channel.id, identity: { externalId: '5491100000002', rawId: '5491100000002' }, externalId: 'wamid.ETAG', type: 'text', content: 'hola', raw: '{}', sentAt: t.clock.now() });
    const read = await api(`/conversations/${conversation!.id}`);
    const etag = read.headers.get('etag')!;
    const body = await read.json();
    expect(body.contact).toMatchObject({ id: conversation!.contactId, phone: null });
    expect((await api(`/conversations/${conversation!.id}`, { method: 'PATCH', json: { priority: 'high' }, headers: { 'if-match': etag } })).status).toBe(200);
    const stale = await api(`/conversations/${conversation!.id}`, { method: 'PATCH', json: { priority: 'low' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect((await (await api(`/conversations/${conversation!.id}`)).json()).priority).toBe('high');
  });
});

describe('API tokens', () => {
  test('created by API (secret shown once), listed without it, last use recorded, renamed, revoked at once, all audited', async () => {
    const created = await api('/tokens', { json: { name: 'CRM', scopes: ['read'] } });
    expect(created.status).toBe(201);
    const token = await created.json();
    expect(token.token).toStartWith('turno_');
    expect(token.scopes).toEqual(['read']);
    await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token.token}`, 'x-real-ip': '203.0.113.7' } });
    const listed = (await (await api('/tokens')).json()).items.find((x: { id: string }) => x.id === token.id);
    expect(listed.token).toBeUndefined();
    expect(JSON.stringify(await (await api('/tokens')).json())).not.toContain(token.token);
    expect(listed.lastUsedAt).toBe(t.clock.now());
    expect(listed.lastUsedIp).not.toBeNull();
    expect((await api(`/tokens/${token.id}`, { method: 'PATCH', json: { name: 'CRM prod' } })).status).toBe(200);
    expect((await api('/me', { json: undefined, as: token.token, method: 'GET' })).status).toBe(200);
    const write = await api('/labels', { json: { name: 'desde-crm' }, as: token.token });
    expect(write.status).toBe(403);
    expect((await api(`/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(200);
    const after = await api('/me', { as: token.token });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('unauthorized');
    const actions = t.app.core.db.$client.query<{ action: string }, [string]>("SELECT action FROM audit_log WHERE details LIKE '%' || ? || '%' ORDER BY created_at, rowid").all(token.id).map((r) => r.action);
    expect(actions).toEqual(['api_token.create', 'api_token.rename', 'api_token.revoke']);
  });

  test('agents manage only their own tokens, cannot get the admin scope, and a token cannot mint wider scopes', async () => {
    const own = await api('/tokens', { json: { name: 'mine', scopes: ['read', 'write'] }, as: agent });
    expect(own.status).toBe(201);
    expect((await api('/tokens', { json: { name: 'x', scopes: ['admin'] }, as: agent })).status).toBe(422);
    expect((await api('/tokens', { json: { name: 'x', userId: adminId }, as: agent })).status).toBe(403);
    expect((await api('/tokens?all=true', { as: agent })).status).toBe(403);
    const adminTokenId = (await (await api('/tokens')).json()).items[0].id;
    expect((await api(`/tokens/${adminTokenId}`, { method: 'DELETE', as: agent })).status).toBe(404);
    const narrow = (await (await api('/tokens', { json: { name: 'narrow', scopes: ['read', 'write'] } })).json()).token;
    const wider = await api('/tokens', { json: { name: 'wider', scopes: ['read', 'write', 'admin'] }, as: narrow });
    expect(wider.status).toBe(403);
    expect((await wider.json()).error.details.requiredScope).toBe('admin');
    expect((await api('/audit-log', { as: narrow })).status).toBe(403);
  });

  test('unauthenticated calls are JSON 401', async () => {
    const res = await t.request('/api/v1/conversations');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).error).toEqual({ code: 'unauthorized', message: 'Sign in required', details: {} });
  });
});
