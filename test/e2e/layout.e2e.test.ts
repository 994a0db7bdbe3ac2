/**
 * Browser: the layout problems a new team meets. At 1280 px the status buttons stay on one line
 * (Snooze beside Resolve / Pending); on a phone the conversation header is one line with its
 * actions behind a ⋮ menu; the "viewing" indicator has no stray separator when one's own entry is
 * hidden; settings and admin pages share one navigation reachable from the top bar.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: layout', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('at 1280 px Snooze sits on the line of Resolve and Pending', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100010001', name: 'María Fernanda Gómez' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Ancho', width: 1280 });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    const tops = await a.page.$$eval(`#status-actions-${id} > button, #status-actions-${id} .snooze summary`, (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size).toBe(1);
    await a.context.close();
  }, 60_000);

  test('on a phone the header is one short line; the ⋮ menu opens the actions on screen', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100010002', name: 'María Fernanda Gómez' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Móvil', width: 390 });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    const height = () => a.page.$eval('.thread-header', (h) => h.getBoundingClientRect().height);
    expect(await height()).toBeLessThan(800 / 8);
    expect(await a.page.isVisible(`#status-actions-${id}`)).toBe(false);
    await a.page.click('.thread-header [data-actions-toggle]');
    await a.page.waitForSelector(`#status-actions-${id}`, { state: 'visible' });
    const resolve = await a.page.$eval(`#status-actions-${id} button`, (b) => { const r = b.getBoundingClientRect(); return r.right <= innerWidth && r.left >= 0; });
    expect(resolve).toBe(true);
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await a.context.close();
  }, 60_000);

  test('the viewing indicator starts with a name, not a separator', async () => {
    const { channelId } = makeChannel(server);
    const id = customerSays(server, channelId, 'hola', { from: '5491100010003' }).conversation!.id;
    const a = await signedInPage(server, browser, { name: 'Ana Vista' });
    const b = await signedInPage(server, browser, { name: 'Bruno Vista' });
    await a.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await a.page.waitForSelector('body[data-ws="open"]');
    await b.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await a.page.waitForSelector(`#thread-activity-${id} .activity[data-user="${b.user.id}"]`);
    const first = await a.page.$$eval(`#thread-activity-${id} .activity`, (els) => {
      const shown = els.filter((e) => getComputedStyle(e).display !== 'none');
      return { n: shown.length, before: shown[0] ? getComputedStyle(shown[0], '::before').content : '' };
    });
    expect(first.n).toBe(1);
    expect(first.before).toBe('none');
    await a.context.close(); await b.context.close();
  }, 60_000);

  test('one settings navigation: the same links on admin and personal pages, from the top bar', async () => {
    const admin = await signedInPage(server, browser, { role: 'admin', name: 'Alba Nav' });
    await admin.page.goto(`${server.baseUrl}/inbox`);
    await admin.page.click('.topnav a[href="/admin/users"]');
    await admin.page.waitForURL(/\/admin\/users/);
    const linksOn = () => admin.page.$$eval('.settings-nav a', (els) => els.map((e) => e.getAttribute('href')));
    const onUsers = await linksOn();
    expect(onUsers).toEqual(expect.arrayContaining(['/profile', '/settings/canned', '/settings/labels', '/admin/users', '/admin/channels']));
    await admin.page.click('.settings-nav a[href="/settings/labels"]');
    await admin.page.waitForURL(/\/settings\/labels/);
    expect(await linksOn()).toEqual(onUsers);
    await admin.page.click('.settings-nav a[href="/settings/canned"]');
    await admin.page.waitForURL(/\/settings\/canned/);
    expect(await linksOn()).toEqual(onUsers);
    await admin.context.close();

    const agent = await signedInPage(server, browser, { role: 'agent', name: 'Ana Nav' });
    await agent.page.goto(`${server.baseUrl}/inbox`);
    await agent.page.click('.topnav a[href="/profile"] >> nth=0');
    await agent.page.waitForSelector('.settings-nav a[href="/settings/canned"]');
    expect(await agent.page.$$eval('.settings-nav a', (els) => els.map((e) => e.getAttribute('href')))).toEqual(['/profile', '/settings/canned', '/settings/tokens']);
    await agent.context.close();
  }, 60_000);
});
