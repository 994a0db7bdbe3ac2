/**
 * Browser: a team where only the assignee can reply. A teammate who is not the assignee sees why
 * in the composer, is refused when replying, takes the conversation over with one click and then
 * replies; the take-over is in the admin audit log.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { assignConversation } from '../../src/core/assignment';
import { addTeamMember, updateTeam } from '../../src/core/teams';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: only the assignee can reply', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('a teammate takes the conversation over with one click, replies, and the audit log shows it', async () => {
    const owner = await server.signIn('agent', { name: 'Olga Dueña' });
    const b = await signedInPage(server, browser, { role: 'agent', name: 'Beto Relevo' });
    const { channelId, teamId } = makeChannel(server, { teamOnly: true, members: [owner.user.id, b.user.id] });
    updateTeam(server.app.core, teamId!, { onlyAssigneeCanReply: true }, null);
    const id = customerSays(server, channelId, 'necesito cambiar la dirección', { name: 'Paula' }).conversation!.id;
    assignConversation(server.app.core, id, { teamId, assigneeId: owner.user.id }, null);

    await b.page.goto(`${server.baseUrl}/inbox/c/${id}`);
    await b.page.waitForSelector('body[data-ws="open"]');
    expect(await b.page.textContent(`#composer-${id} .take-over`)).toContain('only the assigned agent can reply');
    await b.page.fill(`#composer-${id} textarea`, 'Hola Paula');
    await b.page.press(`#composer-${id} textarea`, 'Enter');
    await b.page.waitForSelector(`#composer-error-${id} >> text=Take it over to reply`);

    await Promise.all([b.page.waitForNavigation(), b.page.click(`#composer-${id} .take-over button`)]);
    await b.page.waitForSelector('body[data-ws="open"]');
    expect(await b.page.$(`#composer-${id} .take-over`)).toBeNull();
    await b.page.fill(`#composer-${id} textarea`, 'Hola Paula, lo veo yo');
    await b.page.press(`#composer-${id} textarea`, 'Enter');
    await b.page.waitForSelector(`#thread-${id} .bubble.out >> text=Hola Paula, lo veo yo`);
    await b.page.waitForSelector(`#thread-${id} >> text=Beto Relevo took it over`);

    const admin = await signedInPage(server, browser, { role: 'admin', name: 'Ada Admin' });
    await admin.page.goto(`${server.baseUrl}/admin/audit`);
    // In words: who, what, which conversation (linked) and from whom; no raw ids or JSON.
    const row = admin.page.locator('tr[data-action="conversation.take_over"]');
    const text = (await row.textContent())!;
    expect(text).toContain('Beto Relevo');
    expect(text).toContain('Olga Dueña');
    expect(await row.locator(`a[href="/inbox/c/${id}"]`).textContent()).toMatch(/#\d+/);
    expect(text).not.toContain(id);
    expect(text).not.toContain(owner.user.id);
    expect(text).not.toContain('{');
    await b.context.close(); await admin.context.close();
  }, 60_000);
});
