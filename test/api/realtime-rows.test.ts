/**
 * Live list rows over real sockets: each agent keeps their own unread count; an agent who loses a
 * conversation loses its row and its open thread.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

const badgeOf = (frames: string[], id: string) => {
  const hits = frames.map((f) => new RegExp(`id="unread-${id}" data-unread="(-?\\d+)"`).exec(f)).filter(Boolean);
  return hits.length ? Number(hits[hits.length - 1]![1]) : null;
};

test('a pushed row is followed by each agent\'s own unread count', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const bob = await t.signIn('agent', { name: 'Bob' });
  const { channelId } = makeChannel(t);
  const id = customerSays(t, channelId, 'uno').conversation!.id;
  t.clock.advance(1000);
  customerSays(t, channelId, 'dos');
  expect((await ana.client.get(`/inbox/c/${id}`)).status).toBe(200); // Ana has read both
  const tabA = new WsTab(port, ana.client.cookies.turno_session!);
  const tabB = new WsTab(port, bob.client.cookies.turno_session!);
  await Promise.all([tabA.open(), tabB.open()]);
  await eventually(() => t.app.deps.realtime.hub.allTabs().length === 2);

  t.clock.advance(1000);
  customerSays(t, channelId, 'tres');
  await t.app.core.bus.drain();
  await eventually(() => badgeOf(tabA.frames, id) !== null && badgeOf(tabB.frames, id) !== null);
  expect(badgeOf(tabA.frames, id)).toBe(1);
  expect(badgeOf(tabB.frames, id)).toBe(3);
  tabA.close(); tabB.close();
});

test('reassigned away from an agent who cannot see it otherwise: their row and open thread go', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const luz = await t.signIn('agent', { name: 'Luz' });
  const boss = await t.signIn('supervisor');
  const { channelId } = makeChannel(t, { teamOnly: true, members: [luz.user.id] }); // Ana is not in the team
  const id = customerSays(t, channelId, 'hola', { from: '5491100000201' }).conversation!.id;
  assignConversation(t.app.core, id, { assigneeId: ana.user.id }, null);
  await t.app.core.bus.drain();
  const tab = new WsTab(port, ana.client.cookies.turno_session!);
  const other = new WsTab(port, ana.client.cookies.turno_session!);
  await Promise.all([tab.open(), other.open()]);
  await eventually(() => t.app.deps.realtime.hub.tabsOf(ana.user.id).length === 2);
  tab.send({ type: 'view', conversationId: id });
  await eventually(() => t.app.deps.realtime.hub.viewersOf(id).length === 1);

  expect((await boss.client.form(`/inbox/c/${id}/assign`, { target: `user:${luz.user.id}` })).status).toBe(204);
  await t.app.core.bus.drain();
  const removal = await tab.waitFor((f) => f.includes(`id="conv-${id}" hx-swap-oob="delete"`));
  expect(removal).toContain('id="thread-pane"');
  const elsewhere = await other.waitFor((f) => f.includes(`id="conv-${id}" hx-swap-oob="delete"`));
  expect(elsewhere).not.toContain('id="thread-pane"');
  expect(t.app.deps.realtime.hub.viewersOf(id)).toEqual([]);
  tab.close(); other.close();
});

test('reassigned away from an agent who still sees the channel: no removal', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const luz = await t.signIn('agent', { name: 'Luz' });
  const { channelId } = makeChannel(t);
  const id = customerSays(t, channelId, 'hola', { from: '5491100000202' }).conversation!.id;
  assignConversation(t.app.core, id, { assigneeId: ana.user.id }, null);
  await t.app.core.bus.drain();
  const tab = new WsTab(port, ana.client.cookies.turno_session!);
  await tab.open();
  await eventually(() => t.app.deps.realtime.hub.tabsOf(ana.user.id).length === 1);
  assignConversation(t.app.core, id, { assigneeId: luz.user.id }, null);
  await t.app.core.bus.drain();
  await tab.waitFor((f) => f.includes(`id="conv-${id}"`));
  expect(tab.frames.some((f) => f.includes('hx-swap-oob="delete"'))).toBe(false);
  tab.close();
});

test('the notification marker carries the app clock\'s time', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const { channelId } = makeChannel(t);
  const tab = new WsTab(port, ana.client.cookies.turno_session!);
  await tab.open();
  await eventually(() => t.app.deps.realtime.hub.tabsOf(ana.user.id).length === 1);
  t.clock.advance(7 * 24 * 3600_000);
  customerSays(t, channelId, 'la semana que viene', { from: '5491100000501' });
  await t.app.core.bus.drain();
  const frame = await tab.waitFor((f) => f.includes('id="rt-notify"') && f.includes('la semana que viene'));
  expect(/id="rt-notify"[^>]*data-at="(\d+)"/.exec(frame)![1]).toBe(String(t.clock.now()));
  tab.close();
});
