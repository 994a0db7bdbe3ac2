import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { setAvailability } from '../../../src/core/availability';
import { getConversationOrThrow, listConversationEvents } from '../../../src/core/conversations';
import { sendMessage } from '../../../src/core/messages';
import { addBusinessTime, isOpenAt } from '../../../src/core/routing/business-hours';
import { saveBusinessHours } from '../../../src/core/routing/hours-store';
import { setConversationStatus } from '../../../src/core/routing/lifecycle';
import { unreadNotifications } from '../../../src/core/routing/notify';
import { saveSlaPolicy, slaState } from '../../../src/core/routing/sla';
import { setSetting } from '../../../src/core/settings';
import { channelTeams } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });
const MIN = 60_000;

async function settle() {
  await t.app.core.bus.drain();
  await t.app.jobs.runDue();
  await t.app.core.bus.drain();
}

async function setup(mode: 'round_robin' | 'manual' = 'round_robin') {
  const core = t.app.core;
  const ana = await makeAgent(core, 'Ana');
  const bea = await makeAgent(core, 'Bea', { availability: 'offline' });
  const team = makeTeam(core, 'Support', [ana, bea], { assignmentMode: mode });
  const ch = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId: ch, teamId: team.id }).run();
  return { core, ana, bea, team, ch };
}

describe('durable timers', () => {
  test('an agent offline past the timeout hands open conversations back and they are re-routed', async () => {
    const { core, ana, bea, ch } = await setup();
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(ana.id);
    setAvailability(core, bea.id, 'online', { manual: false });
    setAvailability(core, ana.id, 'offline', { manual: false });
    await settle();
    t.clock.advance(9 * MIN);
    await settle();
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(ana.id);
    t.clock.advance(2 * MIN);
    await settle();
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(bea.id);
    const assigned = listConversationEvents(core, conv.id).filter((e) => e.kind === 'assigned');
    expect(assigned.at(-2)!.details).toMatchObject({ mode: 'offline_timeout', agentName: 'Ana', assigneeId: null });
    expect(assigned.at(-1)!.details).toMatchObject({ trigger: 'offline_timeout', winnerName: 'Bea' });
  });

  test('an agent who comes back before the timeout keeps their conversations', async () => {
    const { core, ana, ch } = await setup();
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    setAvailability(core, ana.id, 'offline', { manual: false });
    t.clock.advance(5 * MIN);
    setAvailability(core, ana.id, 'online', { manual: false });
    t.clock.advance(20 * MIN);
    await settle();
    expect(getConversationOrThrow(core, conv.id).assigneeId).toBe(ana.id);
  });

  test('a timed snooze wakes up at its time; a re-snooze makes the old timer harmless', async () => {
    const { core, ch } = await setup();
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    setConversationStatus(core, conv.id, { status: 'snoozed', snoozeUntil: core.clock.now() + 30 * MIN }, null);
    setConversationStatus(core, conv.id, { status: 'snoozed', snoozeUntil: core.clock.now() + 90 * MIN }, null);
    t.clock.advance(31 * MIN);
    await settle();
    expect(getConversationOrThrow(core, conv.id).status).toBe('snoozed');
    t.clock.advance(60 * MIN);
    await settle();
    expect(getConversationOrThrow(core, conv.id).status).toBe('open');
    // The wake-up is the last status change (routing may add an unattended alert right after it).
    expect(listConversationEvents(core, conv.id).filter((e) => e.kind === 'status').at(-1)!.details).toMatchObject({ from: 'snoozed', to: 'open', reason: 'snooze_ended' });
  });

  test('auto-resolve after N hours of inactivity, never while the customer waits', async () => {
    const { core, ana, ch } = await setup();
    setSetting(core, 'lifecycle.autoResolveHours', 2, null);
    setSetting(core, 'lifecycle.autoResolveMessage', 'Cerramos la conversación, escríbenos cuando quieras', null);
    const waiting = customerWrites(core, ch, '1', 'hola').conversation!;
    const answered = customerWrites(core, ch, '2', 'hola').conversation!;
    await settle();
    t.clock.advance(10 * MIN);
    sendMessage(core, answered.id, { type: 'user', user: ana }, { content: '¿En qué te ayudo?' });
    await settle();
    t.clock.advance(2 * 60 * MIN + MIN);
    await settle();
    expect(getConversationOrThrow(core, waiting.id).status).toBe('open');
    expect(getConversationOrThrow(core, answered.id).status).toBe('resolved');
    expect(getConversationOrThrow(core, answered.id).lastMessagePreview).toContain('Cerramos');
  });

  test('SLA: warning at 80 %, breach at 100 %, notifications for supervisors', async () => {
    const { core, ch } = await setup('manual');
    const sup = await makeAgent(core, 'Sofía', { role: 'supervisor' });
    saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    t.clock.advance(7 * MIN);
    await settle();
    expect(t.eventNames()).not.toContain('sla.warning');
    t.clock.advance(1 * MIN);
    await settle();
    expect(t.eventNames()).toContain('sla.warning');
    expect(t.eventNames()).not.toContain('sla.breached');
    t.clock.advance(2 * MIN);
    await settle();
    expect(t.events.find((e) => e.name === 'sla.breached')!.payload).toMatchObject({ metric: 'first_response' });
    expect(unreadNotifications(core, sup.id).map((n) => n.kind)).toContain('sla.breached');
    expect(slaState(getConversationOrThrow(core, conv.id), { id: 'x', name: 'x', teamId: null, firstResponseMinutes: 10, nextResponseMinutes: null, resolutionMinutes: null, businessHoursOnly: false, createdAt: 0 }, core.clock.now())!.state).toBe('breached');
  });

  test('an answered conversation does not breach its first-response SLA', async () => {
    const { core, ana, ch } = await setup();
    saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    t.clock.advance(5 * MIN);
    sendMessage(core, conv.id, { type: 'user', user: ana }, { content: 'Hola' });
    t.clock.advance(20 * MIN);
    await settle();
    expect(t.eventNames()).not.toContain('sla.breached');
  });

  test('the resolution SLA runs from the last reopen, not from when the conversation was created', async () => {
    const { core, ana, ch } = await setup();
    saveSlaPolicy(core, { name: 'Default', resolutionMinutes: 60 }, null);
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    setConversationStatus(core, conv.id, { status: 'resolved' }, { type: 'user', user: ana });
    t.clock.advance(3 * 60 * MIN);
    customerWrites(core, ch, '1', 'otra consulta');
    await settle();
    const reopened = getConversationOrThrow(core, conv.id);
    expect(reopened.status).toBe('open');
    expect(reopened.reopenedAt).toBe(core.clock.now());
    expect(t.eventNames()).not.toContain('sla.breached');
    t.clock.advance(59 * MIN);
    await settle();
    expect(t.eventNames()).not.toContain('sla.breached');
    t.clock.advance(2 * MIN);
    await settle();
    expect(t.events.find((e) => e.name === 'sla.breached')!.payload).toMatchObject({ metric: 'resolution' });
    // An agent's reopen restarts it too.
    setConversationStatus(core, conv.id, { status: 'resolved' }, { type: 'user', user: ana });
    t.clock.advance(10 * MIN);
    expect(setConversationStatus(core, conv.id, { status: 'open' }, { type: 'user', user: ana }).reopenedAt).toBe(core.clock.now());
  });

  test('unattended alert after N minutes without a human reply', async () => {
    const { core, ch, ana } = await setup('manual');
    setSetting(core, 'alerts.unattendedMinutes', 5, null);
    customerWrites(core, ch, '1', 'hola');
    await settle();
    t.clock.advance(6 * MIN);
    await settle();
    const event = t.events.find((e) => e.name === 'conversation.unattended')!;
    expect(event.payload.notifiedUserIds).toContain(ana.id);
    expect(unreadNotifications(core, ana.id)[0]!.kind).toBe('conversation.unattended');
  });

  test('out-of-office reply when closed, at most once per N hours', async () => {
    const { core, ch, team } = await setup('manual');
    saveBusinessHours(core, team.id, { timezone: 'America/Bogota', weekly: [], holidays: [], outOfOfficeMessage: 'Estamos cerrados' }, null);
    const conv = customerWrites(core, ch, '1', 'hola').conversation!;
    await settle();
    customerWrites(core, ch, '1', '¿hay alguien?');
    await settle();
    const ooo = () => listConversationEvents(core, conv.id).filter((e) => e.kind === 'auto_reply').length;
    expect(ooo()).toBe(1);
    t.clock.advance(5 * 3600_000);
    customerWrites(core, ch, '1', '¿hola?');
    await settle();
    expect(ooo()).toBe(2);
  });
});

