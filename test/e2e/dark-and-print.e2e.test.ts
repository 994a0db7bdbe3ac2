/**
 * Browser: dark mode follows the system setting (dark page, light text, dark fields and bubbles),
 * and a conversation has a printable transcript for the customer: every customer-facing message,
 * no private notes, and in print only the conversation (no navigation or buttons), also as PDF.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { sendMessage } from '../../src/core/messages';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

/** Relative luminance (0 black … 1 white) of an element's computed colour property. */
const luminance = (page: Page, selector: string, prop: 'backgroundColor' | 'color') => page.$eval(selector, (el, p) => {
  const [r, g, b] = (getComputedStyle(el)[p].match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}, prop);

describe.skipIf(!enabled)('browser: dark mode and a printable transcript', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('the inbox follows the system\'s dark setting', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola de noche', { from: '5491100006001' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Noche' });
    await a.page.emulateMedia({ colorScheme: 'light' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    expect(await luminance(a.page, 'body', 'backgroundColor')).toBeGreaterThan(0.8);
    await a.page.emulateMedia({ colorScheme: 'dark' });
    await a.page.waitForFunction(() => getComputedStyle(document.body).colorScheme === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches);
    expect(await luminance(a.page, 'body', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(a.page, 'body', 'color')).toBeGreaterThan(0.6);
    expect(await luminance(a.page, '.composer textarea', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(a.page, '.bubble.in', 'backgroundColor')).toBeLessThan(0.05);
    await a.context.close();
  }, 60_000);

  test('the transcript has the customer conversation without notes and prints only that', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, '¿Me mandan la factura?', { from: '5491100006002', name: 'Tomás' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Impresión' });
    const actor = { type: 'user' as const, user: a.user };
    sendMessage(server.app.core, id, actor, { content: 'ojo: cliente moroso', private: true });
    sendMessage(server.app.core, id, actor, { content: 'Claro, te la enviamos hoy' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    const popup = a.page.waitForEvent('popup');
    await a.page.click(`#thread-pane a.transcript-link`);
    const transcript = await popup;
    await transcript.waitForSelector('.transcript-thread .bubble');
    const texts = await transcript.$$eval('.transcript-thread .bubble .text', (els) => els.map((e) => e.textContent));
    expect(texts).toEqual(['¿Me mandan la factura?', 'Claro, te la enviamos hoy']);
    expect(await transcript.textContent('h1')).toContain('Tomás');

    await transcript.emulateMedia({ media: 'print' });
    expect(await transcript.isVisible('.topnav')).toBe(false);
    expect(await transcript.isVisible('.no-print')).toBe(false);
    expect(await transcript.isVisible('.bubble-actions button')).toBe(false);
    expect(await transcript.isVisible('.transcript-thread .bubble >> text=Claro, te la enviamos hoy')).toBe(true);
    const pdf = await transcript.pdf();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await a.context.close();
  }, 60_000);
});
