/**
 * A person who follows a link with a value Turno does not understand gets a page in their language
 * saying so, with a way back (not a raw JSON error); the API and the UI's own scripts keep JSON.
 * An agent's counts refresh carries no badge for the "All" tab they do not have.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('invalid URL parameters', () => {
  test('a browser gets a friendly page; the API and htmx get JSON', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Links' });
    const page = await ana.client.get('/inbox?status=zzz', { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
    const body = await page.text();
    expect(body).toContain('Este enlace no parece correcto');
    expect(body).toContain('href="/inbox"');
    expect(body).not.toContain('{"error"');

    const search = await ana.client.get('/inbox/search?q=a&from=notadate', { accept: 'text/html' });
    expect(search.status).toBe(400);
    expect(await search.text()).toContain('<a href="/inbox/search">');

    const htmx = await ana.client.get('/inbox?status=zzz', { accept: 'text/html', 'hx-request': 'true' });
    expect(htmx.headers.get('content-type')).toContain('application/json');
    const api = await t.request('/api/v1/conversations?status=zzz', { headers: { accept: 'text/html' } });
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  test('an agent\'s counts refresh has no "All" badge; a supervisor\'s has', async () => {
    const agent = await t.signIn('agent');
    const boss = await t.signIn('supervisor');
    const agentCounts = await (await agent.client.get('/inbox/counts')).text();
    expect(agentCounts).toContain('id="count-mine"');
    expect(agentCounts).not.toContain('id="count-all"');
    expect(await (await boss.client.get('/inbox/counts')).text()).toContain('id="count-all"');
  });
});
