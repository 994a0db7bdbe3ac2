/**
 * Browser: bulk actions in the inbox list (tick rows → assign, label, resolve, snooze), as the
 * supervisor board has, and the keyboard shortcuts listed in a help overlay opened by `?` or the
 * keyboard button.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema';
import { getConversationOrThrow } from '../../src/core/conversations';
import { createLabel, labelsOfConversation } from '../../src/core/labels';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: bulk actions and the shortcuts overlay', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('ticking rows shows the bar; assign, label and resolve apply to every ticked conversation', async () => {
    const { channelId } = makeChannel(server);
    const ids = ['5491100008001', '5491100008002', '5491100008003'].map((from) => customerSays(server, channelId, `hola ${from}`, { from }).conversation!.id);
    const bea = await server.signIn('agent', { name: 'Bea Bulk' });
    const label = createLabel(server.app.core, { name: 'Mayorista', color: '#7c3aed' }, { type: 'system', name: 'test' });
    const s = await signedInPage(server, browser, { name: 'Sara Bulk' });
    server.app.core.db.update(users).set({ locale: 'es' }).where(eq(users.id, s.user.id)).run(); // Spanish plural forms
    await s.page.goto(`${server.baseUrl}/inbox?view=all`);
    await s.page.waitForSelector('body[data-ws="open"]');
    expect(await s.page.isVisible('#bulk-actions')).toBe(false);

    for (const id of ids.slice(0, 2)) await s.page.check(`#conv-${id} .row-select`);
    await s.page.waitForSelector('#bulk-actions', { state: 'visible' });
    await s.page.selectOption('#bulk-actions select[name=target]', `user:${bea.user.id}`);
    await s.page.click('#bulk-actions button[value=assign]');
    await s.page.waitForSelector('#bulk-result .notice.success');
    expect(await s.page.textContent('#bulk-result .notice.success')).toBe('2 conversaciones actualizadas');
    for (const id of ids.slice(0, 2)) expect(getConversationOrThrow(server.app.core, id).assigneeId).toBe(bea.user.id);
    expect(getConversationOrThrow(server.app.core, ids[2]!).assigneeId).toBeNull();
    await s.page.waitForSelector(`#conv-${ids[0]}[data-assignee="${bea.user.id}"]`);
    expect(await s.page.isChecked(`#conv-${ids[0]} .row-select`)).toBe(false);

    await s.page.check(`#conv-${ids[2]} .row-select`);
    await s.page.selectOption('#bulk-actions select[name=labelId]', label.id);
    await s.page.click('#bulk-actions button[value=label]');
    await s.page.waitForSelector('#bulk-result .notice.success >> text=1 conversación actualizada');
    expect(labelsOfConversation(server.app.core, ids[2]!).map((l) => l.name)).toEqual(['Mayorista']);

    for (const id of ids) await s.page.check(`#conv-${id} .row-select`);
    await s.page.click('#bulk-actions button[value=resolve]');
    await s.page.waitForSelector('#bulk-result .notice.success >> text=3 conversaciones actualizadas');
    for (const id of ids) expect(getConversationOrThrow(server.app.core, id).status).toBe('resolved');
    await s.context.close();
  }, 60_000);

  test('? and the keyboard button open the shortcuts overlay with the five shortcuts; Escape closes it', async () => {
    const a = await signedInPage(server, browser, { name: 'Ana Atajos' });
    await a.page.goto(`${server.baseUrl}/inbox`);
    await a.page.waitForSelector('body[data-ws="open"]');
    expect(await a.page.isVisible('.shortcut-help')).toBe(false);
    await a.page.keyboard.press('?');
    await a.page.waitForSelector('.shortcut-help', { state: 'visible' });
    expect(await a.page.$$eval('.shortcut-help dt', (els) => els.map((e) => e.textContent))).toEqual(['j / k', 'r', 'n', 'e', '?']);
    await a.page.keyboard.press('Escape');
    await a.page.waitForSelector('.shortcut-help', { state: 'hidden' });
    await a.page.click('.shortcuts-open');
    await a.page.waitForSelector('.shortcut-help', { state: 'visible' });
    await a.context.close();
  }, 60_000);
});
