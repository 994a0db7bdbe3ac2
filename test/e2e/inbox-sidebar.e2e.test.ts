/**
 * Browser: the thread header and contact sidebar after opening a conversation from the list (htmx
 * swaps the thread pane and the sidebar out of band): the contact form saves, labels update the
 * acting agent's own sidebar, the status buttons follow the status (Reopen), and a transfer with a
 * note works at 375 px.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: thread header and contact sidebar', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const agentPage = (name: string, width = 1280) => signedInPage(server, browser, { name, width });

  /** Opens the inbox list and the conversation by clicking its row (htmx pane swap, no page load). */
  async function openFromList(page: Page, conversationId: string): Promise<void> {
    await page.goto(`${server.baseUrl}/inbox?view=all`);
    await page.waitForSelector('body[data-ws="open"]');
    await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
    await page.click(`#conv-${conversationId} a`);
    await page.waitForSelector(`#thread-pane[data-conversation-id="${conversationId}"]`);
    await page.waitForSelector(`#contact-pane form[hx-post^="/inbox/contacts/"]`, { state: 'attached' });
  }
  const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  test('after opening the conversation from the list, the contact form saves and labels toggle in place', async () => {
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

    await a.page.fill('#contact-pane input[name=name]', 'VIP');
    await a.page.press('#contact-pane input[name=name]', 'Enter');
    await a.page.waitForSelector('#contact-pane .chip.label.on >> text=VIP');
    expect(await a.page.inputValue('#contact-pane input[name=name]')).toBe('');
    await a.page.click('#contact-pane .chip.label.on >> text=VIP');
    await a.page.waitForSelector('#contact-pane .chip.label.off >> text=VIP');

    await a.page.reload();
    expect(await a.page.inputValue('#contact-pane input[name="attr:ciudad"]')).toBe('Rosario');
    expect(await a.page.inputValue('#contact-pane textarea[name=notes]')).toBe('Prefiere WhatsApp por la tarde');
    await a.context.close();
  }, 60_000);
  test('at 375 px: Resolve → Reopen and a transfer with a note update the screen without reload', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'necesito ayuda', { from: '5491100007002', name: 'Mateo' }).conversation!.id;
    const bruno = await server.signIn('agent', { name: 'Bruno Receptor' });
    const a = await agentPage('Ana Header', 375);
    await openFromList(a.page, id);
    await a.page.click('.thread-header [data-actions-toggle]'); // on a phone the actions sit behind ⋮

    await a.page.click(`#status-actions-${id} button[hx-vals*="resolved"]`);
    await a.page.waitForSelector(`#status-actions-${id}[data-status="resolved"]`);
    expect(await a.page.$$eval(`#status-actions-${id} button`, (els) => els.map((e) => e.textContent?.trim()))).toEqual(['Reopen']);
    expect(await a.page.textContent(`#thread-status-${id}`)).toBe('Resolved');
    await a.page.click(`#status-actions-${id} button >> text=Reopen`);
    await a.page.waitForSelector(`#status-actions-${id}[data-status="open"] button >> text=Resolve`);
    expect(await a.page.textContent(`#thread-status-${id}`)).toBe('Open');

    await a.page.click(`#transfer-${id} summary`);
    await a.page.selectOption(`#transfer-${id} select[name=target]`, `user:${bruno.user.id}`);
    await a.page.fill(`#transfer-${id} textarea[name=note]`, 'Revisar la garantía');
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await a.page.click(`#transfer-${id} button[type=submit]`);
    await a.page.waitForSelector(`#transfer-${id} summary >> text=Bruno Receptor`);
    await a.page.waitForSelector(`#thread-${id} .bubble.private >> text=Revisar la garantía`);
    expect(await sameDocument(a.page)).toBe(true);
    await a.context.close();
  }, 60_000);
});
