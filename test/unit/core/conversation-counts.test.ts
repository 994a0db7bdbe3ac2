/**
 * View counts come from the trigger-kept `conversation_counts` buckets. After a random series of
 * creates, assignments, team moves, status and priority changes and deletes, every count must
 * equal a direct COUNT over the conversations for every user and filter.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { count, eq, sql } from 'drizzle-orm';
import { countConversations, listConversations, type ConversationFilter } from '../../../src/core/conversations';
import { createTeam } from '../../../src/core/teams';
import { conversationCounts, conversations, messages } from '../../../src/db/schema';
import { CONVERSATION_STATUSES, PRIORITIES } from '../../../src/db/schema/enums';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerSays, makeChannel } from '../../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function seeded(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Every conversation a filter lists, walking all keyset pages (the ground truth). */
function listedCount(user: Parameters<typeof countConversations>[1], filter: ConversationFilter): number {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = listConversations(t.app.core, user, { ...filter, cursor, limit: 200 });
    total += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return total;
}

test('bucket counts equal the listed conversations after random changes, for agents in and out of teams and supervisors', async () => {
  const member = await t.signIn('agent');
  const outsider = await t.signIn('agent');
  const boss = await t.signIn('supervisor');
  const restricted = makeChannel(t, { teamOnly: true, members: [member.user.id] });
  const open = makeChannel(t);
  const otherTeam = createTeam(t.app.core, { name: 'Billing' }, null);
  const teams = [restricted.teamId!, otherTeam.id, null];
  const assignees = [member.user.id, outsider.user.id, boss.user.id, null];
  const random = seeded(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const db = t.app.core.db;

  for (let i = 0; i < 60; i++) customerSays(t, pick([restricted.channelId, open.channelId]), `hola ${i}`, { from: `54911000${String(10000 + i)}` });
  // Routing handles each new message after commit: let it finish before rows are deleted under it.
  await t.app.core.bus.drain();
  const ids = () => db.select({ id: conversations.id }).from(conversations).all().map((r) => r.id);
  for (let step = 0; step < 300; step++) {
    const id = pick(ids());
    const change = pick(['assignee', 'team', 'status', 'priority', 'channel', 'several', 'delete'] as const);
    if (change === 'delete') {
      db.delete(messages).where(eq(messages.conversationId, id)).run();
      db.delete(conversations).where(eq(conversations.id, id)).run();
      continue;
    }
    const set: Partial<typeof conversations.$inferInsert> = {};
    if (change === 'assignee' || change === 'several') set.assigneeId = pick(assignees);
    if (change === 'team' || change === 'several') set.teamId = pick(teams);
    if (change === 'status' || change === 'several') set.status = pick(CONVERSATION_STATUSES);
    if (change === 'priority' || change === 'several') set.priority = pick(PRIORITIES);
    if (change === 'channel') set.channelId = pick([restricted.channelId, open.channelId]);
    db.update(conversations).set(set).where(eq(conversations.id, id)).run();
  }
  // An update that touches none of the counted columns leaves the buckets alone.
  db.update(conversations).set({ lastMessagePreview: 'x' }).run();

  const total = db.select({ n: count() }).from(conversations).get()!.n;
  const bucketTotal = db.select({ n: sql<number>`sum(${conversationCounts.n})` }).from(conversationCounts).get()!.n;
  expect(bucketTotal).toBe(total);
  expect(db.select({ n: count() }).from(conversationCounts).where(sql`${conversationCounts.n} < 0`).get()!.n).toBe(0);

  const filters: ConversationFilter[] = [];
  for (const view of ['all', 'mine', 'unassigned'] as const) {
    for (const status of [undefined, ...CONVERSATION_STATUSES]) filters.push({ view, status });
  }
  for (const teamId of teams.filter((x): x is string => !!x)) filters.push({ view: 'team', teamId }, { view: 'team', teamId, status: 'open' });
  filters.push({ view: 'all', channelId: open.channelId }, { view: 'all', priority: 'urgent' }, { view: 'all', assigneeId: outsider.user.id, status: 'open' });
  for (const user of [member.user, outsider.user, boss.user]) {
    for (const filter of filters) {
      expect({ filter, n: countConversations(t.app.core, user, filter) }).toEqual({ filter, n: listedCount(user, filter) });
    }
  }
  // The counts did move: the test is not comparing zeros.
  expect(countConversations(t.app.core, boss.user, { view: 'all' })).toBe(total);
  expect(total).toBeGreaterThan(0);
});

test('the three count triggers exist after all migrations (drizzle-kit does not know them; a table rebuild would drop them)', () => {
  const names = t.app.core.db.$client.query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'conversations' AND name LIKE 'conversation_counts_%' ORDER BY name").all().map((r) => r.name);
  expect(names).toEqual(['conversation_counts_delete', 'conversation_counts_insert', 'conversation_counts_update']);
});
