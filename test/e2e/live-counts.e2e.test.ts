/**
 * Browser: two agents. A new customer conversation bumps B's Unassigned count without reload, and
 * assigning it to B puts "(1)" in B's tab title; A's @ picker in a private note inserts B's name
 * and B's bell counts the mention with a toast naming A.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { assignConversation } from '../../src/core/assignment';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: live counts, unread title and @mentions', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  async function agentPage(role: 'agent' | 'supervisor', name: string, path: string): Promise<{ page: Page; userId: string }> {
    const { page, user } = await signedInPage(server, browser, { role, name });
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForSelector('body[data-ws="open"]');
    return { page, userId: user.id };
  }

  test('counts and title follow a new conversation; the @ picker mentions B', async () => {
    const { channelId } = makeChannel(server);
    const a = await agentPage('supervisor', 'Ana Torres', '/inbox?view=all');
    const b = await agentPage('agent', 'Bruno Díaz', '/inbox?view=unassigned');
    expect(await b.page.textContent('#count-unassigned')).toBe('0');
    expect(await b.page.title()).not.toMatch(/^\(\d+\)/);

    const r = customerSays(server, channelId, 'Hola, ¿hay stock?', { name: 'Carla Cliente' });
    const id = r.conversation!.id;
    await b.page.waitForSelector(`#conv-${id}`);
    await b.page.waitForFunction(() => document.getElementById('count-unassigned')?.textContent === '1');

    assignConversation(server.app.core, id, { assigneeId: b.userId }, null);
    await b.page.waitForFunction(() => document.title.startsWith('(1) '));
    await b.page.waitForFunction(() => document.getElementById('count-mine')?.textContent === '1');

    await a.page.click(`#conv-${id} a`);
    await a.page.waitForSelector(`#composer-${id} textarea`);
    await a.page.click(`#composer-${id} .composer-modes button:nth-child(2)`); // private note
    await a.page.type(`#composer-${id} textarea`, 'Mirá esto @Bru');
    await a.page.waitForSelector(`#composer-${id} .mention-picker li[role="option"]`);
    expect(await a.page.textContent(`#composer-${id} .mention-picker li.active`)).toContain('@Bruno Díaz');
    await a.page.keyboard.press('Enter');
    expect(await a.page.inputValue(`#composer-${id} textarea`)).toBe('Mirá esto @Bruno Díaz ');
    await a.page.keyboard.press('Enter'); // the picker is closed: Enter saves the note
    await b.page.waitForFunction(() => document.getElementById('notif-count')?.textContent === '1');
    const toast = await b.page.waitForSelector('#toasts .toast');
    expect(await toast.textContent()).toBe(`Ana Torres mentioned you in #${r.conversation!.number}`);
    await b.page.waitForFunction(() => document.getElementById('count-mentions')?.textContent === '1');
  }, 60_000);

  test('a board "+K more" list (open or pending, no team) takes new matching rows live and leaves others out', async () => {
    const { channelId } = makeChannel(server);
    const { channelId: teamChannel } = makeChannel(server, { teamOnly: true });
    const s = await agentPage('supervisor', 'Sara Board', '/inbox?view=unassigned&teamId=none&status=active&sort=waiting');
    const withTeam = customerSays(server, teamChannel, 'Con equipo', { from: '5491100007002' }).conversation!;
    await server.app.core.bus.drain();
    // Barrier: the no-team row is pushed after every frame of the team conversation, and the page
    // handles frames in order, so once it shows, the team conversation's frames were handled too.
    const noTeam = customerSays(server, channelId, 'Sin equipo', { from: '5491100007001' }).conversation!;
    await s.page.waitForSelector(`#conv-${noTeam.id}`);
    // The team channel's conversation was routed to its team: pushed too, but not inserted here.
    expect(await s.page.$(`#conv-${withTeam.id}`)).toBeNull();
  }, 60_000);
});
