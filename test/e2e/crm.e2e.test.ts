/**
 * Browser: the CRM plugin (plugins/crm) in a real Chromium. A deal is created and moved from the
 * contact-sidebar panel (htmx swaps, no page load), dragged to another column on the board, and
 * moved with the card's menu on a 375 px screen (the phone fallback).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();
const PLUGINS = join(import.meta.dir, '..', '..', 'plugins');

describe.skipIf(!enabled)('browser: CRM plugin', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer({ config: { pluginsDir: PLUGINS } }); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  /** The titles of the cards in the board column named `stage`. */
  const column = (page: Page, stage: string) => page.locator('.crm-column', { has: page.locator('h2', { hasText: stage }) });

  test('create and move a deal from the sidebar, drag it on the board, move it with the menu on a phone', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'I want 3 boxes', { from: '5491100008001', name: 'Rocío' }).conversation!.id;
    const { page } = await signedInPage(server, browser, { name: 'Ana CRM', role: 'agent' });

    await page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
    await page.click('#crm-panel summary');
    expect(await page.inputValue('#crm-new-title')).toBe('Rocío');
    await page.fill('#crm-new-value', '1500');
    await page.click('#crm-panel button:has-text("Create deal")');
    await page.waitForSelector('#crm-panel .crm-notice:has-text("Deal created.")');
    const deal = page.locator('#crm-panel .crm-deal', { hasText: 'Rocío' });
    await deal.locator('select[name=stageId]').selectOption({ label: 'Proposal' });
    await deal.locator('button:has-text("Move")').click();
    await page.waitForSelector('#crm-panel .crm-notice:has-text("Moved to Proposal.")');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The board: drag the card from Proposal to Negotiation (HTML5 drag and drop, then the page reloads).
    await page.click('nav a:has-text("Deals")');
    await page.waitForSelector('h1:has-text("Deals board")');
    expect(await column(page, 'Proposal').locator('.crm-total').textContent()).toContain('1,500.00');
    await column(page, 'Proposal').locator('.crm-card').dragTo(column(page, 'Negotiation'));
    await column(page, 'Negotiation').locator('.crm-card', { hasText: 'Rocío' }).waitFor();
    expect(await column(page, 'Proposal').locator('.crm-card').count()).toBe(0);
    expect(await column(page, 'Negotiation').locator('.crm-count').textContent()).toBe('1 deal');

    // A phone: no dragging; the card's "Move to stage" menu and button move it to Won.
    await page.setViewportSize({ width: 375, height: 740 });
    const card = column(page, 'Negotiation').locator('.crm-card');
    await card.locator('select').selectOption({ label: 'Won' });
    await card.locator('button:has-text("Move")').click();
    await column(page, 'Won').locator('.crm-card', { hasText: 'Rocío' }).waitFor();


    // Won closes it: the sidebar panel no longer lists it as open.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await page.waitForSelector('#crm-panel .crm-none');
  });
});
