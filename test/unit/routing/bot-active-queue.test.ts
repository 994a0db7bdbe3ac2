/** Automatic assignment never takes a conversation the knowledge-base bot is covering (I10). */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { setAvailability } from '../../../src/core/availability';
import { getConversationOrThrow } from '../../../src/core/conversations';
import { autoAssign, teamQueue } from '../../../src/core/routing/engine';
import { conversations, channelTeams } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

test('a drain (agent comes online) and autoAssign skip botActive conversations', async () => {
  const core = t.app.core;
  const ana = await makeAgent(core, 'Ana', { availability: 'offline' });
  const team = makeTeam(core, 'Soporte', [ana], { assignmentMode: 'round_robin' });
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  const covered = customerWrites(core, channelId, '5491100000001', 'hola').conversation!.id;
  const waiting = customerWrites(core, channelId, '5491100000002', 'hola').conversation!.id;
  await core.bus.drain();
  core.db.update(conversations).set({ botActive: true }).where(eq(conversations.id, covered)).run();
  expect(teamQueue(core, team.id)).toEqual([waiting]);
  setAvailability(core, ana.id, 'online', { manual: false });
  await core.bus.drain();
  expect(getConversationOrThrow(core, waiting).assigneeId).toBe(ana.id);
  expect(getConversationOrThrow(core, covered).assigneeId).toBeNull();
  expect(autoAssign(core, covered)).toBeNull();
  expect(getConversationOrThrow(core, covered).assigneeId).toBeNull();
});
