/**
 * Authorisation matrix over every route of the Elysia app (`app.http.routes`, so a new route
 * without an entry in security-routes fails here). Each route gets its valid request; an agent
 * outside the channel's teams (cookie or API token) gets 403/404 — never a validation 422, never a
 * 2xx — on everything touching the foreign conversation, its messages, files or contact, sees none
 * of its text anywhere and changes none of its rows; then the same requests by their control
 * caller succeed, proving they were valid.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ROUTE_CASES } from './security-routes';
import { buildWorld, is2xx, send, SECRET_NAME, SECRET_TEXT, succeeded, touchesForeign, UNSAFE, type Route, type World } from './security-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w.t.close());

/** Every row that belongs to the foreign conversation, its messages or its contact, as JSON. */
function foreignRows(): string {
  const db = w.t.app.core.db.$client;
  const keys: Record<string, string[]> = {
    conversation_id: [w.ids.conversation], id: [w.ids.conversation, w.ids.contact, w.ids.attachment],
    message_id: [w.ids.message, w.ids.failedMessage, w.ids.botMessage], contact_id: [w.ids.contact],
  };
  // report_* rollups are derived from the timeline and recomputed by whoever reads a report first.
  const tables = db.query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'report\\_%' ESCAPE '\\' ORDER BY name").all();
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = db.query<{ name: string }, []>(`SELECT name FROM pragma_table_info('${name}')`).all().map((c) => c.name);
    for (const column of columns.filter((c) => c in keys)) {
      const values = keys[column]!;
      out[`${name}.${column}`] = db.query(`SELECT * FROM "${name}" WHERE "${column}" IN (${values.map(() => '?').join(',')})`).all(...values);
    }
  }
  out.jobs = db.query("SELECT type, payload FROM jobs WHERE payload LIKE '%' || ? || '%'").all(w.ids.conversation);
  return JSON.stringify(out);
}

function leaksOf(route: Route, res: { status: number; body: string }, foreignRule: boolean): string[] {
  const found: string[] = [];
  if (foreignRule && touchesForeign(route) && res.status !== 403 && res.status !== 404) found.push(`${route.method} ${route.path} → ${res.status}`);
  if (res.body.includes(SECRET_TEXT) || res.body.includes(SECRET_NAME) || res.body.includes('FOREIGN-FILE')) found.push(`${route.method} ${route.path} shows foreign data`);
  return found;
}

describe('authorisation matrix over every route', () => {
  test('every route has a valid-request entry, and every entry is a live route', () => {
    const live = new Set(w.routes.map((r) => `${r.method} ${r.path}`));
    expect(w.routes.length).toBeGreaterThan(100);
    expect([...live].filter((key) => !(key in ROUTE_CASES))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((key) => !live.has(key))).toEqual([]);
    const withoutControl = Object.entries(ROUTE_CASES).filter(([key, c]) => c.control === null && (!c.why || (touchesForeignKey(key))));
    expect(withoutControl.map(([key]) => key)).toEqual([]);
  });

  test('anonymous: no 2xx outside the public routes, and no private data anywhere', async () => {
    const leaks: string[] = [];
    expect(w.routes.length).toBeGreaterThan(100);
    for (const r of w.routes) {
      const res = await send(w, null, r);
      if (ROUTE_CASES[`${r.method} ${r.path}`]!.level !== 'public' && is2xx(res.status)) leaks.push(`${r.method} ${r.path} → ${res.status}`);
      leaks.push(...leaksOf(r, res, false));
    }
    expect(leaks).toEqual([]);
  });

  test('agent outside the channel teams, by cookie and by API token: 403/404 on foreign ids, no foreign text, no foreign row changed', async () => {
    const before = foreignRows();
    const leaks: string[] = [];
    expect(w.routes.length).toBeGreaterThan(100);
    for (const r of w.routes.filter((x) => x.path !== '/logout')) {
      leaks.push(...leaksOf(r, await send(w, 'agentOut', r), true));
      leaks.push(...leaksOf(r, await send(w, 'agentOut', r, { via: 'token' }), true).map((l) => `token: ${l}`));
    }
    expect(leaks).toEqual([]);
    expect(foreignRows()).toEqual(before);
  }, 60_000);

  test('controls: the same valid requests succeed for their control caller (so the refusals above were not validation)', async () => {
    const failed: string[] = [];
    let sent = 0;
    for (const r of orderedRoutes()) {
      const c = ROUTE_CASES[`${r.method} ${r.path}`]!;
      if (!c.control) continue;
      const res = await send(w, c.control === 'anonymous' ? null : c.control, r);
      sent++;
      if (!succeeded(res.status)) failed.push(`${c.control} ${r.method} ${r.path} → ${res.status} ${res.body.slice(0, 160)}`);
    }
    expect(sent).toBeGreaterThan(100);
    expect(failed).toEqual([]);
  }, 60_000);
});

const touchesForeignKey = (key: string) => {
  const [method, path] = key.split(' ') as [string, string];
  return touchesForeign({ method, path });
};

/** Routes in table order (controls may depend on earlier ones: update before delete). */
function orderedRoutes(): Route[] {
  return Object.keys(ROUTE_CASES).map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, path };
  }).filter((r) => UNSAFE.has(r.method) || r.method === 'GET');
}
