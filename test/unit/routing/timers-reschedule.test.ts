/**
 * SLA and unattended checks are scheduled again when the conversation changes team (another SLA
 * policy) or wakes from a snooze, not only when the customer writes (I5).
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { assignConversation } from '../../../src/core/assignment';
import { setConversationStatus } from '../../../src/core/routing/lifecycle';
import { saveSlaPolicy } from '../../../src/core/routing/sla';
import { setSetting } from '../../../src/core/settings';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

const MIN = 60_000;
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function settle() {
  await t.app.core.bus.drain();
  await t.app.jobs.runDue();
  await t.app.core.bus.drain();
}
const fired = (name: string) => t.events.filter((e) => e.name === name).length;

test('a transfer to a team with an SLA policy schedules its checks', async () => {
  const core = t.app.core;
  const strict = makeTeam(core, 'Reclamos', []);
  saveSlaPolicy(core, { name: 'Reclamos', teamId: strict.id, firstResponseMinutes: 10 }, null);
  const id = customerWrites(core, makeChannel(core), '5491100000001', 'hola').conversation!.id;
  await settle();
  assignConversation(core, id, { teamId: strict.id }, null);
  await settle();
  t.clock.advance(11 * MIN);
  await settle();
  expect(fired('sla.breached')).toBe(1);
});

test('a snooze that ends schedules the unattended alert and the SLA again', async () => {
  const core = t.app.core;
  saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
  setSetting(core, 'alerts.unattendedMinutes', 5, null);
  const id = customerWrites(core, makeChannel(core), '5491100000002', 'hola').conversation!.id;
  await settle();
  setConversationStatus(core, id, { status: 'snoozed', snoozeUntil: core.clock.now() + 30 * MIN }, null);
  t.clock.advance(31 * MIN); // the snooze ends; the checks scheduled at the message ran while snoozed
  await settle(); // wakes it
  await settle(); // the checks scheduled on waking
  expect(fired('conversation.unattended')).toBe(1);
  expect(fired('sla.breached')).toBe(1);
});

test('rescheduling after a status change does not repeat an alert or breach that already fired', async () => {
  const core = t.app.core;
  saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
  setSetting(core, 'alerts.unattendedMinutes', 5, null);
  const id = customerWrites(core, makeChannel(core), '5491100000003', 'hola').conversation!.id;
  await settle();
  t.clock.advance(11 * MIN);
  await settle();
  expect([fired('conversation.unattended'), fired('sla.breached')]).toEqual([1, 1]);
  setConversationStatus(core, id, { status: 'pending' }, null);
  setConversationStatus(core, id, { status: 'open' }, null);
  await settle();
  await settle();
  expect([fired('conversation.unattended'), fired('sla.breached')]).toEqual([1, 1]);
});
