/**
 * A manual unassign in an automatic team must not bounce straight back to the agent who gave the
 * conversation back: they are skipped for `routing.releaseCooldownMinutes`, the conversation goes
 * to someone else or waits, and the timeline says why.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { assignConversation } from '../../../src/core/assignment';
import { setAvailability } from '../../../src/core/availability';
import { getConversationOrThrow, listConversationEvents } from '../../../src/core/conversations';
import { setSetting } from '../../../src/core/settings';
import { channelTeams } from '../../../src/db/schema';
import type { PublicUser } from '../../../src/core/types';
import { describeAssignment } from '../../../views/routing/describe';
import { translator } from '../../../views/i18n';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function setup(mode: 'round_robin' | 'balanced', names: string[]) {
  const core = t.app.core;
  const agents: PublicUser[] = [];
  for (const n of names) agents.push(await makeAgent(core, n));
  const team = makeTeam(core, 'Support', agents, { assignmentMode: mode });
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  return { core, agents, team, channelId };
}

async function chat(channelId: string, phone: string) {
  const r = customerWrites(t.app.core, channelId, phone, 'hola');
  await t.app.core.bus.drain();
  return getConversationOrThrow(t.app.core, r.conversation!.id);
}

const unassign = async (conversationId: string, by: PublicUser) => {
  assignConversation(t.app.core, conversationId, { assigneeId: null }, { type: 'user', user: by }, { mode: 'manual' });
  await t.app.core.bus.drain();
};

describe('manual unassign in automatic teams', () => {
  for (const mode of ['round_robin', 'balanced'] as const) {
    test(`${mode}: the only online agent unassigns → it stays queued, with an explanation`, async () => {
      const { core, agents: [ana], channelId } = await setup(mode, ['Ana']);
      const conv = await chat(channelId, '1');
      expect(conv.assigneeId).toBe(ana!.id);
      await unassign(conv.id, ana!);
      expect(getConversationOrThrow(core, conv.id).assigneeId).toBeNull();
      const routed = listConversationEvents(core, conv.id).findLast((e) => e.kind === 'routed')!;
      expect(routed.details).toMatchObject({ queue: 'team', trigger: 'released' });
      expect(describeAssignment(routed.details, translator('en'))).toContain('Ana gave it back');
    });
  }

  test('round-robin: goes to the next agent, not back to the one who gave it back', async () => {
    const { core, agents: [ana, bea], channelId } = await setup('round_robin', ['Ana', 'Bea']);
    const conv = await chat(channelId, '1');
    expect(conv.assigneeId).toBe(ana!.id);
    await unassign(conv.id, ana!);
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(bea!.id);
    const assigned = listConversationEvents(core, conv.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!;
    expect(describeAssignment(assigned.details, translator('en'))).toContain('Ana skipped: gave it back recently.');
  });

  test('a supervisor unassigning also keeps it away from the agent; other queued chats still drain to them', async () => {
    const { core, agents: [ana], channelId } = await setup('balanced', ['Ana']);
    const sup = await makeAgent(core, 'Sol', { role: 'supervisor' });
    const first = await chat(channelId, '1');
    setAvailability(core, ana!.id, 'offline', { manual: true });
    await core.bus.drain();
    const waiting = await chat(channelId, '2');
    expect(waiting.assigneeId).toBeNull();
    await unassign(first.id, sup);
    expect(getConversationOrThrow(core, first.id).assigneeId).toBeNull();
    setAvailability(core, ana!.id, null, { manual: true });
    await core.bus.drain();
    // Ana came back online: the drain skips the conversation she lost but still gives her the other one.
    expect(getConversationOrThrow(core, first.id).assigneeId).toBeNull();
    expect(getConversationOrThrow(core, waiting.id).assigneeId).toBe(ana!.id);
  });

  test('after the cooldown the agent can get it again', async () => {
    const { core, agents: [ana], channelId } = await setup('round_robin', ['Ana']);
    setSetting(core, 'routing.releaseCooldownMinutes', 5, null);
    const conv = await chat(channelId, '1');
    await unassign(conv.id, ana!);
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBeNull();
    t.clock.advance(6 * 60_000);
    await chat(channelId, '1');
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(ana!.id);
  });

  test('system returns (offline timeout) are not treated as a person giving it back', async () => {
    const { core, agents: [ana, bea], channelId } = await setup('round_robin', ['Ana', 'Bea']);
    const conv = await chat(channelId, '1');
    assignConversation(core, conv.id, { assigneeId: null }, { type: 'system', name: 'offline-timeout' }, { mode: 'offline_timeout' });
    await core.bus.drain();
    // Drained by capacity to the next in rotation, and Ana is not marked as having given it back.
    const after = getConversationOrThrow(core, conv.id);
    expect([ana!.id, bea!.id]).toContain(after.assigneeId!);
    const last = listConversationEvents(core, conv.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!;
    expect(JSON.stringify(last.details)).not.toContain('releasedRecently');
  });
});
