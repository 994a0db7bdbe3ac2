/**
 * Authorisation matrix over every route of the Elysia app (`app.http.routes`, so new routes are
 * covered automatically): anonymous callers get no 2xx outside the public allowlist; an agent
 * outside the channel's teams (by cookie or API token) never gets a 2xx on, nor sees a byte of,
 * a foreign conversation, its messages or its contact; agents get no 2xx on admin and supervisor
 * pages; every state-changing cookie route without the CSRF token is refused with 403.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

const SECRET_TEXT = 'SECRETO-FORANEO-42';
const SECRET_NAME = 'Zeta Foraneo';
/** Routes anyone may call (or that authenticate otherwise: the webhook checks its signature). */
const PUBLIC = new Set(['GET /healthz', 'GET /readyz', 'GET /manifest.webmanifest', 'GET /sw.js', 'GET /login', 'GET /setup', 'GET /api/openapi.json', 'GET /api/docs', 'GET /webhooks/whatsapp', 'POST /webhooks/whatsapp', 'GET /']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let ids: { conversation: string; message: string; contact: string; channel: string };
let cookies: Record<'admin' | 'supervisor' | 'agentIn' | 'agentOut', string>;
let outsiderToken: string;
let routes: { method: string; path: string }[];

/** Fills path params with the foreign conversation's ids (or a made-up id where none fits). */
function concrete(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    if (/\/(inbox\/c|conversations)\/:id/.test(path)) return ids.conversation;
    if (path.includes('/messages/:id') || path.startsWith('/media/')) return ids.message;
    if (path.includes('/contacts/:id')) return ids.contact;
    if (path.includes('/channels/:id')) return ids.channel;
    return name === 'op' ? 'delete' : '01900000-0000-7000-8000-000000000000';
  });
}

const foreignRoute = (path: string) => /:id/.test(path) && /\/(inbox\/c|conversations|messages|contacts|media)\b/.test(path) && !path.startsWith('/admin') && !path.startsWith('/settings');
const is2xx = (status: number) => status >= 200 && status < 300;

async function call(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } };
  if (UNSAFE.has(method)) init.body = 'content=hola&status=resolved';
  const res = await t.request(concrete(path), init);
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  t = await createTestApp();
  const channel = addTestChannel(t);
  const admin = await t.signIn('admin');
  const supervisor = await t.signIn('supervisor');
  const agentIn = await t.signIn('agent');
  const agentOut = await t.signIn('agent');
  const ventas = createTeam(t.app.core, { name: 'Ventas' }, null);
  const otros = createTeam(t.app.core, { name: 'Otros' }, null);
  addTeamMember(t.app.core, ventas.id, agentIn.user.id, null);
  addTeamMember(t.app.core, otros.id, agentOut.user.id, null);
  t.app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: ventas.id }).run();
  expect((await postWebhook(t, messagesEnvelope([textMessage('wamid.foreign.1', SECRET_TEXT, Math.floor(Date.now() / 1000))], { name: SECRET_NAME }))).status).toBe(200);
  t.app.ingest.processPending();
  await t.app.core.bus.drain();
  const db = t.app.core.db.$client;
  const message = db.query<{ id: string; conversation_id: string }, []>("SELECT id, conversation_id FROM messages WHERE external_id = 'wamid.foreign.1'").get()!;
  const conversation = db.query<{ contact_id: string }, [string]>('SELECT contact_id FROM conversations WHERE id = ?').get(message.conversation_id)!;
  db.query('UPDATE conversations SET assignee_id = NULL WHERE id = ?').run(message.conversation_id);
  ids = { conversation: message.conversation_id, message: message.id, contact: conversation.contact_id, channel: channel.id };
  const cookieOf = (c: { cookies: Record<string, string> }) => `turno_session=${c.cookies.turno_session}`;
  cookies = { admin: cookieOf(admin.client), supervisor: cookieOf(supervisor.client), agentIn: cookieOf(agentIn.client), agentOut: cookieOf(agentOut.client) };
  outsiderToken = createApiToken(t.app.core, agentOut.user.id, 'matrix', null).token;
  routes = (t.app.http.routes as { method: string; path: string }[]).filter((r) => r.method !== 'WS' && !r.path.includes('*'));
  const csrf = { admin: admin.client.csrf!, agentOut: agentOut.client.csrf!, agentIn: agentIn.client.csrf! };
  Object.assign(cookies, { csrf });
}, 60_000);
afterAll(() => t.close());

