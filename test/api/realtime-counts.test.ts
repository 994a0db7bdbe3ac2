/**
 * Live view counts and the unread title: GET /inbox/counts answers each view's badge for the tab's
 * filters plus the unread marker; pushes that can change counts carry the shared `#rt-counts`
 * signal to the tabs allowed to see the conversation, a plain customer message only to its
 * assignee; a mention fills the bell and its toast says who mentioned whom where.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { latestSeq } from '../../src/realtime/outbox';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

const SIGNAL = 'id="rt-counts"';
const badge = (body: string, key: string) => Number(new RegExp(`id="count-${key}" hx-swap-oob="true">(\\d+)<`).exec(body)?.[1] ?? NaN);
const unreadOf = (body: string) => Number(/id="inbox-unread" data-unread="(\d+)"/.exec(body)?.[1] ?? NaN);

async function tabsOf(...sessions: string[]): Promise<WsTab[]> {
  const before = t.app.deps.realtime.hub.allTabs().length;
  const tabs = sessions.map((s) => new WsTab(port, s));
  await Promise.all(tabs.map((tab) => tab.open()));
  await eventually(() => t.app.deps.realtime.hub.allTabs().length === before + tabs.length);
  return tabs;
}

test('GET /inbox/counts: each view under the tab\'s filters, and the unread conversations of Mine', async () => {
  const ana = await t.signIn('agent', { name: 'Ana Counts' });
  const { channelId, teamId } = makeChannel(t, { teamOnly: true, members: [ana.user.id] });
  customerSays(t, channelId, 'uno', { from: '5491100000101' });
  customerSays(t, channelId, 'dos', { from: '5491100000102' });
  const mine = customerSays(t, channelId, 'tres', { from: '5491100000103' }).conversation!.id;
  assignConversation(t.app.core, mine, { assigneeId: ana.user.id }, null);
  await t.app.core.bus.drain(); // routing (a durable consumer) puts the two unassigned ones in the channel's team queue

  const open = await (await ana.client.get('/inbox/counts?view=mine')).text();
  expect([badge(open, 'mine'), badge(open, 'unassigned'), badge(open, `team-${teamId}`), badge(open, 'mentions')]).toEqual([1, 2, 2, 0]);
  expect(unreadOf(open)).toBe(1);
  const resolved = await (await ana.client.get('/inbox/counts?view=mine&status=resolved')).text();
  expect([badge(resolved, 'mine'), badge(resolved, 'unassigned')]).toEqual([0, 0]);
  const page = await (await ana.client.get('/inbox')).text();
  expect(page).toMatch(/<title>\(1\) [^<]+ · Turno<\/title>/);

  expect((await ana.client.get(`/inbox/c/${mine}`)).status).toBe(200); // read
  expect(unreadOf(await (await ana.client.get('/inbox/counts?view=mine')).text())).toBe(0);
  expect(await (await ana.client.get('/inbox')).text()).not.toMatch(/<title>\(\d+\)/);
});

test('count changes signal the tabs allowed to see the conversation; a plain message only its assignee', async () => {
  const ana = await t.signIn('agent', { name: 'Ana Signal' });
  const bob = await t.signIn('agent', { name: 'Bob Signal' });
  const luz = await t.signIn('agent', { name: 'Luz Signal' });
  const { channelId } = makeChannel(t, { teamOnly: true, members: [ana.user.id, bob.user.id] }); // Luz may not see it
  const [tabA, tabB, tabL] = await tabsOf(ana.client.cookies.turno_session!, bob.client.cookies.turno_session!, luz.client.cookies.turno_session!);

  const id = customerSays(t, channelId, 'hola', { from: '5491100000201' }).conversation!.id;
  await t.app.core.bus.drain();
  await tabA!.waitFor((f) => f.includes(SIGNAL));
  await tabB!.waitFor((f) => f.includes(SIGNAL));

  assignConversation(t.app.core, id, { assigneeId: ana.user.id }, null);
  await t.app.core.bus.drain();
  const assigned = await tabB!.waitFor((f) => f.includes(`data-seq="${latestSeq(t.app.core)}"`)); // routing may have assigned it first
  expect(assigned).toContain(SIGNAL);

  for (const tab of [tabA!, tabB!]) tab.frames = [];
  t.clock.advance(1000);
  customerSays(t, channelId, 'otra cosa', { from: '5491100000201' });
  await t.app.core.bus.drain();
  await tabA!.waitFor((f) => f.includes(SIGNAL));
  await tabB!.waitFor((f) => f.includes('otra cosa'));
  expect(tabB!.frames.some((f) => f.includes(SIGNAL))).toBe(false);

  expect((await ana.client.form(`/inbox/c/${id}/status`, { status: 'resolved' })).status).toBeLessThan(300);
  await t.app.core.bus.drain();
  for (const tab of [tabA!, tabB!]) tab.frames = [];
  t.clock.advance(1000);
  customerSays(t, channelId, 'volví', { from: '5491100000201' }); // reopens: every count may change
  await t.app.core.bus.drain();
  await tabB!.waitFor((f) => f.includes('volví') && f.includes(SIGNAL));
  expect(tabL!.frames.some((f) => f.includes(SIGNAL))).toBe(false);
  for (const tab of [tabA!, tabB!, tabL!]) tab.close();
});

test('a mention fills the mentioned agent\'s bell and its toast names who mentioned them where', async () => {
  const boss = await t.signIn('supervisor', { name: 'Sara Jefa' });
  const carla = await t.signIn('agent', { name: 'Carla Ruiz' });
  const luz = await t.signIn('agent', { name: 'Luz Fuera' });
  const { channelId } = makeChannel(t, { teamOnly: true, members: [carla.user.id] });
  const r = customerSays(t, channelId, 'ayuda', { from: '5491100000301' });
  const id = r.conversation!.id;

  const people = await (await boss.client.get(`/inbox/c/${id}/mentionable`)).json() as Array<{ id: string; name: string }>;
  expect(people.map((p) => p.id)).toContain(carla.user.id);
  expect(people.map((p) => p.id)).not.toContain(luz.user.id); // cannot see the conversation
  expect(people.map((p) => p.id)).not.toContain(boss.user.id);
  expect((await luz.client.get(`/inbox/c/${id}/mentionable`)).status).toBe(404);

  const [tab] = await tabsOf(carla.client.cookies.turno_session!);
  expect((await boss.client.form(`/inbox/c/${id}/messages`, { content: 'Mirá esto @Carla Ruiz', private: 'true' })).status).toBeLessThan(300);
  await t.app.core.bus.drain();
  const push = await tab!.waitFor((f) => f.includes('id="notif-count"'));
  expect(push).toMatch(/id="notif-count"[^>]*>1</);
  expect(push).toContain(`Sara Jefa te mencionó en #${r.conversation!.number}`); // the default language
  const bell = await (await carla.client.get('/notifications/bell')).text();
  expect(bell).toMatch(/id="notif-count"[^>]*>1</);
  tab!.close();
});
