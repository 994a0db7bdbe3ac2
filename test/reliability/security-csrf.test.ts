/**
 * CSRF over every state-changing cookie route (webhooks authenticate by signature instead): no
 * token, a wrong token and another signed-in user's valid token are all refused with the CSRF error
 * itself (code `csrf`, not some other 403); the caller's own token gets past the check.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { buildWorld, send, UNSAFE, type Route, type Who, type World } from './security-world';

let w: World;
let unsafe: Route[];
beforeAll(async () => {
  w = await buildWorld();
  // Logout last: the positive pass really signs the caller out.
  unsafe = w.routes.filter((r) => UNSAFE.has(r.method) && r.path !== '/webhooks/whatsapp').sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
}, 60_000);
afterAll(() => w.t.close());

async function csrfCode(who: Who, route: Route, csrf: string | null): Promise<string> {
  const res = await send(w, who, route, { csrf, json: true });
  const code = res.status === 403 ? (JSON.parse(res.body) as { error?: { code?: string } }).error?.code : undefined;
  return `${res.status}:${code ?? '-'}`;
}

describe('CSRF on every state-changing cookie route', () => {
  test('the sweep covers the state-changing routes', () => {
    expect(unsafe.length).toBeGreaterThan(60);
  });

  for (const who of ['admin', 'agentIn'] as const) {
    test(`${who}: missing, wrong and another user's token are refused as CSRF`, async () => {
      const other = w.callers[who === 'admin' ? 'agentIn' : 'admin'].csrf;
      const own = w.callers[who].csrf;
      const wrong = [...own].map((ch) => (ch === 'a' ? 'b' : 'a')).join('');
      const accepted: string[] = [];
      for (const r of unsafe.filter((x) => x.path !== '/logout')) {
        for (const [label, token] of [['none', null], ['wrong', wrong], ['other user\'s', other], ['empty', '']] as const) {
          const got = await csrfCode(who, r, token);
          if (got !== '403:csrf') accepted.push(`${label} token ${r.method} ${r.path} → ${got}`);
        }
      }
      expect(accepted).toEqual([]);
    }, 60_000);
  }

  test('the caller\'s own token passes the CSRF check on every route (positive control)', async () => {
    const refused: string[] = [];
    for (const r of unsafe) {
      const got = await csrfCode('spare', r, w.callers.spare.csrf);
      if (got === '403:csrf') refused.push(`${r.method} ${r.path}`);
    }
    expect(refused).toEqual([]);
  }, 60_000);
});
