/**
 * The supervisor board stays bounded: each column (an agent's conversations in a team, a team's
 * queue) shows at most BOARD_COLUMN_LIMIT cards, longest waiting first, then "+K more" linking to
 * the inbox filtered to exactly that column; load, queue and wait figures still count everything,
 * and a live push carries the same bounded block.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { assignConversation } from '../../src/core/assignment';
import { BOARD_COLUMN_LIMIT } from '../../src/core/routing/overview';
import { channelTeams, conversations } from '../../src/db/schema';
import type { PublicUser, Team } from '../../src/core/types';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../helpers/routing-fixtures';
import { WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
let team: Team;
let ana: PublicUser;
let bruno: PublicUser;
let channelId: string;
const anaIds: string[] = [];
const queueIds: string[] = [];
const brunoIds: string[] = [];
let phone = 0;

/** A new customer conversation in the team's channel, one minute after the previous one. */
async function write(assignee: PublicUser | null): Promise<string> {
  t.clock.advance(60_000);
  const conv = customerWrites(t.app.core, channelId, `54911${String(++phone).padStart(8, '0')}`, `mensaje ${phone}`).conversation!;
  await t.app.core.bus.drain();
  if (assignee) assignConversation(t.app.core, conv.id, { assigneeId: assignee.id }, null);
  return conv.id;
}

/** The cards and "+K more" link of one column (`data-agent` of its drop zone; '' is the queue). */
function columnOf(board: string, teamId: string, agentId: string) {
  const block = board.slice(board.indexOf(`id="team-block-${teamId}"`)).split('</section>')[0]!;
  const zone = block.split('class="agent-drop"').find((z) => z.startsWith(` data-agent="${agentId}"`))!;
  const more = /<a class="column-more" href="([^"]+)">([^<]+)<\/a>/.exec(zone);
  return {
    zone,
    ids: [...zone.matchAll(/data-conversation="([^"]+)"/g)].map((m) => m[1]!),
    href: more ? more[1]!.replaceAll('&amp;', '&') : null,
    label: more ? more[2] : null,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  port = t.app.listen(0);
  const core = t.app.core;
  ana = await makeAgent(core, 'Ana', { capacity: 50 });
  bruno = await makeAgent(core, 'Bruno', { capacity: 50 });
  team = makeTeam(core, 'Ventas', [ana, bruno]);
  channelId = makeChannel(core, 'Ventas');
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  for (let i = 0; i < BOARD_COLUMN_LIMIT + 5; i++) anaIds.push(await write(ana));
  for (let i = 0; i < BOARD_COLUMN_LIMIT + 3; i++) queueIds.push(await write(null));
  for (let i = 0; i < 2; i++) brunoIds.push(await write(bruno));
  // A pending conversation still belongs to Ana's column (and to the inbox link's set).
  core.db.update(conversations).set({ status: 'pending' }).where(eq(conversations.id, anaIds[24]!)).run();
});
afterAll(async () => { await t.close(); });

test('a column shows its longest-waiting cards, then "+K more" to exactly that set; figures stay exact', async () => {
  const sup = await t.signIn('supervisor');
  const board = await (await sup.client.get('/supervisor')).text();

  const anaColumn = columnOf(board, team.id, ana.id);
  expect(anaColumn.ids).toEqual(anaIds.slice(0, BOARD_COLUMN_LIMIT));
  expect(anaColumn.label).toBe('+5 más');
  expect(anaColumn.zone).toContain(`<span class="load">24/50</span>`);
  expect(anaColumn.zone).toContain('Pendientes 1');
  const queue = columnOf(board, team.id, '');
  expect(queue.ids).toEqual(queueIds.slice(0, BOARD_COLUMN_LIMIT));
  expect(queue.label).toBe('+3 más');
  expect(board).toContain(`<strong class="queue">${BOARD_COLUMN_LIMIT + 3}</strong>`);
  const brunoColumn = columnOf(board, team.id, bruno.id);
  expect(brunoColumn.ids).toEqual(brunoIds);
  expect(brunoColumn.href).toBeNull();

  // Each link opens the inbox on that column, same order, every conversation (open or pending).
  const listed = async (href: string) => [...(await (await sup.client.get(href)).text()).matchAll(/data-conversation-id="([^"]+)"/g)].map((m) => m[1]!);
  expect(anaColumn.href).toBe(`/inbox?view=team&teamId=${team.id}&assigneeId=${ana.id}&status=active&sort=waiting`);
  expect(await listed(anaColumn.href!)).toEqual(anaIds);
  expect(queue.href).toBe(`/inbox?view=unassigned&teamId=${team.id}&status=active&sort=waiting`);
  expect(await listed(queue.href!)).toEqual(queueIds);
});

test('the inbox can show the "no team" columns: unassigned without a team', async () => {
  const core = t.app.core;
  const sup = await t.signIn('supervisor');
  const loose = customerWrites(core, makeChannel(core, 'Suelta'), '5491199999999', 'sin equipo').conversation!;
  await core.bus.drain();
  const page = await (await sup.client.get('/inbox?view=unassigned&teamId=none&status=active&sort=waiting')).text();
  const ids = [...page.matchAll(/data-conversation-id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids).toEqual([loose.id]);
  // The Unassigned tab stays highlighted while a team narrows it.
  expect(page).toMatch(/<a href="\/inbox\?view=unassigned[^"]*" class="active">/);
});

test('a live push carries the same bounded block', async () => {
  const sup = await t.signIn('supervisor');
  const tab = new WsTab(port, sup.client.cookies.turno_session!);
  await tab.open();
  const newest = await write(ana);
  await t.app.core.bus.drain();
  const pushed = await tab.waitFor((f) => f.includes(`id="team-block-${team.id}"`) && f.includes('+6 más'));
  const anaColumn = columnOf(pushed, team.id, ana.id);
  expect(anaColumn.ids).toEqual(anaIds.slice(0, BOARD_COLUMN_LIMIT));
  expect(anaColumn.ids).not.toContain(newest);
  expect(anaColumn.zone).toContain(`<span class="load">25/50</span>`);
  expect(columnOf(pushed, team.id, '').ids).toHaveLength(BOARD_COLUMN_LIMIT);
  tab.close();
});