describe('business hours', () => {
  const spec = { timezone: 'America/Bogota', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' })), holidays: ['2026-01-16'] };
  test('local time in the zone decides, holidays are closed', () => {
    expect(isOpenAt(spec, Date.UTC(2026, 0, 15, 14, 0))).toBe(true);   // Thu 09:00 Bogotá
    expect(isOpenAt(spec, Date.UTC(2026, 0, 15, 13, 59))).toBe(false); // Thu 08:59
    expect(isOpenAt(spec, Date.UTC(2026, 0, 16, 15, 0))).toBe(false);  // Fri holiday
    expect(isOpenAt(spec, Date.UTC(2026, 0, 16, 2, 0))).toBe(false);   // Thu 21:00 Bogotá (already Friday in UTC)
  });
  test('business-time SLA due dates skip nights, weekends and holidays', () => {
    // Thu 17:00 Bogotá + 2 business hours → Thu 1 h, Fri holiday, weekend → Mon 10:00 Bogotá (15:00Z)
    expect(new Date(addBusinessTime(spec, Date.UTC(2026, 0, 15, 22, 0), 2 * 3600_000)!).toISOString()).toBe('2026-01-19T15:00:00.000Z');
  });
  test('Madrid daylight-saving change is handled', () => {
    const madrid = { timezone: 'Europe/Madrid', weekly: [{ day: 0, from: '09:00', to: '10:00' }], holidays: [] };
    expect(isOpenAt(madrid, Date.UTC(2026, 2, 29, 7, 30))).toBe(true); // Sun 09:30 CEST (UTC+2)
    expect(isOpenAt(madrid, Date.UTC(2026, 2, 22, 8, 30))).toBe(true); // Sun 09:30 CET (UTC+1)
  });
});
