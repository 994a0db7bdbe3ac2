/**
 * Browser: the conversation list's infinite scroll (keyset pages inside the scrolling list pane,
 * loaded once each, no duplicates, stops at the end) and the socket coming back after a graceful
 * server restart (close code 1001, which the ws extension alone never retries) with the message
 * that arrived meanwhile in the thread and the list, without a reload. Attachments dropped or
 * pasted on the composer are uploaded and sent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: infinite scroll and reconnect', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const rowIds = (page: Page) => page.$$eval('#conv-list > .conv-row', (rows) => rows.map((r) => r.id));
  const scrollListToEnd = (page: Page) => page.$eval('#list-pane', (pane) => { pane.scrollTop = pane.scrollHeight; });

  test('scrolling the list loads each next page once, without duplicates, and stops at the end', async () => {
    const { channelId } = makeChannel(server);
    for (let i = 0; i < 95; i++) {
      server.clock.advance(1000);
      customerSays(server, channelId, `pedido ${i}`, { from: `549110010${String(i).padStart(4, '0')}`, name: `Cliente ${i}` });
    }
    const a = await signedInPage(server, browser, { name: 'Ana Scroll' });
    const pages: string[] = [];
    a.page.on('request', (r) => { if (r.url().includes('/inbox/list?')) pages.push(r.url()); });
    await a.page.goto(`${server.baseUrl}/inbox?view=all`);
    await a.page.waitForSelector('body[data-ws="open"]');
    expect((await rowIds(a.page)).length).toBe(40);

    await scrollListToEnd(a.page);
    await a.page.waitForFunction(() => document.querySelectorAll('#conv-list > .conv-row').length === 80);
    await scrollListToEnd(a.page);
    await a.page.waitForFunction(() => document.querySelectorAll('#conv-list > .conv-row').length === 95);
    await a.page.waitForSelector('#conv-list > .load-more', { state: 'detached' });
    await scrollListToEnd(a.page);
    await a.page.waitForTimeout(300);

    const ids = await rowIds(a.page);
    expect(ids.length).toBe(95);
    expect(new Set(ids).size).toBe(95);
    expect(pages.length).toBe(2);
    expect(await a.page.textContent('#conv-list > .conv-row:last-child')).toContain('Cliente 0');
    await a.context.close();
  }, 60_000);

  test('after a server restart the tab reconnects and catches up on the message it missed', async () => {
    const { channelId } = makeChannel(server);
    const first = customerSays(server, channelId, 'hola', { from: '5491100020001', name: 'Renata' });
    const id = first.conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Restart' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}?view=all`);
    await a.page.waitForSelector('body[data-ws="open"]');
    await a.page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });

    const port = Number(new URL(server.baseUrl).port);
    await server.app.http.stop(true);
    await a.page.waitForSelector('body[data-ws="closed"]');
    server.clock.advance(60_000);
    customerSays(server, channelId, 'sigo esperando mi pedido', { from: '5491100020001', name: 'Renata' });
    server.app.listen(port);

    await a.page.waitForSelector(`#thread-${id} .bubble >> text=sigo esperando mi pedido`, { timeout: 20_000 });
    await a.page.waitForSelector(`#conv-${id} .row-preview >> text=sigo esperando mi pedido`);
    expect(await a.page.getAttribute('body', 'data-ws')).toBe('open');
    expect(await a.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await a.context.close();
  }, 60_000);
});
