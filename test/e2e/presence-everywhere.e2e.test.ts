/**
 * Browser: presence is one truth on every page. An agent who has only their profile open is online
 * (every signed-in page connects the tab's socket), their own status dot says so there and on the
 * admin pages, the Teams page lists them online, and the status menu says what online means for
 * automatic assignment.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { effectiveAvailability } from '../../src/core/availability';
import { getUserOrThrow } from '../../src/core/users';
import { eventually } from '../helpers/ws-tab';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: presence on every page', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const availabilityOf = (id: string) => effectiveAvailability(getUserOrThrow(server.app.core, id));

  test('an agent on their profile page is online for routing, for themselves and on the Teams page', async () => {
    const agent = await signedInPage(server, browser, { role: 'agent', name: 'Ana Perfil' });
    await agent.page.goto(`${server.baseUrl}/profile`);
    await eventually(() => availabilityOf(agent.user.id) === 'online');
    await agent.page.waitForSelector(`#presence-${agent.user.id}[data-availability="online"]`, { state: 'attached' });
    await agent.page.click('#status-menu summary');
    expect(await agent.page.textContent('#status-menu .routing-hint')).toContain('detiene las nuevas asignaciones');

    const admin = await signedInPage(server, browser, { role: 'admin', name: 'Alba Admin' });
    await admin.page.goto(`${server.baseUrl}/admin/teams`);
    await eventually(() => availabilityOf(admin.user.id) === 'online');
    await admin.page.reload();
    expect(await admin.page.getAttribute(`tr:has-text("Ana Perfil") td.availability`, 'data-availability')).toBe('online');
    expect(await admin.page.getAttribute(`#presence-${admin.user.id}`, 'data-availability')).toBe('online');

    await agent.context.close();
    await admin.context.close();
  }, 60_000);
});
