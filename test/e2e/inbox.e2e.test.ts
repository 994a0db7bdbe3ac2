/**
 * Browser: two agents in two contexts. A customer message appears in both inboxes without reload,
 * A's reply is queued and shows live for B, B sees "A is typing", hostile names/texts run no
 * script, and the inbox works at 375 px (screenshot in /tmp for a visual check).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { messages } from '../../src/db/schema';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();
const XSS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];

describe.skipIf(!enabled)('browser: live inbox for two agents', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  async function agentPage(name: string, width = 1280): Promise<{ page: Page; context: BrowserContext; dialogs: string[] }> {
    const { page, context } = await signedInPage(server, browser, { name, width });
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    return { page, context, dialogs };
  }

  test('messages, replies and typing appear live; no script runs; phone layout', async () => {
    const { channelId } = makeChannel(server);
    const a = await agentPage('Ana');
    const b = await agentPage('Bruno', 375);
    await a.page.goto(`${server.baseUrl}/inbox?view=all`);
    await b.page.goto(`${server.baseUrl}/inbox?view=all`);
    await a.page.waitForSelector('body[data-ws="open"]');
    await b.page.waitForSelector('body[data-ws="open"]');

    const r = customerSays(server, channelId, 'Necesito ayuda con mi pedido', { name: 'Carla Cliente' });
    const id = r.conversation!.id;
    await a.page.waitForSelector(`#conv-${id}`);
    await b.page.waitForSelector(`#conv-${id}`);

    await a.page.click(`#conv-${id} a`);
    await a.page.waitForSelector(`#thread-${id}`);
    await b.page.click(`#conv-${id} a`);
    await b.page.waitForSelector(`#thread-${id}`);

    await a.page.fill(`#composer-${id} textarea`, 'Hola Carla');
    await b.page.waitForSelector(`#thread-activity-${id} .typing`);
    expect(await b.page.textContent(`#thread-activity-${id}`)).toContain('Ana is typing');
    await a.page.press(`#composer-${id} textarea`, 'Enter');
    await b.page.waitForSelector(`#thread-${id} .bubble.out >> text=Hola Carla`);
    const stored = server.app.core.db.select().from(messages).where(eq(messages.content, 'Hola Carla')).get();
    expect(stored?.status).toBe('queued');

    for (const payload of XSS) customerSays(server, channelId, payload, { name: payload, from: '5491100000002' });
    await a.page.waitForTimeout(300);
    await a.page.goto(`${server.baseUrl}/inbox?view=all`);
    await a.page.waitForSelector('.conv-row');
    expect(await a.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(a.dialogs).toEqual([]);
    expect(b.dialogs).toEqual([]);
    await b.page.screenshot({ path: '/tmp/turno-inbox-375.png', fullPage: false });
    const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await a.context.close(); await b.context.close();
  }, 60_000);
});
