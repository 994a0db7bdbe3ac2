/**
 * Presence pushes: a user's presence dot (`#presence-<id>`, in their own status menu) is pushed
 * only to that user's tabs, once per change. Tabs are plain hub tabs recording their frames (the
 * hub is transport-agnostic), so every frame a join caused is counted.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import type { PublicUser } from '../../src/core/types';
import type { HubTab } from '../../src/realtime/hub';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

let nextTab = 0;
/** Connects a recording tab for `user` to the app's hub. */
function join(user: PublicUser): HubTab & { frames: string[] } {
  const frames: string[] = [];
  const tab = { id: `tab-${++nextTab}`, user, viewing: null, locale: 'es' as const, idle: false, frames, send: (text: string) => { frames.push(text); } };
  t.app.deps.realtime.hub.add(tab);
  return tab;
}

const presenceFrames = (tab: { frames: string[] }) => tab.frames.filter((f) => f.includes('id="presence-'));
const presenceEvents = (userId: string) => t.events.filter((e) => e.name === 'user.presence' && e.payload.userId === userId);

test("a second tab of an online user pushes no presence to anyone", async () => {
  const ana = (await t.signIn('agent', { name: 'Ana' })).user;
  const bob = (await t.signIn('agent', { name: 'Bob' })).user;
  const bobTab = join(bob);
  const first = join(ana);
  await t.app.core.bus.drain();
  expect(presenceFrames(first)).toEqual([expect.stringContaining(`id="presence-${ana.id}" class="presence online"`)]);
  expect(presenceEvents(ana.id)).toHaveLength(1);

  const before = [presenceFrames(bobTab).length, presenceFrames(first).length];
  const second = join(ana);
  await t.app.core.bus.drain();
  expect(presenceEvents(ana.id)).toHaveLength(1);
  expect([presenceFrames(bobTab).length, presenceFrames(first).length]).toEqual(before);
  expect(presenceFrames(second)).toEqual([]);
});

test('N users joining: each tab gets one presence frame, its own user\'s dot, and none about the others', async () => {
  const users = await Promise.all(['Cara', 'Dani', 'Eva', 'Fede', 'Gabi'].map(async (name) => (await t.signIn('agent', { name })).user));
  const tabs = users.map(join);
  await t.app.core.bus.drain();
  for (const [i, tab] of tabs.entries()) {
    const frames = presenceFrames(tab);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain(`id="presence-${users[i]!.id}" class="presence online"`);
    for (const other of users) if (other.id !== users[i]!.id) expect(tab.frames.some((f) => f.includes(other.id))).toBe(false);
  }
});

test('going away reaches every tab of that user', async () => {
  const hana = (await t.signIn('agent', { name: 'Hana' })).user;
  const [a, b] = [join(hana), join(hana)];
  await t.app.core.bus.drain();
  t.app.deps.realtime.presence.reportActivity(a, 'idle');
  t.app.deps.realtime.presence.reportActivity(b, 'idle');
  await t.app.core.bus.drain();
  for (const tab of [a, b]) expect(presenceFrames(tab).at(-1)).toContain('class="presence away"');
});
