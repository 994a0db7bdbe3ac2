/**
 * Realtime over a real port: two agents' sockets with session cookies; fragments reach only the
 * agent allowed to see the conversation; viewing/typing indicators; catch-up after reconnect.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

/** A tab for one signed-in client. */
const tabOf = (client: { cookies: Record<string, string> }) => new WsTab(port, client.cookies.turno_session!);


test('anonymous upgrade is refused', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const outcome = await new Promise<string>((resolve) => { ws.onopen = () => resolve('open'); ws.onerror = () => resolve('error'); ws.onclose = () => resolve('closed'); });
  expect(outcome).not.toBe('open');
});

test('a customer message reaches only the agent who may see it; viewing and typing show; catch-up after reconnect', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const bob = await t.signIn('agent', { name: 'Bob' });
  const { channelId } = makeChannel(t, { teamOnly: true, members: [ana.user.id] });
  const tabA = tabOf(ana.client);
  const tabB = tabOf(bob.client);
  await Promise.all([tabA.open(), tabB.open()]);
  // the server has both tabs in its hub once each answered a ping
  await Promise.all([tabA.barrier(), tabB.barrier()]);

  const r = customerSays(t, channelId, 'hola <img src=x onerror=alert(1)>');
  const id = r.conversation!.id;
  await t.app.core.bus.drain();
  const frame = await tabA.waitFor((f) => f.includes(`beforeend:#thread-${id}`));
  expect(frame).toContain('hx-swap-oob="afterbegin:#conv-list"');
  expect(frame).toContain(`hx-swap-oob="beforeend:#thread-${id}"`);
  expect(frame).toContain('&lt;img src=x');
  expect(frame).toMatch(/id="rt-seq" data-seq="\d+"/);
  expect((await tabB.barrier()).some((f) => f.includes(id))).toBe(false);

  // Bob cannot start viewing a conversation he may not see; Ana can, and a second Ana tab sees it
  const ana2 = tabOf(ana.client);
  await ana2.open();
  tabB.send({ type: 'view', conversationId: id });
  tabA.send({ type: 'view', conversationId: id });
  await ana2.waitFor((f) => f.includes(`thread-activity-${id}`) && f.includes('data-user="' + ana.user.id + '"'));
  expect(t.app.deps.realtime.hub.viewersOf(id).map((u) => u.name)).toEqual(['Ana']);
  tabA.send({ type: 'typing', conversationId: id });
  const typing = await ana2.waitFor((f) => f.includes('class="activity typing"'));
  expect(typing).toContain(`row-activity-${id}`);
  expect((await tabB.barrier()).some((f) => f.includes(id))).toBe(false);

  // reconnect: messages sent while the tab was away come back on catch-up
  const seq = Number(/data-seq="(\d+)"/.exec(frame)![1]);
  await tabA.close();
  customerSays(t, channelId, 'mensaje perdido');
  await t.app.core.bus.drain();
  const again = tabOf(ana.client);
  await again.open();
  again.send({ type: 'catchup', since: seq, conversationId: id });
  const replay = await again.waitFor((f) => f.includes('mensaje perdido'));
  expect(replay).toContain(`conv-${id}`);
  expect(Number(/data-seq="(\d+)"/.exec(replay)![1])).toBeGreaterThan(seq);
  again.close(); ana2.close(); tabB.close();
});

test('presence: a connected tab makes the agent online; idle makes them away', async () => {
  const cara = await t.signIn('agent', { name: 'Cara' });
  const tab = tabOf(cara.client);
  await tab.open();
  await tab.barrier();
  await t.app.core.bus.drain();
  expect(t.events.filter((e) => e.name === 'user.presence' && e.payload.userId === cara.user.id).map((e) => e.payload.availability)).toEqual(['online']);
  tab.send({ type: 'activity', state: 'idle' });
  await tab.barrier();
  await t.app.core.bus.drain();
  expect(t.events.filter((e) => e.name === 'user.presence' && e.payload.userId === cara.user.id).map((e) => e.payload.availability)).toEqual(['online', 'away']);
  tab.close();
});
