/** `conversationFilterFor` agrees with `canSeeConversation` and reads the channels once per user. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { conversations } from '../../../src/db/schema';
import { canSeeConversation, conversationFilterFor } from '../../../src/core/visibility';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerSays, makeChannel } from '../../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('same verdicts as canSeeConversation for agents in and out of teams, assignees and supervisors', async () => {
  const member = await t.signIn('agent');
  const outsider = await t.signIn('agent');
  const boss = await t.signIn('supervisor');
  const restricted = makeChannel(t, { teamOnly: true, members: [member.user.id] });
  const open = makeChannel(t);
  customerSays(t, restricted.channelId, 'a', { from: '5491100000601' });
  customerSays(t, open.channelId, 'b', { from: '5491100000602' });
  const assigned = customerSays(t, restricted.channelId, 'c', { from: '5491100000603' }).conversation!;
  const all = t.app.core.db.select().from(conversations).all().map((c) => (c.id === assigned.id ? { ...c, assigneeId: outsider.user.id } : c));
  for (const user of [member.user, outsider.user, boss.user]) {
    const filter = conversationFilterFor(t.app.core, user);
    expect(all.map((c) => filter(c))).toEqual(all.map((c) => canSeeConversation(t.app.core, user, c)));
  }
  expect(conversationFilterFor(t.app.core, outsider.user)({ ...assigned, assigneeId: outsider.user.id })).toBe(true);
});
