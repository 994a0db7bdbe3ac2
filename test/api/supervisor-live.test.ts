/**
 * The supervisor board over a real socket: team blocks re-rendered on assignment, presence and
 * customer messages reach supervisors and admins only (never agents), and bulk reassign over htmx
 * answers with a flash fragment.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { setAvailability } from '../../src/core/availability';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel, makeTeam } from '../helpers/routing-fixtures';
import { WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

test('team blocks are pushed to supervisors and admins only, with escaped previews', async () => {
  const core = t.app.core;
  const sup = await t.signIn('supervisor', { name: 'Sol' });
  const admin = await t.signIn('admin', { name: 'Ada' });
  const ana = await t.signIn('agent', { name: 'Ana' });
  const team = makeTeam(core, 'Ventas', [ana.user]);
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  const tabs = [new WsTab(port, sup.client.cookies.turno_session!), new WsTab(port, admin.client.cookies.turno_session!), new WsTab(port, ana.client.cookies.turno_session!)];
  await Promise.all(tabs.map((tab) => tab.open()));
  const [supTab, adminTab, anaTab] = tabs as [WsTab, WsTab, WsTab];

  const conv = customerWrites(core, channelId, '5491100000009', '<img src=x onerror=alert(1)>').conversation!;
  await core.bus.drain();
  const block = await supTab.waitFor((f) => f.includes(`id="team-block-${team.id}"`) && f.includes(conv.id));
  expect(block).toContain('hx-swap-oob="true"');
  expect(block).toContain('&lt;img src=x');
  await adminTab.waitFor((f) => f.includes(`id="team-block-${team.id}"`));

  assignConversation(core, conv.id, { assigneeId: ana.user.id }, { type: 'user', user: sup.user });
  await core.bus.drain();
  const moved = await supTab.waitFor((f) => f.includes(`id="team-block-${team.id}"`) && /data-agent="[^"]+"[\s\S]*data-conversation="/.test(f) && f.includes('1/'));
  expect(moved).toMatch(new RegExp(`data-agent="${ana.user.id}"[\\s\\S]*data-conversation="${conv.id}"`));

  setAvailability(core, ana.user.id, 'away', { manual: true });
  await core.bus.drain();
  await supTab.waitFor((f) => f.includes(`id="team-block-${team.id}"`) && f.includes('avail-away'));
  expect((await anaTab.barrier()).some((f) => f.includes('team-block-'))).toBe(false);
  tabs.forEach((tab) => tab.close());
});

test('bulk reassign over htmx answers with a flash; nothing selected is a readable error', async () => {
  const core = t.app.core;
  const sup = await t.signIn('supervisor');
  const bea = await t.signIn('agent', { name: 'Bea' });
  const conv = customerWrites(core, makeChannel(core), '5491100000010', 'hola').conversation!;
  await core.bus.drain();
  const ok = await sup.client.form('/supervisor/reassign', { ids: conv.id, target: bea.user.id }, { 'HX-Request': 'true' });
  expect(ok.status).toBe(200);
  expect(await ok.text()).toContain('1 conversación reasignada');
  const none = await sup.client.form('/supervisor/reassign', { target: bea.user.id }, { 'HX-Request': 'true' });
  expect(await none.text()).toContain('Selecciona al menos una conversación');
});
