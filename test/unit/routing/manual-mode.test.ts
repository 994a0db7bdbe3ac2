/** A manual team never auto-assigns, not even a returning customer to their previous agent. */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { assignConversation } from '../../../src/core/assignment';
import { getConversationOrThrow } from '../../../src/core/conversations';
import { setConversationStatus } from '../../../src/core/routing/lifecycle';
import { getSetting } from '../../../src/core/settings';
import { channelTeams } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

test('a returning customer of a manual team waits in the queue even when the previous agent is online', async () => {
  const core = t.app.core;
  const ana = await makeAgent(core, 'Ana');
  const team = makeTeam(core, 'Ventas', [ana], { assignmentMode: 'manual' });
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  const first = customerWrites(core, channelId, '5491100000001', 'hola').conversation!.id;
  await core.bus.drain();
  expect(getConversationOrThrow(core, first).assigneeId).toBeNull();
  assignConversation(core, first, { assigneeId: ana.id }, null);
  setConversationStatus(core, first, { status: 'resolved' }, null);
  t.clock.advance(getSetting(core, 'lifecycle.reopenWindowMinutes') * 60_000 + 60_000);
  const second = customerWrites(core, channelId, '5491100000001', 'hola otra vez').conversation!;
  await core.bus.drain();
  expect(second.id).not.toBe(first);
  expect(second.previousAssigneeId).toBe(ana.id);
  expect(getConversationOrThrow(core, second.id)).toMatchObject({ teamId: team.id, assigneeId: null });
});
