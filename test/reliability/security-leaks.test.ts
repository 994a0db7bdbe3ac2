/**
 * Search and media leaks: queries naming the foreign conversation's text, contact or ids return
 * nothing of it to an agent outside the channel's teams (cookie or token), while the same query by
 * a team member finds it (so the query itself works); the foreign file is a 404 for the outsider and
 * served to the member.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { buildWorld, SECRET_NAME, SECRET_TEXT, type World } from './security-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w.t.close());

async function get(who: 'agentIn' | 'agentOut', path: string, via: 'cookie' | 'token' = 'cookie') {
  const caller = w.callers[who];
  const res = await w.t.request(path, { headers: via === 'token' ? { authorization: `Bearer ${caller.token}` } : { cookie: caller.cookie } });
  return { status: res.status, body: await res.text() };
}

/** Foreign data in `body`, once the caller's own query (echoed in the search box) is taken out. */
function shows(body: string, path: string): string[] {
  const q = new URL(path, 'http://x').searchParams.get('q');
  const rest = q ? body.replaceAll(q, '') : body;
  return [SECRET_TEXT, SECRET_NAME, 'Foraneo', w.ids.conversation, w.ids.contact].filter((s) => rest.includes(s));
}

describe('search does not leak the foreign conversation', () => {
  const probes = () => [
    `/inbox/search?q=${encodeURIComponent(SECRET_TEXT)}`,
    `/inbox/search?q=${encodeURIComponent('Zeta')}`,
    `/inbox/search?q=${encodeURIComponent(SECRET_TEXT)}&channelId=${w.ids.channel}`,
    `/api/v1/contacts?q=${encodeURIComponent('Zeta')}`,
    `/api/v1/contacts?q=${encodeURIComponent(SECRET_NAME)}`,
    // The conversation list has no free-text `q`; its filters by the foreign ids are the probe.
    `/api/v1/conversations?contactId=${w.ids.contact}`,
    `/api/v1/conversations?channelId=${w.ids.channel}&view=all`,
  ];

  test('a team member finds it with each query (the probes work)', async () => {
    for (const path of probes()) {
      const res = await get('agentIn', path);
      expect(res.status, path).toBe(200);
      expect(shows(res.body, path).length, path).toBeGreaterThan(0);
    }
  });

  test('the outsider gets none of it, by cookie or token', async () => {
    const leaks: string[] = [];
    for (const path of probes()) {
      for (const via of ['cookie', 'token'] as const) {
        const res = await get('agentOut', path, via);
        if (res.status >= 500) leaks.push(`${via} ${path} → ${res.status}`);
        const seen = shows(res.body, path);
        if (seen.length) leaks.push(`${via} ${path} shows ${seen.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('media of the foreign conversation', () => {
  test('the outsider gets 404 for the file, a team member gets it', async () => {
    for (const via of ['cookie', 'token'] as const) {
      const outsider = await get('agentOut', `/media/${w.ids.attachment}`, via);
      expect(outsider.status).toBe(404);
      expect(outsider.body).not.toContain('FOREIGN-FILE');
      const member = await get('agentIn', `/media/${w.ids.attachment}`, via);
      expect(member.status).toBe(200);
      expect(member.body).toBe('FOREIGN-FILE');
    }
  });
});
