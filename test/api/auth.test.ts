import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

describe('first-run setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  test('nothing but setup is reachable before the first admin exists', async () => {
    for (const path of ['/inbox', '/login', '/admin/users']) {
      const res = await t.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/setup');
    }
    for (const path of ['/api/v1/me', '/api/v1/conversations']) {
      const res = await t.request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await res.json()).error.code).toBe('setup_required');
    }
    expect((await t.request('/healthz')).status).toBe(200);
  });

  test('setup validates, creates the admin, signs in and audits', async () => {
    const browser = t.anonymous();
    await browser.loadCsrf('/setup');
    browser.csrf = null;
    const token = (await (await browser.get('/setup')).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const bad = await browser.form('/setup', { _csrf: token, name: 'Ana', email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(422);
    const body = await bad.text();
    expect(body).toContain('Ana');
    expect(body).toContain('aria-invalid="true"');
    const ok = await browser.form('/setup', { _csrf: token, name: 'Ana Admin', email: 'Ana@Example.com', password: TEST_PASSWORD, locale: 'es' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/inbox');
    expect(ok.headers.get('set-cookie')).toContain('HttpOnly');
    expect(ok.headers.get('set-cookie')).toContain('SameSite=Lax');
    const inbox = await browser.get('/inbox');
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('Bandeja');
    const again = await browser.get('/setup');
    expect(again.status).toBe(303);
    const audit = t.app.core.db.$client.query("SELECT action FROM audit_log WHERE action = 'user.create'").all();
    expect(audit).toHaveLength(1);
    expect(t.eventNames()).toContain('user.created');
  });
});

describe('sign in, CSRF, sessions, throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.signIn('admin', { email: 'boss@example.test' });
  });
  afterAll(async () => t.close());

  test('a POST without the CSRF token is refused with 403 and nothing changes', async () => {
    const browser = t.anonymous();
    const res = await browser.form('/login', { email: 'boss@example.test', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    const { client } = await t.signIn('admin');
    client.csrf = null;
    const create = await client.form('/admin/users', { name: 'X', email: 'x@example.test', password: TEST_PASSWORD, role: 'agent' });
    expect(create.status).toBe(403);
    expect(await create.text()).toContain('Recarga la página');
    expect(t.app.core.db.$client.query("SELECT id FROM users WHERE email = 'x@example.test'").all()).toHaveLength(0);
  });

  test('wrong password gives a generic message; login then goes back to the asked page', async () => {
    const browser = t.anonymous();
    await browser.loadCsrf('/login?next=/admin/users');
    const wrong = await browser.form('/login', { _csrf: browser.csrf!, email: 'boss@example.test', password: 'nope nope nope' }, { 'accept-language': 'en' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Email or password is incorrect');
    const unknown = await browser.form('/login', { _csrf: browser.csrf!, email: 'ghost@example.test', password: 'nope nope nope' }, { 'accept-language': 'en' });
    expect(await unknown.text()).toContain('Email or password is incorrect');
    const ok = await browser.form('/login', { _csrf: browser.csrf!, email: 'BOSS@example.test', password: TEST_PASSWORD, next: '/admin/users' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin/users');
    const evil = await browser.get('/login?next=//evil.example');
    expect(evil.headers.get('location')).toBe('/inbox');
  });

  test('an expired page session redirects to login with the way back', async () => {
    const { client } = await t.signIn('agent');
    t.clock.advance(8 * 24 * 3600_000);
    const res = await client.get('/inbox');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Finbox');
    t.clock.advance(-8 * 24 * 3600_000);
  });

  test('logout ends the session server-side', async () => {
    const { client } = await t.signIn('agent');
    const cookie = client.cookies.turno_session!;
    const out = await client.form('/logout', {});
    expect(out.status).toBe(303);
    const reuse = await t.request('/inbox', { headers: { cookie: `turno_session=${cookie}` } });
    expect(reuse.status).toBe(303);
  });

  test('repeated failures for one account are throttled (429) even with the right password', async () => {
    await t.signIn('agent', { email: 'target@example.test' });
    const browser = t.anonymous();
    await browser.loadCsrf('/login');
    for (let i = 0; i < 5; i++) await browser.form('/login', { _csrf: browser.csrf!, email: 'target@example.test', password: 'wrong password!' });
    const blocked = await browser.form('/login', { _csrf: browser.csrf!, email: 'target@example.test', password: TEST_PASSWORD }, { 'accept-language': 'en' });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Too many failed attempts');
    t.clock.advance(16 * 60_000);
    const later = await browser.form('/login', { _csrf: browser.csrf!, email: 'target@example.test', password: TEST_PASSWORD });
    expect(later.status).toBe(303);
  });
});

describe('roles and user administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  test('agents and supervisors cannot open admin pages', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const { client } = await t.signIn(role);
      expect((await client.get('/admin/users')).status).toBe(403);
    }
  });

  test('admin creates, changes role and deactivates a user; each action is audited', async () => {
    const { client } = await t.signIn('admin');
    const created = await client.form('/admin/users', { name: 'Luis <b>', email: 'luis@example.test', password: TEST_PASSWORD, role: 'agent', locale: 'pt-BR' });
    expect(created.status).toBe(303);
    const page = await (await client.get('/admin/users')).text();
    expect(page).toContain('Luis &lt;b&gt;');
    const luis = t.app.core.db.$client.query<{ id: string }, []>("SELECT id FROM users WHERE email = 'luis@example.test'").get()!;
    expect((await client.form(`/admin/users/${luis.id}`, { role: 'supervisor' })).status).toBe(303);
    expect((await client.form(`/admin/users/${luis.id}`, { active: 'false' })).status).toBe(303);
    const row = t.app.core.db.$client.query<{ role: string; active: number }, []>("SELECT role, active FROM users WHERE email = 'luis@example.test'").get()!;
    expect(row).toEqual({ role: 'supervisor', active: 0 });
    const actions = t.app.core.db.$client.query<{ action: string }, []>('SELECT action FROM audit_log ORDER BY created_at').all().map((r) => r.action);
    expect(actions.filter((a) => a === 'user.update')).toHaveLength(2);
    const auditPage = await (await client.get('/admin/audit')).text();
    expect(auditPage).toContain('data-action="user.update"');
  });

  test('the last admin cannot be demoted', async () => {
    const solo = await createTestApp();
    const { user, client } = await solo.signIn('admin');
    const res = await client.form(`/admin/users/${user.id}`, { role: 'agent' });
    expect(res.status).toBe(409);
    await solo.close();
  });
});

describe('errors and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.signIn('admin');
  });
  afterAll(async () => t.close());

  test('unknown page gives a friendly HTML 404; unknown API route gives JSON 404', async () => {
    const page = await t.request('/no/such/page', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const { client } = await t.signIn('agent');
    const apiMissing = await client.get('/api/v1/nothing-here');
    expect(apiMissing.status).toBe(404);
    expect((await apiMissing.json()).error.code).toBe('not_found');
  });

  test('readyz reports migrations applied', async () => {
    const res = await t.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', problems: [] });
  });
});