describe('authorisation matrix over every route', () => {
  test('the matrix covers the app (routes are enumerated, not listed by hand)', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.some((r) => r.path === '/inbox/c/:id')).toBe(true);
  });

  test('the agent inside the channel team can read the conversation (the fixture is visible at all)', async () => {
    const res = await call('GET', '/api/v1/conversations/:id/messages', { cookie: cookies.agentIn });
    expect(res.status).toBe(200);
    expect(res.body).toContain(SECRET_TEXT);
  });

  test('anonymous: no 2xx outside the public allowlist, and no private data anywhere', async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      const { status, body } = await call(r.method, r.path);
      if (!PUBLIC.has(`${r.method} ${r.path}`) && is2xx(status)) leaks.push(`${r.method} ${r.path} → ${status}`);
      if (body.includes(SECRET_TEXT) || body.includes(SECRET_NAME)) leaks.push(`${r.method} ${r.path} shows foreign data`);
    }
    expect(leaks).toEqual([]);
  });

  test('agent outside the channel teams (cookie): foreign conversation, messages and contact are never shown', async () => {
    const csrf = (cookies as unknown as { csrf: Record<string, string> }).csrf.agentOut;
    const leaks: string[] = [];
    for (const r of routes) {
      const headers = { cookie: cookies.agentOut, ...(UNSAFE.has(r.method) ? { 'x-csrf-token': csrf } : {}) };
      if (r.path === '/logout') continue;
      const { status, body } = await call(r.method, r.path, headers);
      if (foreignRoute(r.path) && is2xx(status)) leaks.push(`${r.method} ${r.path} → ${status}`);
      if (body.includes(SECRET_TEXT) || body.includes(SECRET_NAME)) leaks.push(`${r.method} ${r.path} shows foreign data`);
    }
    expect(leaks).toEqual([]);
  });

  test('agent outside the channel teams (API token): same, and no CSRF needed for Bearer', async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((x) => x.path.startsWith('/api/v1/'))) {
      const { status, body } = await call(r.method, r.path, { authorization: `Bearer ${outsiderToken}` });
      if (foreignRoute(r.path) && is2xx(status)) leaks.push(`${r.method} ${r.path} → ${status}`);
      if (body.includes(SECRET_TEXT) || body.includes(SECRET_NAME)) leaks.push(`${r.method} ${r.path} shows foreign data`);
    }
    expect(leaks).toEqual([]);
    expect((await call('GET', '/api/v1/me', { authorization: `Bearer ${outsiderToken}` })).status).toBe(200);
  });

  test('agents get no 2xx on admin and supervisor pages', async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET' && (x.path.startsWith('/admin') || x.path.startsWith('/supervisor')))) {
      const { status } = await call(r.method, r.path, { cookie: cookies.agentIn });
      if (is2xx(status)) leaks.push(`${r.method} ${r.path} → ${status}`);
    }
    expect(leaks).toEqual([]);
  });

  test('every state-changing cookie route without the CSRF token answers 403', async () => {
    const unprotected: string[] = [];
    for (const r of routes.filter((x) => UNSAFE.has(x.method) && x.path !== '/webhooks/whatsapp')) {
      for (const who of ['admin', 'agentOut'] as const) {
        const { status } = await call(r.method, r.path, { cookie: cookies[who] });
        if (status !== 403) unprotected.push(`${who} ${r.method} ${r.path} → ${status}`);
      }
    }
    expect(unprotected).toEqual([]);
  });
});
