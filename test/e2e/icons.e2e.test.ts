/**
 * Browser: the interface's icons are inline SVG from the app's own sprite (lucide-static, copied at
 * install), not emoji, which show as empty boxes on systems without an emoji font. The chrome of the
 * inbox (top bar, list, thread header, ticks, composer) has no emoji outside the emoji picker and
 * the reaction buttons; every icon used is in the sprite and drawn; icon-only controls have names.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { sendMessage } from '../../src/core/messages';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: SVG icons instead of emoji', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('the inbox chrome has no emoji and every icon is drawn from the sprite', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100004001', name: 'Iris' }).conversation!.id;
    customerSays(server, channelId, '', { from: '5491100004001', type: 'location', payload: { latitude: -34.6, longitude: -58.4, name: 'Obelisco' } });
    const a = await signedInPage(server, browser, { name: 'Ana Iconos' });
    sendMessage(server.app.core, id, { type: 'user', user: a.user }, { content: 'Buenas, Iris' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await a.page.waitForSelector('.bubble.out .tick svg.icon');
    await a.page.waitForSelector('.notif-bell button.bell svg.icon');

    const emoji = await a.page.evaluate(() => {
      const parts = ['.topnav', '.list-pane .views', '.list-pane .search-box', '.thread-header', '.bubble .meta', '.bubble .location', '.composer'];
      return parts.flatMap((sel) => Array.from(document.querySelectorAll(sel)).map((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('.emoji-grid, .react-picker, .text').forEach((x) => x.remove());
        return (copy.textContent ?? '') + ((copy as HTMLElement).querySelector?.('input[placeholder]')?.getAttribute('placeholder') ?? '');
      })).join(' ').match(/\p{Extended_Pictographic}/gu) ?? [];
    });
    expect(emoji).toEqual([]);

    const sprite = await (await fetch(`${server.baseUrl}/static/vendor/icons.svg`)).text();
    const icons = await a.page.$$eval('svg.icon', (els) => els.filter((el) => (el as SVGElement).getBoundingClientRect().width > 0)
      .map((el) => ({ href: el.querySelector('use')?.getAttribute('href') ?? '', drawn: (el.querySelector('use') as SVGGraphicsElement | null)?.getBBox().width ?? 0 })));
    for (const name of ['bell', 'search', 'lock', 'paperclip', 'smile', 'map-pin']) {
      expect(icons.some((i) => i.href.endsWith(`#i-${name}`)) ? name : `${name} missing`).toBe(name);
    }
    for (const i of icons) {
      expect(sprite).toContain(`id="${i.href.split('#')[1]}"`);
      expect(i.drawn).toBeGreaterThan(0);
    }
    expect(await a.page.getAttribute('.notif-bell button.bell', 'aria-label')).toBeTruthy();
    expect(await a.page.getAttribute('.composer .emoji summary', 'aria-label')).toBeTruthy();
    expect(await a.page.getAttribute('.bubble.out .tick svg.icon', 'aria-label')).toBeTruthy();
    await a.context.close();
  }, 60_000);
});
