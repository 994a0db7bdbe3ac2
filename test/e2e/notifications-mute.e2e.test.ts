/**
 * Browser: muting silences an agent. With `window.Notification` and `AudioContext` stubbed to
 * record, a customer message in my conversation and an alert toast (SLA) ring and notify the
 * agent who is not muted, and do neither for the agent muted until later (the toast still shows).
 * The mute holds outside the inbox too: on the supervisor page a toast raises no browser notification.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { assignConversation } from '../../src/core/assignment';
import { updateNotificationSettings } from '../../src/core/profile';
import { notify } from '../../src/core/routing/notify';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually } from '../helpers/ws-tab';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

/** Records browser notifications and beeps instead of showing/playing them. */
const STUBS = `
  window.__notified = []; window.__beeps = 0;
  window.Notification = class { constructor(title, opts) { window.__notified.push(title + ' | ' + ((opts && opts.body) || '')); } static get permission() { return 'granted'; } static requestPermission() { return Promise.resolve('granted'); } };
  window.AudioContext = class { constructor() { window.__beeps++; } createOscillator() { return { frequency: {}, connect() {}, start() {}, stop() {} }; } createGain() { return { gain: {}, connect() {} }; } get currentTime() { return 0; } get destination() { return {}; } };
`;

describe.skipIf(!enabled)('browser: mute', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const recorded = (page: Page) => page.evaluate(() => {
    const w = window as unknown as { __notified: string[]; __beeps: number };
    return { notified: w.__notified, beeps: w.__beeps };
  });

  test('the muted agent gets no sound and no browser notification; the other one gets both', async () => {
    const { channelId } = makeChannel(server);
    const agents = [];
    for (const [name, muted] of [['Marta Muda', true], ['Nico Normal', false]] as const) {
      const tab = await signedInPage(server, browser, { name });
      if (muted) updateNotificationSettings(server.app.core, tab.user.id, { sound: true, browser: true, muteUntil: Date.now() + 3_600_000 });
      const first = customerSays(server, channelId, 'hola', { from: muted ? '5491100040001' : '5491100040002', name: `Cliente de ${name}` });
      assignConversation(server.app.core, first.conversation!.id, { assigneeId: tab.user.id }, null);
      await tab.context.addInitScript(STUBS);
      await tab.page.goto(`${server.baseUrl}/inbox?view=mine`);
      await tab.page.waitForSelector('body[data-ws="open"]');
      agents.push({ ...tab, muted, conversationId: first.conversation!.id, from: muted ? '5491100040001' : '5491100040002' });
    }
    for (const a of agents) {
      customerSays(server, channelId, '¿me ayudan?', { from: a.from, name: `Cliente de ${a.user.name}` });
      notify(server.app.core, [a.user.id], 'sla.warning', a.conversationId, { metric: 'first_response', dueAt: Date.now() + 60_000, number: 1 });
    }
    for (const a of agents) {
      await a.page.waitForSelector('#toasts .toast');
      await a.page.waitForSelector(`#conv-${a.conversationId}.unread`);
    }
    const [muted, normal] = [await recorded(agents[0]!.page), await recorded(agents[1]!.page)];
    expect(normal.beeps).toBeGreaterThanOrEqual(1);
    expect(normal.notified.length).toBe(2);
    expect(normal.notified.join('\n')).toContain('¿me ayudan?');
    expect(muted).toEqual({ notified: [], beeps: 0 });
    for (const a of agents) await a.context.close();
  }, 60_000);

  test('outside the inbox (supervisor page) a muted supervisor gets the toast without a browser notification', async () => {
    const { channelId } = makeChannel(server);
    const conversationId = customerSays(server, channelId, 'hola', { from: '5491100040003' }).conversation!.id;
    const tabs = [];
    for (const [name, muted] of [['Sofía Silencio', true], ['Pablo Presente', false]] as const) {
      const tab = await signedInPage(server, browser, { name });
      if (muted) updateNotificationSettings(server.app.core, tab.user.id, { sound: true, browser: true, muteUntil: Date.now() + 3_600_000 });
      await tab.context.addInitScript(STUBS);
      const connected = server.app.deps.realtime.hub.allTabs().length;
      await tab.page.goto(`${server.baseUrl}/supervisor`);
      await tab.page.waitForSelector('#notif-bell #toasts', { state: 'attached' });
      await eventually(() => server.app.deps.realtime.hub.allTabs().length > connected);
      tabs.push({ ...tab, muted });
    }
    notify(server.app.core, tabs.map((tab) => tab.user.id), 'sla.warning', conversationId, { metric: 'first_response', dueAt: Date.now() + 60_000, number: 1 });
    for (const tab of tabs) await tab.page.waitForSelector('#toasts .toast:not([data-new])');
    const [muted, normal] = [await recorded(tabs[0]!.page), await recorded(tabs[1]!.page)];
    expect(normal.notified).toHaveLength(1);
    expect(muted.notified).toEqual([]);
    for (const tab of tabs) await tab.context.close();
  }, 60_000);
});
