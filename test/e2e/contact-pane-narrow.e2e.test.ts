/**
 * Browser: the contact pane (labels, attributes, notes, previous conversations, plugin panels) on
 * tablet (1024 px) and phone (390 px) widths, where it does not fit beside the thread: hidden at
 * first, opened by the header's toggle as a slide-over that stays on screen and works (a label
 * toggles), closed by its close button and by Escape. At 1280 px it is a column and needs no toggle.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createLabel } from '../../src/core/labels';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

/** Whether the element is rendered and wholly inside the viewport. */
const onScreen = (page: Page, selector: string) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5;
});

describe.skipIf(!enabled)('browser: contact pane on narrow screens', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  for (const width of [1024, 390]) {
    test(`at ${width} px the header's toggle opens the contact pane, which works and closes again`, async () => {
      const { channelId } = makeChannel(server);
      const from = `54911000${width}1`;
      const first = customerSays(server, channelId, 'primera consulta', { from, name: 'Lucía' }).conversation!;
      server.app.core.db.run(`UPDATE conversations SET status = 'resolved' WHERE id = '${first.id}'`);
      server.clock.advance(10 * 24 * 3600_000);
      const id = customerSays(server, channelId, 'hola otra vez', { from, name: 'Lucía' }).conversation!.id;
      const label = createLabel(server.app.core, { name: `Tablet${width}`, color: '#2563eb' }, { type: 'system', name: 'test' });
      const a = await signedInPage(server, browser, { name: `Ana ${width}`, width });
      await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
      await a.page.waitForSelector('body[data-ws="open"]');

      expect(await a.page.isVisible('#contact-pane')).toBe(false);
      const toggle = `#thread-pane [data-contact-toggle]`;
      expect(await onScreen(a.page, toggle)).toBe(true);
      expect(await a.page.getAttribute(toggle, 'aria-expanded')).toBe('false');
      await a.page.click(toggle);
      await a.page.waitForSelector('#contact-pane', { state: 'visible' });
      expect(await a.page.getAttribute(toggle, 'aria-expanded')).toBe('true');
      expect(await onScreen(a.page, '#contact-pane')).toBe(true);
      expect(await a.page.isVisible(`#contact-pane .history a[href="/inbox/c/${first.id}"]`)).toBe(true);
      expect(await a.page.$('#contact-pane [data-slot="contact-sidebar"]')).not.toBeNull();

      await a.page.click(`#contact-pane .chip.label.off >> text=${label.name}`);
      await a.page.waitForSelector(`#contact-pane .chip.label.on >> text=${label.name}`);
      expect(await a.page.isVisible('#contact-pane')).toBe(true);

      await a.page.click('#contact-pane [data-contact-close]');
      await a.page.waitForSelector('#contact-pane', { state: 'hidden' });
      await a.page.click(toggle);
      await a.page.waitForSelector('#contact-pane', { state: 'visible' });
      await a.page.keyboard.press('Escape');
      await a.page.waitForSelector('#contact-pane', { state: 'hidden' });
      await a.context.close();
    }, 60_000);
  }

  test('at 1280 px the pane is a column beside the thread and the toggle is not shown', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100001280', name: 'Pablo' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Wide', width: 1280 });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    expect(await a.page.isVisible('#contact-pane')).toBe(true);
    expect(await a.page.isVisible('#thread-pane [data-contact-toggle]')).toBe(false);
    await a.context.close();
  }, 60_000);
});
