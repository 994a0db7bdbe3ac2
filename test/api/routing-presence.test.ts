/**
 * Presence feeds routing over a real port: an offline agent of a round-robin team connects a
 * WebSocket, presence marks them online (`setAvailability(..., {manual:false})` → `user.presence`)
 * and the waiting conversation is assigned to them; closing the tab ends in offline after the grace.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { getConversationOrThrow, listConversationEvents } from '../../src/core/conversations';
import { getUserOrThrow } from '../../src/core/users';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel, makeTeam } from '../helpers/routing-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

test('an agent connecting a socket gets the waiting conversation of their round-robin team', async () => {
  const core = t.app.core;
  const ana = await t.signIn('agent', { name: 'Ana' });
  expect(getUserOrThrow(core, ana.user.id).availability).toBe('offline');
  const team = makeTeam(core, 'Soporte', [ana.user], { assignmentMode: 'round_robin' });
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  const conv = customerWrites(core, channelId, '5491100000001', 'hola, necesito ayuda').conversation!;
  await core.bus.drain();
  expect(getConversationOrThrow(core, conv.id).assigneeId).toBeNull();

  const tab = new WsTab(port, ana.client.cookies.turno_session!);
  await tab.open();
  await eventually(() => getConversationOrThrow(core, conv.id).assigneeId === ana.user.id);
  await core.bus.drain();
  expect(t.events.some((e) => e.name === 'user.presence' && e.payload.userId === ana.user.id && e.payload.availability === 'online')).toBe(true);
  const assigned = listConversationEvents(core, conv.id).findLast((e) => e.kind === 'assigned')!;
  expect(assigned.details).toMatchObject({ mode: 'round_robin', trigger: 'agent_online', winnerName: 'Ana' });
  // The agent's own tab hears about it (the list row arrives live).
  await tab.waitFor((f) => f.includes(`conv-${conv.id}`));
  tab.close();
});
