/**
 * Browser: the conversation list's infinite scroll (keyset pages inside the scrolling list pane,
 * loaded once each, no duplicates, stops at the end) and the socket coming back after a graceful
 * server restart (close code 1001, which the ws extension alone never retries) with the message
 * that arrived meanwhile in the thread and the list, without a reload. Attachments dropped or
 * pasted on the composer are uploaded and sent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { messages } from '../../src/db/schema';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: infinite scroll, reconnect, dropped and pasted files', () => {
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
  test('a file dropped on the composer and an image pasted into it are uploaded and sent', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'te mando la factura?', { from: '5491100020002', name: 'Tomás' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Files' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await a.page.waitForSelector('body[data-ws="open"]');
    const dropped = await a.page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['%PDF-1.4 factura'], 'factura-0042.pdf', { type: 'application/pdf' }));
      return d;
    });
    await a.page.dispatchEvent(`#composer-${id}`, 'drop', { dataTransfer: dropped });
    await a.page.waitForSelector(`#composer-${id} .attachments .chip >> text=factura-0042.pdf`);
    await a.page.$eval(`#composer-${id} textarea`, (box) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'captura.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true }));
    });
    await a.page.waitForSelector(`#composer-${id} .attachments .chip >> text=captura.png`);
    await a.page.press(`#composer-${id} textarea`, 'Enter');
    await a.page.waitForSelector(`#thread-${id} .bubble.out >> text=factura-0042.pdf`);
    const sent = server.app.core.db.select().from(messages).where(eq(messages.conversationId, id)).all().filter((m) => m.direction === 'outbound');
    expect(sent.map((m) => m.type).sort()).toEqual(['document', 'image']);
    expect(await a.page.$$(`#composer-${id} .attachments .chip`)).toHaveLength(0);
    await a.context.close();
  }, 60_000);
});
