/**
 * The conversation list filters and sorts in two places: the server (`listConversations`, the page)
 * and the browser (`rowMatches` / `sortKey` in static/inbox.js, which decide where a live-pushed
 * row goes). This contract test runs the browser's functions, taken from static/inbox.js as they
 * are, over the rows and list attributes the server renders, for a table of filters: the rows the
 * client keeps, in the client's order (`comesBefore`, which places a pushed row), must be exactly
 * the server's page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { conversationLabels, conversations, labels } from '../../src/db/schema';
import { newId } from '../../src/lib/ids';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';

type Dataset = Record<string, string>;
interface Row { id: string; dataset: Dataset }
interface ClientFilters { rowMatches(row: Row, list: { dataset: Dataset }): boolean; comesBefore(a: Row, b: Row, sort: string): boolean }

/** The source of `function <name>(…) { … }` in a script, by brace matching. */
function functionSource(source: string, name: string): string {
  const start = source.indexOf(`function ${name}(`);
  if (start < 0) throw new Error(`static/inbox.js has no function ${name}`);
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error(`unbalanced function ${name}`);
}

/** static/inbox.js's rowMatches and sortKey, bound to the signed-in user's id. */
function clientFilters(me: string): ClientFilters {
  const script = readFileSync(join(import.meta.dir, '../../static/inbox.js'), 'utf8');
  const body = ['rowMatches', 'sortKey', 'comesBefore'].map((name) => functionSource(script, name)).join('\n') + '\nreturn { rowMatches: rowMatches, comesBefore: comesBefore };';
  return new Function('me', 'byId', body)(() => me, () => null) as ClientFilters;
}

/** `data-*` attributes of an element, keyed like the DOM's dataset (data-conversation-id → conversationId). */
function dataset(el: { attributes: Iterable<[string, string]> }): Dataset {
  const out: Dataset = {};
  for (const [name, value] of el.attributes) {
    if (name.startsWith('data-')) out[name.slice(5).replace(/-(\w)/g, (_: string, c: string) => c.toUpperCase())] = value;
  }
  return out;
}

/** The conversation list's attributes and its rows (in page order) from an inbox page. */
async function listOf(pageHtml: string): Promise<{ list: Dataset; rows: Row[] }> {
  let list: Dataset = {};
  const rows: Row[] = [];
  await new HTMLRewriter()
    .on('#conv-list', { element(el) { list = dataset(el); } })
    .on('#conv-list > li.conv-row', { element(el) { rows.push({ id: el.getAttribute('id')!, dataset: dataset(el) }); } })
    .transform(new Response(pageHtml)).text();
  return { list, rows };
}

let t: TestApp;
let client: TestClient;
let me: string;
let ids: { teamA: string; teamB: string; channelA: string; channelB: string; vip: string; agent: string };

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signIn('admin');
  client = admin.client;
  me = admin.user.id;
  const agent = await t.signIn('agent');
  const a = makeChannel(t, { teamOnly: true });
  const b = makeChannel(t, { teamOnly: true });
  const vip = newId();
  t.app.core.db.insert(labels).values({ id: vip, name: 'VIP', createdAt: t.clock.now() }).run();
  ids = { teamA: a.teamId!, teamB: b.teamId!, channelA: a.channelId, channelB: b.channelId, vip, agent: agent.user.id };
  const statuses = ['open', 'pending', 'snoozed', 'resolved'] as const;
  const priorities = ['urgent', 'high', 'medium', 'low'] as const;
  const assignees = [null, me, agent.user.id];
  const teams = [null, a.teamId, b.teamId];
  for (let i = 0; i < 24; i++) {
    t.clock.advance(60_000);
    const channelId = i % 2 ? b.channelId : a.channelId;
    const id = customerSays(t, channelId, `hola ${i}`, { from: `5491100${String(200000 + i)}` }).conversation!.id;
    await t.app.core.bus.drain();
    t.app.core.db.update(conversations).set({
      status: statuses[i % 4], priority: priorities[(i >> 1) % 4], assigneeId: assignees[i % 3], teamId: teams[(i >> 2) % 3],
      // distinct sort keys: the newest and waiting orders have no ties to break
      lastMessageAt: t.clock.now() - ((i * 7) % 24) * 1000, waitingSince: i % 5 === 0 ? null : t.clock.now() - ((i * 11) % 24) * 1000,
    }).where(eq(conversations.id, id)).run();
    if (i % 3 === 1) t.app.core.db.insert(conversationLabels).values({ conversationId: id, labelId: vip }).run();
  }
});
afterAll(async () => { await t.close(); });

/** Every conversation's row as the server renders it (one page per status: the inbox shows one status at a time). */
async function everyRow(): Promise<{ rows: Row[] }> {
  const rows: Row[] = [];
  for (const status of ['open', 'pending', 'snoozed', 'resolved']) rows.push(...(await listOf(await (await client.get(`/inbox?view=all&status=${status}`)).text())).rows);
  expect(rows.length).toBe(24);
  return { rows };
}

describe('list filters: static/inbox.js agrees with the server', () => {
  const cases: Array<[string, () => string]> = [
    ['all', () => 'view=all&status=open'],
    ['all, default status', () => 'view=all'],
    ['mine', () => 'view=mine'],
    ['unassigned', () => 'view=unassigned'],
    ['unassigned, no team', () => 'view=unassigned&teamId=none'],
    ['unassigned in a team', () => `view=unassigned&teamId=${ids.teamA}&status=snoozed`],
    ['a team', () => `view=team&teamId=${ids.teamB}`],
    ['active (open or pending), waiting first', () => 'view=all&status=active&sort=waiting'],
    ['snoozed', () => 'view=all&status=snoozed'],
    ['resolved, newest', () => 'view=all&status=resolved&sort=newest'],
    ['priority', () => 'view=all&status=resolved&priority=high'],
    ['channel', () => `view=all&channelId=${ids.channelA}`],
    ['assignee', () => `view=all&assigneeId=${ids.agent}`],
    ['label', () => `view=all&labelId=${ids.vip}`],
    ['several at once', () => `view=all&status=active&priority=urgent&channelId=${ids.channelB}&sort=waiting`],
  ];

  for (const [name, query] of cases) {
    test(name, async () => {
      const all = await everyRow();
      const page = await listOf(await (await client.get(`/inbox?${query()}`)).text());
      const { rowMatches, comesBefore } = clientFilters(me);
      const kept = all.rows.filter((row) => rowMatches(row, { dataset: page.list }))
        .sort((x, y) => (comesBefore(x, y, page.list.sort!) ? -1 : comesBefore(y, x, page.list.sort!) ? 1 : 0));
      expect(kept.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    });
  }

  test('the cases are not vacuous: filters keep different, non-empty sets', async () => {
    const sets = new Set<string>();
    const empty: string[] = [];
    for (const [name, query] of cases) {
      const rows = (await listOf(await (await client.get(`/inbox?${query()}`)).text())).rows;
      sets.add(rows.map((r) => r.id).sort().join(' '));
      if (rows.length === 0) empty.push(name);
    }
    expect(empty).toEqual([]);
    expect(sets.size).toBeGreaterThanOrEqual(10);
  });
});
