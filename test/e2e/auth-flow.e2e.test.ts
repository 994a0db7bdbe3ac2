import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: first-run setup and sign in', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('setup page → create admin → log out → log in (Spanish UI, phone width)', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.baseUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expect(page.locator('h1').textContent()).resolves.toBe('Bienvenido a Turno');
    await page.fill('#f-name', 'Ana Admin');
    await page.fill('#f-email', 'ana@example.test');
    await page.fill('#f-password', 'short');
    await page.click('button[type=submit]');
    await page.waitForSelector('small.error');
    await page.fill('#f-password', 'una contraseña larga');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/inbox/);
    await page.click('.menu-toggle');
    await page.click('text=Cerrar sesión');
    await page.waitForURL(/\/login/);
    await page.fill('#f-email', 'ana@example.test');
    await page.fill('#f-password', 'wrong password');
    await page.click('button[type=submit]');
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('no son correctos');
    await page.fill('#f-email', 'ana@example.test');
    await page.fill('#f-password', 'una contraseña larga');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/inbox/);
    const css = await page.evaluate(() => getComputedStyle(document.querySelector('.topnav')!).display);
    expect(css).toBe('flex');
    await page.screenshot({ path: '/tmp/turno-e2e-auth.png' });
    // Admin pages at phone width: every tab and every users-table column are on screen.
    await page.goto(`${server.baseUrl}/admin/users`);
    const fits = await page.evaluate(() => {
      const inside = (el: Element) => el.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
      return { tabs: Array.from(document.querySelectorAll('.subnav a')).every(inside), cells: Array.from(document.querySelectorAll('#users-table td')).every(inside), n: document.querySelectorAll('.subnav a').length };
    });
    expect(fits).toEqual({ tabs: true, cells: true, n: expect.any(Number) });
    expect(fits.n).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
