/**
 * Browser: phone (390 px) and tablet (1024 px) widths for the inbox list, the thread (its contact
 * pane has its own test) and every settings page an admin can open from the settings navigation:
 * nothing runs off the right edge of the page and every navigation link is on screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: phone and tablet widths', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  for (const width of [390, 1024]) {
    test(`at ${width} px the inbox, a thread and every settings page fit the screen`, async () => {
      const { channelId } = makeChannel(server);
      const id = customerSays(server, channelId, 'Hola, necesito cambiar la dirección de entrega de mi pedido', { from: `54911${width}0001`, name: 'María Fernanda Gómez Rodríguez' }).conversation!.id;
      const a = await signedInPage(server, browser, { role: 'admin', name: `Alba ${width}`, width });
      const overflowing = async (path: string) => {
        await a.page.goto(`${server.baseUrl}${path}`);
        return a.page.evaluate(() => {
          const out: string[] = [];
          if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`page is ${document.documentElement.scrollWidth}px wide`);
          document.querySelectorAll('.settings-nav a, .subnav a').forEach((l) => { if (l.getBoundingClientRect().right > innerWidth + 1) out.push(`link ${l.textContent} off screen`); });
          return out.map((o) => `${location.pathname}: ${o}`);
        });
      };
      const problems = [...await overflowing('/inbox'), ...await overflowing(`/inbox/c/${id}`)];
      await a.page.goto(`${server.baseUrl}/admin/users`);
      const pages = await a.page.$$eval('.settings-nav a', (links) => links.map((l) => l.getAttribute('href')!));
      expect(pages.length).toBeGreaterThan(8);
      for (const path of pages) problems.push(...await overflowing(path));
      expect(problems).toEqual([]);
      await a.context.close();
    }, 120_000);
  }
});