describe('hostile input at the edges', () => {
  test('post-login redirects stay on this site, whatever the encoding', async () => {
    const { safeNext } = await import('../../src/http/pages/auth');
    for (const evil of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', '/%09/evil.example']) {
      const next = safeNext(evil);
      expect(new URL(next, 'https://inbox.example').origin).toBe('https://inbox.example');
    }
    expect(safeNext('/inbox/c/1?x=1#m-2')).toBe('/inbox/c/1?x=1#m-2');
  });

  test('a malformed cookie from another app on the domain does not break the page', async () => {
    const t = await createTestApp();
    await t.signIn('admin');
    const res = await t.request('/login', { headers: { cookie: 'other=%E0%A4%A; turno_session=%zz' } });
    expect(res.status).toBe(200);
    await t.close();
  });
});

describe('client address', () => {
  test('forwarded headers are ignored unless TURNO_TRUST_PROXY is set', async () => {
    const { clientIp } = await import('../../src/http/request-context');
    const request = new Request('http://localhost/', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-real-ip': '192.0.2.1' } });
    const deps = (trustProxy: boolean) => ({ core: { config: { trustProxy } } }) as never;
    expect(clientIp(deps(false), request, '10.0.0.5')).toBe('10.0.0.5');
    expect(clientIp(deps(true), request, '10.0.0.5')).toBe('198.51.100.7');
  });

  test('rotating X-Real-IP does not escape the per-IP login throttle', async () => {
    const t = await createTestApp();
    await t.signIn('admin');
    const browser = t.anonymous();
    await browser.loadCsrf('/login');
    for (let i = 0; i < 20; i++) await browser.form('/login', { _csrf: browser.csrf!, email: `nobody${i}@example.test`, password: 'wrong password' }, { 'x-real-ip': `203.0.113.${i}` });
    const blocked = await browser.form('/login', { _csrf: browser.csrf!, email: 'someone@example.test', password: 'wrong password' }, { 'x-real-ip': '203.0.113.250' });
    expect(blocked.status).toBe(429);
    await t.close();
  });
});

describe('first-run setup race', () => {
  test('two setup submissions at once create exactly one admin', async () => {
    const t = await createTestApp();
    const a = t.anonymous();
    const b = t.anonymous();
    await a.loadCsrf('/setup');
    await b.loadCsrf('/setup');
    const form = (c: typeof a, email: string) => c.form('/setup', { _csrf: c.csrf!, name: 'Admin', email, password: TEST_PASSWORD, simulator: 'off' });
    const results = await Promise.all([form(a, 'a@example.test'), form(b, 'b@example.test')]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(t.app.core.db.$client.query('SELECT id FROM users').all()).toHaveLength(1);
    await t.close();
  });
});
