/**
 * Open sockets follow their user's access: logout and session revocation close that session's
 * sockets, deactivation closes all the user's sockets, a role change applies to the next push.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createSession } from '../../src/core/auth';
import { users } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

const closed = (tab: WsTab) => tab.ws.readyState === WebSocket.CLOSED;
const tabsOf = (userId: string) => t.app.deps.realtime.hub.tabsOf(userId).length;

test('logout closes only that session\'s sockets; deactivation closes the rest', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const admin = await t.signIn('admin');
  const other = createSession(t.app.core, ana.user.id);
  const laptop = new WsTab(port, ana.client.cookies.turno_session!);
  const phone = new WsTab(port, other.token);
  await Promise.all([laptop.open(), phone.open()]);
  await eventually(() => tabsOf(ana.user.id) === 2);

  expect((await ana.client.form('/logout', {})).status).toBe(303);
  await t.app.core.bus.drain();
  await eventually(() => closed(laptop));
  expect(phone.ws.readyState).toBe(WebSocket.OPEN);
  expect(tabsOf(ana.user.id)).toBe(1);

  expect((await admin.client.form(`/admin/users/${ana.user.id}`, { active: 'false' })).status).toBe(303);
  await t.app.core.bus.drain();
  await eventually(() => closed(phone));
  expect(tabsOf(ana.user.id)).toBe(0);
});

test('a supervisor demoted to agent stops receiving conversations outside their teams', async () => {
  const sup = await t.signIn('supervisor', { name: 'Sara' });
  const admin = await t.signIn('admin');
  const { channelId } = makeChannel(t, { teamOnly: true });
  const tab = new WsTab(port, sup.client.cookies.turno_session!);
  await tab.open();
  await eventually(() => tabsOf(sup.user.id) === 1);
  customerSays(t, channelId, 'antes del cambio', { from: '5491100000101' });
  await t.app.core.bus.drain();
  await tab.waitFor((f) => f.includes('antes del cambio'));

  expect((await admin.client.form(`/admin/users/${sup.user.id}`, { role: 'agent' })).status).toBe(303);
  await t.app.core.bus.drain();
  expect(t.app.deps.realtime.hub.tabsOf(sup.user.id)[0]!.user.role).toBe('agent');
  customerSays(t, channelId, 'después del cambio', { from: '5491100000102' });
  await t.app.core.bus.drain();
  expect((await tab.barrier()).some((f) => f.includes('después del cambio'))).toBe(false);
  tab.close();
});

test('a user deactivated behind the bus\'s back gets no more pushes', async () => {
  const luis = await t.signIn('agent', { name: 'Luis' });
  const { channelId } = makeChannel(t);
  const tab = new WsTab(port, luis.client.cookies.turno_session!);
  await tab.open();
  await eventually(() => tabsOf(luis.user.id) === 1);
  t.app.core.db.update(users).set({ active: false }).where(eq(users.id, luis.user.id)).run();
  customerSays(t, channelId, 'no deberías verlo', { from: '5491100000103' });
  await t.app.core.bus.drain();
  expect((await tab.barrier()).some((f) => f.includes('no deberías verlo'))).toBe(false);
  tab.close();
});
