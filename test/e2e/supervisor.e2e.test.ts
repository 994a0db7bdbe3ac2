/**
 * Browser: a supervisor reassigns on /supervisor (bulk, then drag-and-drop) and both agents see it
 * live in their inboxes without reloading — the losing agent's "Mine" list drops the row, the
 * receiving agent's gains it — while the supervisor's board updates from the socket push.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { assignConversation } from '../../src/core/assignment';
import { getConversationOrThrow } from '../../src/core/conversations';
import { unreadCount } from '../../src/core/routing/notify';
import { alertIfUnattended } from '../../src/core/routing/timers';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: supervisor reassigns live', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  async function open(role: 'agent' | 'supervisor', name: string, path: string): Promise<{ page: Page; id: string; marker: () => Promise<unknown> }> {
    const { user, client } = await server.signIn(role, { name });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
    // Record browser notifications instead of showing them (permission "granted").
    await context.addInitScript(() => {
      const w = window as unknown as { __notified: string[]; Notification: unknown };
      w.__notified = [];
      w.Notification = Object.assign(function (this: unknown, title: string, opts: { body?: string }) { w.__notified.push(`${title}: ${opts?.body ?? ''}`); }, { permission: 'granted', requestPermission: async () => 'granted' });
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForSelector('#notif-bell .bell');
    await page.waitForSelector('body[data-ws="open"]');
    // A marker that a reload would erase: proves the page was updated in place.
    await page.evaluate(() => { (window as unknown as { __noReload: boolean }).__noReload = true; });
    return { page, id: user.id, marker: () => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload) };
  }

  test('bulk reassign and drag-and-drop move a conversation between two agents, live everywhere', async () => {
    const ana = await open('agent', 'Ana', '/inbox?view=mine');
    const bea = await open('agent', 'Bea', '/inbox?view=mine');
    const { channelId } = makeChannel(server, { teamOnly: true, members: [ana.id, bea.id] });
    const conv = customerSays(server, channelId, 'Hola, ¿me ayudan con la factura?', { name: 'Carla' }).conversation!;
    const sup = await server.signIn('supervisor', { name: 'Sol' });
    assignConversation(server.app.core, conv.id, { assigneeId: ana.id }, { type: 'user', user: sup.user });
    await ana.page.waitForSelector(`#conv-${conv.id}`);
    expect(await bea.page.$(`#conv-${conv.id}`)).toBeNull();

    const boss = await open('supervisor', 'Sofía', '/supervisor');
    const card = `#board [data-agent="${ana.id}"] [data-conversation="${conv.id}"]`;
    await boss.page.waitForSelector(card);

    // Bulk: tick the card, choose Bea, reassign.
    await boss.page.check(`${card} input[type=checkbox]`);
    await boss.page.selectOption('#bulk-form select[name=target]', bea.id);
    await boss.page.click('#bulk-form button[type=submit]');
    await boss.page.waitForSelector('#supervisor-flash .notice.success');
    await bea.page.waitForSelector(`#conv-${conv.id}`);
    await ana.page.waitForSelector(`#conv-${conv.id}`, { state: 'detached' });
    await boss.page.waitForSelector(`#board [data-agent="${bea.id}"] [data-conversation="${conv.id}"]`);
    expect(getConversationOrThrow(server.app.core, conv.id).assigneeId).toBe(bea.id);

    // Drag-and-drop: back from Bea to Ana.
    await boss.page.dragAndDrop(`#board [data-agent="${bea.id}"] [data-conversation="${conv.id}"]`, `#board [data-agent="${ana.id}"]`);
    await ana.page.waitForSelector(`#conv-${conv.id}`);
    await bea.page.waitForSelector(`#conv-${conv.id}`, { state: 'detached' });
    await boss.page.waitForSelector(card);
    expect(getConversationOrThrow(server.app.core, conv.id).assigneeId).toBe(ana.id);

    // An unattended alert reaches Ana (team member, assignee) and the supervisor as toast + bell + browser notification.
    server.clock.advance(20 * 60_000);
    alertIfUnattended(server.app.core, { conversationId: conv.id, waitingSince: getConversationOrThrow(server.app.core, conv.id).waitingSince! });
    for (const p of [ana, boss]) {
      await p.page.waitForSelector('#toasts .toast');
      expect(await p.page.textContent('#notif-count')).toBe('1');
      expect(await p.page.evaluate(() => (window as unknown as { __notified: string[] }).__notified)).toEqual([expect.stringContaining('20 min')]);
    }
    await ana.page.click('#notif-bell .bell');
    await ana.page.click('#notif-list a');
    await ana.page.waitForURL(`**/inbox/c/${conv.id}`);
    expect(unreadCount(server.app.core, ana.id)).toBe(0);
    await ana.page.goBack();

    for (const p of [bea, boss]) expect(await p.marker()).toBe(true);
    await boss.page.setViewportSize({ width: 375, height: 800 });
    expect(await boss.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await boss.page.screenshot({ path: '/tmp/turno-supervisor-375.png' });
  }, 60_000);
});
