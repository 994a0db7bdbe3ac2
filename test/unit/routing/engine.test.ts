import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { setAvailability } from '../../../src/core/availability';
import { claimConversation } from '../../../src/core/assignment';
import { getConversationOrThrow, listConversationEvents } from '../../../src/core/conversations';
import { setConversationStatus } from '../../../src/core/routing/lifecycle';
import { pickBalanced, pickRoundRobin } from '../../../src/core/routing/modes';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';
import { channelTeams } from '../../../src/db/schema';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function newChat(channelId: string, phone: string, text = 'hola') {
  const r = customerWrites(t.app.core, channelId, phone, text);
  await t.app.core.bus.drain();
  return getConversationOrThrow(t.app.core, r.conversation!.id);
}

function shareChannel(channelId: string, teamId: string) {
  t.app.core.db.insert(channelTeams).values({ channelId, teamId }).run();
}

/** A manual team with Ana, a channel shared with it, and a first customer chat on it. */
async function manualTeamChat() {
  const ana = await makeAgent(t.app.core, 'Ana');
  const team = makeTeam(t.app.core, 'Manual', [ana]);
  const ch = makeChannel(t.app.core);
  shareChannel(ch, team.id);
  return { ana, team, ch, conv: await newChat(ch, '1') };
}

describe('pure modes', () => {
  const c = (userId: string, open: number, capacity = 5, availability: 'online' | 'offline' = 'online', lastAssignedAt: number | null = null) =>
    ({ userId, name: userId, open, capacity, availability, lastAssignedAt });
  test('round-robin starts after the cursor, skips the full and the offline, wraps', () => {
    const list = [c('ana', 1), c('bea', 5), c('carl', 0, 5, 'offline'), c('dan', 2)];
    expect(pickRoundRobin(list, 'ana').winner?.userId).toBe('dan');
    expect(pickRoundRobin(list, 'dan').winner?.userId).toBe('ana');
    expect(pickRoundRobin(list, null).winner?.userId).toBe('ana');
    expect(pickRoundRobin([c('x', 5)], null)).toEqual({ winner: null, why: 'none_available' });
  });
  test('balanced picks the least loaded; a tie goes to the longest idle', () => {
    expect(pickBalanced([c('ana', 3), c('bea', 1), c('dan', 2)])).toMatchObject({ winner: { userId: 'bea' }, why: 'least_open' });
    expect(pickBalanced([c('ana', 1, 5, 'online', 500), c('bea', 1, 5, 'online', 100)])).toMatchObject({ winner: { userId: 'bea' }, why: 'longest_idle' });
  });
});

