/** Live list rows over real sockets: each agent keeps their own unread count. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
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
