/**
 * Role × route policy (the `level` of each route in security-routes): agents and supervisors, by
 * cookie or API token, get exactly 403 on what is above their role (valid requests, so never a
 * 422); supervisors and admins really use what is theirs; anonymous callers are sent to sign in.
 * Bearer tokens also work on page routes, as their owner and without CSRF (a browser never adds
 * an Authorization header on its own, so they cannot be forged cross-site), but with the owner's
 * role; an invalid Bearer is refused even next to a valid cookie.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ROUTE_CASES, type Level } from './security-routes';
import { buildWorld, send, succeeded, UNSAFE, type Route, type World } from './security-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w.t.close());

const levelOf = (r: Route): Level => ROUTE_CASES[`${r.method} ${r.path}`]!.level;
const above: Record<'agentIn' | 'supervisor', Level[]> = { agentIn: ['supervisor', 'admin'], supervisor: ['admin'] };

describe('role × route policy', () => {
  for (const who of ['agentIn', 'supervisor'] as const) {
    for (const via of ['cookie', 'token'] as const) {
      test(`${who} by ${via}: exactly 403 on every route above the role`, async () => {
        const wrong: string[] = [];
        const targets = w.routes.filter((r) => above[who].includes(levelOf(r)));
        for (const r of targets) {
          const res = await send(w, who, r, { via });
          if (res.status !== 403) wrong.push(`${r.method} ${r.path} → ${res.status}`);
        }
        expect(targets.length).toBeGreaterThan(who === 'agentIn' ? 70 : 60);
        expect(wrong).toEqual([]);
      }, 60_000);
    }
  }

  test('supervisor: every page and API read for signed-in users and supervisors answers, and the supervisor routes act', async () => {
    const failed: string[] = [];
    const targets = w.routes.filter((x) => ['user', 'supervisor'].includes(levelOf(x)) && (x.method === 'GET' || levelOf(x) === 'supervisor')
      && ROUTE_CASES[`${x.method} ${x.path}`]!.control !== null);
    for (const r of targets) {
      const res = await send(w, 'supervisor', r);
      if (!succeeded(res.status)) failed.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(targets.length).toBeGreaterThan(20);
    expect(failed).toEqual([]);
    const availability = { method: 'PUT', path: '/api/v1/agents/:id/availability' };
    expect((await send(w, 'supervisor', availability)).status).toBe(200);
    expect((await send(w, 'agentOut', availability)).status).toBe(403);
  }, 60_000);

  test('admin: every GET with a fixture answers (page, fragment or redirect)', async () => {
    const failed: string[] = [];
    const targets = w.routes.filter((x) => x.method === 'GET' && levelOf(x) !== 'public' && ROUTE_CASES[`${x.method} ${x.path}`]!.control !== null);
    for (const r of targets) {
      const res = await send(w, 'admin', r);
      if (!succeeded(res.status)) failed.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(targets.length).toBeGreaterThan(30);
    expect(failed).toEqual([]);
  }, 60_000);

  test('anonymous: pages redirect to /login, the API answers 401, writes are refused', async () => {
    const wrong: string[] = [];
    const targets = w.routes.filter((x) => levelOf(x) !== 'public');
    expect(targets.length).toBeGreaterThan(100);
    for (const r of targets) {
      const res = await send(w, null, r);
      const ok = UNSAFE.has(r.method) ? res.status === 403 || res.status === 401
        : r.path.startsWith('/api/') ? res.status === 401 : res.status === 303 && (res.location ?? '').startsWith('/login?next=');
      if (!ok) wrong.push(`${r.method} ${r.path} → ${res.status} ${res.location ?? ''}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('Bearer tokens on page routes', () => {
  const newLabel = { method: 'POST', path: '/settings/labels' };
  test('an admin token acts on a page route without a CSRF token; an agent token is held to its role', async () => {
    expect((await send(w, 'admin', newLabel, { via: 'token' })).status).toBe(303);
    expect((await send(w, 'agentIn', newLabel, { via: 'token' })).status).toBe(403);
    expect((await send(w, 'agentIn', { method: 'POST', path: '/admin/users' }, { via: 'token' })).status).toBe(403);
  });

  test('an invalid Bearer next to a valid admin cookie and CSRF token is refused (the cookie is not used instead)', async () => {
    const admin = w.callers.admin;
    const res = await w.t.request('/settings/labels', {
      method: 'POST', body: new URLSearchParams({ name: 'bogus', color: '#123456' }).toString(),
      headers: { authorization: 'Bearer not-a-token', cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    expect(res.status).toBe(401);
    const names = w.t.app.core.db.$client.query<{ name: string }, []>('SELECT name FROM labels').all().map((l) => l.name);
    expect(names).not.toContain('bogus');
  });

  test('an admin token lists and creates through the admin API', async () => {
    expect((await send(w, 'admin', { method: 'GET', path: '/api/v1/channels' }, { via: 'token' })).status).toBe(200);
    expect((await send(w, 'admin', { method: 'POST', path: '/api/v1/teams' }, { via: 'token' })).status).toBe(201);
  });
});