describe('assignment engine', () => {
  test('round-robin rotates among online members under capacity and explains the choice', async () => {
    const core = t.app.core;
    const [ana, bea, off] = [await makeAgent(core, 'Ana'), await makeAgent(core, 'Bea'), await makeAgent(core, 'Off', { availability: 'offline' })];
    const team = makeTeam(core, 'Support', [ana, bea, off], { assignmentMode: 'round_robin' });
    const ch = makeChannel(core);
    shareChannel(ch, team.id);
    const owners = [];
    for (let i = 0; i < 4; i++) owners.push((await newChat(ch, `5730000000${i}`)).assigneeId);
    expect(owners).toEqual([ana.id, bea.id, ana.id, bea.id]);
    const conv = await newChat(ch, '573000000099');
    const assigned = listConversationEvents(core, conv.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!;
    expect(assigned.details).toMatchObject({ mode: 'round_robin', teamName: 'Support', why: 'next_in_rotation', winnerName: 'Ana', winnerOpen: 2, winnerCapacity: 10 });
    expect((assigned.details.candidates as unknown[]).length).toBe(3);
    expect(t.eventNames()).toContain('conversation.assigned');
  });

  test('balanced gives the next conversation to the agent with the fewest open', async () => {
    const core = t.app.core;
    const ana = await makeAgent(core, 'Ana');
    const bea = await makeAgent(core, 'Bea', { availability: 'offline' });
    const team = makeTeam(core, 'Billing', [ana, bea], { assignmentMode: 'balanced' });
    const ch = makeChannel(core);
    shareChannel(ch, team.id);
    await newChat(ch, '1');
    await newChat(ch, '2');
    setAvailability(core, bea.id, 'online', { manual: false });
    await core.bus.drain();
    const c3 = await newChat(ch, '3');
    expect(c3.assigneeId).toBe(bea.id);
    expect(listConversationEvents(core, c3.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!.details).toMatchObject({ mode: 'balanced', why: 'least_open' });
  });

  test('manual teams leave conversations in the queue with a routed entry', async () => {
    const core = t.app.core;
    const { team, conv } = await manualTeamChat();
    expect(conv.assigneeId).toBeNull();
    expect(conv.teamId).toBe(team.id);
    expect(listConversationEvents(core, conv.id).map((e) => e.kind)).toContain('routed');
  });

  test('more customer messages while still queued add no new "waiting in the queue" lines; a later reopen does', async () => {
    const core = t.app.core;
    const { ana, ch, conv } = await manualTeamChat();
    await newChat(ch, '1', '¿hola?');
    await newChat(ch, '1', '¿hay alguien?');
    const routed = () => listConversationEvents(core, conv.id).filter((e) => e.kind === 'routed').length;
    expect(routed()).toBe(1);
    setConversationStatus(core, conv.id, { status: 'resolved' }, { type: 'user', user: ana });
    await newChat(ch, '1', 'vuelvo a escribir');
    expect(getConversationOrThrow(core, conv.id).status).toBe('open');
    expect(routed()).toBe(2);
  });

  test('capacity freed drains the backlog longest-waiting first; an agent coming online drains too', async () => {
    const core = t.app.core;
    const ana = await makeAgent(core, 'Ana', { capacity: 1 });
    const team = makeTeam(core, 'Support', [ana], { assignmentMode: 'round_robin' });
    const ch = makeChannel(core);
    shareChannel(ch, team.id);
    const first = await newChat(ch, '1');
    t.clock.advance(1000);
    const second = await newChat(ch, '2');
    t.clock.advance(1000);
    const third = await newChat(ch, '3');
    expect([first.assigneeId, second.assigneeId, third.assigneeId]).toEqual([ana.id, null, null]);
    setConversationStatus(core, first.id, { status: 'resolved' }, null);
    await core.bus.drain();
    expect(getConversationOrThrow(core, second.id).assigneeId).toBe(ana.id);
    expect(getConversationOrThrow(core, third.id).assigneeId).toBeNull();
    const bea = await makeAgent(core, 'Bea', { availability: 'offline' });
    makeTeam(core, 'Other', []);
    core.db.insert((await import('../../../src/db/schema')).teamMembers).values({ teamId: team.id, userId: bea.id, createdAt: core.clock.now() }).run();
    setAvailability(core, bea.id, 'online', { manual: true });
    await core.bus.drain();
    expect(getConversationOrThrow(core, third.id).assigneeId).toBe(bea.id);
    expect(listConversationEvents(core, third.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!.details).toMatchObject({ trigger: 'agent_online' });
  });

  test('a returning customer goes back to the previous assignee when available', async () => {
    const core = t.app.core;
    const ana = await makeAgent(core, 'Ana');
    const bea = await makeAgent(core, 'Bea');
    const team = makeTeam(core, 'Support', [ana, bea], { assignmentMode: 'round_robin' });
    const ch = makeChannel(core);
    shareChannel(ch, team.id);
    const first = await newChat(ch, '1');
    expect(first.assigneeId).toBe(ana.id);
    setConversationStatus(core, first.id, { status: 'resolved' }, null);
    t.clock.advance(48 * 3600_000);
    await newChat(ch, '2');
    const back = await newChat(ch, '1', 'otra vez yo');
    expect(back.id).not.toBe(first.id);
    expect(back.assigneeId).toBe(ana.id);
    expect(listConversationEvents(core, back.id).findLast((e) => e.kind === 'assigned' && e.details.assigneeId)!.details).toMatchObject({ why: 'previous_assignee' });
  });

  test('claim: the second claimer gets a conflict naming the winner', async () => {
    const core = t.app.core;
    const ana = await makeAgent(core, 'Ana');
    const bea = await makeAgent(core, 'Bea');
    const conv = await newChat(makeChannel(core), '1');
    claimConversation(core, conv.id, { type: 'user', user: ana });
    expect(() => claimConversation(core, conv.id, { type: 'user', user: bea })).toThrow('Already taken by Ana');
  });
});
