/**
 * Browser: rough edges a new team meets in the first hour. An agent's inbox and thread raise no
 * `htmx:oobErrorNoTarget` when counts refresh (agents have no "All" tab); picking an @mention and
 * typing a space leaves one space; a link with a bad parameter shows a page, not JSON.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: rough edges of the first hour', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('an agent\'s thread refreshes its counts without htmx:oobErrorNoTarget', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100003001' }).conversation!.id;
    const a = await signedInPage(server, browser, { role: 'agent', name: 'Ana Counts' });
    await a.page.addInitScript(() => {
      const w = window as unknown as { __oobErrors: string[] };
      w.__oobErrors = [];
      document.addEventListener('htmx:oobErrorNoTarget', (e) => w.__oobErrors.push(String((e as CustomEvent).detail?.content?.id ?? '?')));
    });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await a.page.waitForSelector('body[data-ws="open"]');
    const refreshed = a.page.waitForResponse((r) => r.url().includes('/inbox/counts'));
    await a.page.evaluate(() => (window as unknown as { htmx: { ajax: (m: string, u: string, o: object) => void } }).htmx.ajax('GET', '/inbox/counts', { target: '#rt-counts', swap: 'none' }));
    await refreshed;
    await a.page.waitForFunction(() => document.getElementById('count-mine') !== null);
    expect(await a.page.evaluate(() => (window as unknown as { __oobErrors: string[] }).__oobErrors)).toEqual([]);
    await a.context.close();
  }, 60_000);

  test('picking an @mention and typing a space leaves a single space', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'consulta', { from: '5491100003002' }).conversation!.id;
    await server.signIn('agent', { name: 'Carla Mención' });
    const a = await signedInPage(server, browser, { name: 'Ana Nota' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    const area = `#composer-${id} textarea`;
    await a.page.click(`#composer-${id} .composer-modes button:nth-child(2)`);
    await a.page.click(area);
    await a.page.keyboard.type('@Car');
    await a.page.waitForSelector(`#composer-${id} .mention-picker li[role=option] >> text=Carla Mención`);
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type(' mirá esto');
    expect(await a.page.inputValue(area)).toBe('@Carla Mención mirá esto');
    await a.context.close();
  }, 60_000);

  test('a link with a bad parameter shows a page with a way back', async () => {
    const a = await signedInPage(server, browser, { name: 'Ana Link' });
    const res = await a.page.goto(`${server.baseUrl}/inbox?status=cerrado`);
    expect(res?.status()).toBe(400);
    await a.page.waitForSelector('.error-page a[href="/inbox"]');
    expect(await a.page.textContent('body')).not.toContain('"error"');
    await a.context.close();
  }, 60_000);
});
