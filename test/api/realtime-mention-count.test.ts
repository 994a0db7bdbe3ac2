/**
 * The Mentions count pushed live on a new mention is the one GET /inbox/counts answers: only the
 * conversations the agent may still see (a mention in a conversation they lost access to is not counted).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { removeTeamMember } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

const mentionsBadge = (body: string) => Number(/id="count-mentions" hx-swap-oob="true">(\d+)</.exec(body)?.[1] ?? NaN);

test('after losing access to a conversation she was mentioned in, a new mention pushes the visible count', async () => {
  const boss = await t.signIn('supervisor', { name: 'Sara Jefa' });
  const carla = await t.signIn('agent', { name: 'Carla Ruiz' });
  const before = makeChannel(t, { teamOnly: true, members: [carla.user.id] });
  const after = makeChannel(t, { teamOnly: true, members: [carla.user.id] });
  const lost = customerSays(t, before.channelId, 'hola', { from: '5491100000401' }).conversation!.id;
  const kept = customerSays(t, after.channelId, 'hola', { from: '5491100000402' }).conversation!.id;

  expect((await boss.client.form(`/inbox/c/${lost}/messages`, { content: '@Carla mirá', private: 'true' })).status).toBe(200);
  removeTeamMember(t.app.core, before.teamId!, carla.user.id, null);
  await t.app.core.bus.drain();

  const tab = new WsTab(port, carla.client.cookies.turno_session!);
  const tabsBefore = t.app.deps.realtime.hub.allTabs().length;
  await tab.open();
  await eventually(() => t.app.deps.realtime.hub.allTabs().length === tabsBefore + 1);
  expect((await boss.client.form(`/inbox/c/${kept}/messages`, { content: '@Carla y esta', private: 'true' })).status).toBe(200);
  await t.app.core.bus.drain();
  const push = await tab.waitFor((f) => f.includes('id="count-mentions"'));
  const counts = await (await carla.client.get('/inbox/counts')).text();
  expect(mentionsBadge(counts)).toBe(1);
  expect(mentionsBadge(push)).toBe(1);
  tab.close();
});
