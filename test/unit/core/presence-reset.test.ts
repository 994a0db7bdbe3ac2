import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { resetStalePresence, setAvailability } from '../../../src/core/availability';
import { users } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

test('after a restart, agents whose browser did not come back are set offline; reconnected and manual ones stay', async () => {
  const core = t.app.core;
  const gone = (await t.signIn('agent')).user;
  const back = (await t.signIn('agent')).user;
  const manual = (await t.signIn('agent')).user;
  setAvailability(core, gone.id, 'online', { manual: false });
  setAvailability(core, back.id, 'online', { manual: false });
  setAvailability(core, manual.id, 'online', { manual: true });
  t.clock.advance(60_000);
  const bootAt = t.clock.now();
  t.clock.advance(1000);
  setAvailability(core, back.id, 'online', { manual: false });
  core.db.update(users).set({ lastSeenAt: bootAt + 1000 }).where(eq(users.id, back.id)).run();
  expect(resetStalePresence(core, bootAt)).toBe(1);
  const state = (id: string) => core.db.select().from(users).where(eq(users.id, id)).get()!;
  expect(state(gone.id).availability).toBe('offline');
  expect(state(back.id).availability).toBe('online');
  expect(state(manual.id).availabilityManual).toBe('online');
  await core.bus.drain();
  expect(t.events.some((e) => e.name === 'user.presence' && e.payload.userId === gone.id && e.payload.availability === 'offline')).toBe(true);
});
