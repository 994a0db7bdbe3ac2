/**
 * Browser: an agent in Bogotá (UTC−5) sees message times and day separators in their own zone —
 * on the page and for bubbles pushed live — and the search form sends that zone for date filters.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

/** The thread read top to bottom: separators by their label, bubbles by their time. */
function threadOutline(page: Page, conversationId: string): Promise<string[]> {
  return page.evaluate((id) => Array.from(document.getElementById(`thread-${id}`)!.children).flatMap((el) => {
    if (el.classList.contains('day-separator')) return [`day ${el.textContent!.trim()}`];
    if (el.classList.contains('bubble')) return [`msg ${el.querySelector('.meta time')!.textContent!.trim()} ${el.querySelector('.text')?.textContent?.trim() ?? ''}`];
    return [];
  }), conversationId);
}

describe.skipIf(!enabled)('browser: times in the agent’s time zone', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('a message at 03:30 UTC shows 22:30 under the previous day in Bogotá, also when pushed live', async () => {
    const { channelId } = makeChannel(server);
    server.clock.set(Date.UTC(2026, 2, 9, 15, 0));
    const first = customerSays(server, channelId, 'por la tarde', { name: 'Carla' });
    server.clock.set(Date.UTC(2026, 2, 10, 3, 30));
    customerSays(server, channelId, 'por la noche', { name: 'Carla' });
    const id = first.conversation!.id;

    const { client } = await server.signIn('supervisor', { name: 'Ana' });
    const context = await browser.newContext({ locale: 'es-CO', timezoneId: 'America/Bogota', viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await page.waitForSelector('body[data-ws="open"]');
    expect(await threadOutline(page, id)).toEqual(['day 9 de marzo de 2026', 'msg 10:00 por la tarde', 'msg 22:30 por la noche']);

    server.clock.set(Date.UTC(2026, 2, 10, 13, 0));
    customerSays(server, channelId, 'buenos días', { name: 'Carla' });
    await page.waitForSelector(`#thread-${id} .bubble >> text=buenos días`);
    await page.waitForFunction((tid) => document.querySelectorAll(`#thread-${tid} .day-separator`).length === 2, id);
    expect(await threadOutline(page, id)).toEqual([
      'day 9 de marzo de 2026', 'msg 10:00 por la tarde', 'msg 22:30 por la noche', 'day 10 de marzo de 2026', 'msg 08:00 buenos días',
    ]);

    await page.goto(`${server.baseUrl}/inbox/search?q=noche`);
    expect(await page.inputValue('input[name="tz"]')).toBe('America/Bogota');
    expect((await page.textContent('.search-hit time'))!).toContain('22:30');
    await context.close();
  }, 60_000);
});
