/**
 * Alerts reach people: an unattended customer (and SLA breaches) store notifications for the team,
 * the assignee and supervisors; their open tabs get a toast, the dropdown entry and the new count
 * over the socket (others get nothing); the bell lists them; opening one marks it read and leads to
 * the conversation; "mark all read" clears the count; someone else's notification is a 404.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { getConversationOrThrow } from '../../src/core/conversations';
import { unreadCount, unreadNotifications } from '../../src/core/routing/notify';
import { saveSlaPolicy } from '../../src/core/routing/sla';
import { alertIfUnattended, checkSla } from '../../src/core/routing/timers';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel, makeTeam } from '../helpers/routing-fixtures';
import { WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

test('unattended and SLA alerts: toasts to the audience only, bell, mark read', async () => {
  const core = t.app.core;
  const ana = await t.signIn('agent', { name: 'Ana' });
  const outsider = await t.signIn('agent', { name: 'Otto' });
  const sup = await t.signIn('supervisor', { name: 'Sol' });
  const team = makeTeam(core, 'Soporte', [ana.user]);
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  saveSlaPolicy(core, { name: 'General', firstResponseMinutes: 10 }, null);
  const [anaTab, otto, supTab] = [ana, outsider, sup].map((u) => new WsTab(port, u.client.cookies.turno_session!));
  await Promise.all([anaTab!.open(), otto!.open(), supTab!.open()]);

  const conv = customerWrites(core, channelId, '5491100000077', 'hola <b>urgente</b>').conversation!;
  await core.bus.drain();
  t.clock.advance(20 * 60_000);
  const fresh = getConversationOrThrow(core, conv.id);
  expect(alertIfUnattended(core, { conversationId: conv.id, waitingSince: fresh.waitingSince! })).toBe(true);
  await core.bus.drain();
  const toast = await anaTab!.waitFor((f) => f.includes('class="toast'));
  expect(toast).toContain(`el cliente lleva 20 min sin respuesta`);
  expect(toast).toContain('hx-swap-oob="afterbegin:#notif-list"');
  expect(toast).toMatch(/id="notif-count"[^>]*hx-swap-oob="true"[^>]*>1</);
  await supTab!.waitFor((f) => f.includes('class="toast'));
  expect(checkSla(core, { conversationId: conv.id, metric: 'first_response', stage: 'breached', dueAt: fresh.createdAt + 10 * 60_000 })).toBe(true);
  await core.bus.drain();
  await supTab!.waitFor((f) => f.includes('SLA incumplido en #'));
  expect((await otto!.barrier()).some((f) => f.includes('toast'))).toBe(false);

  // Bell and mark as read
  const bell = await (await ana.client.get('/notifications/bell')).text();
  expect(bell).toContain('SLA incumplido');
  expect(bell).toMatch(/id="notif-count"[^>]*>2</);
  const [latest] = unreadNotifications(core, ana.user.id);
  const noCsrf = await t.request(`/notifications/${latest!.id}/read`, { method: 'POST', headers: { cookie: `turno_session=${ana.client.cookies.turno_session}` } });
  expect(noCsrf.status).toBe(403);
  expect((await outsider.client.form(`/notifications/${latest!.id}/read`, {})).status).toBe(404);
  const read = await ana.client.form(`/notifications/${latest!.id}/read`, {}, { 'HX-Request': 'true' });
  expect(read.headers.get('HX-Redirect')).toBe(`/inbox/c/${conv.id}`);
  expect(unreadCount(core, ana.user.id)).toBe(1);
  const cleared = await (await sup.client.form('/notifications/read-all', {}, { 'HX-Request': 'true' })).text();
  expect(cleared).toMatch(/id="notif-count"[^>]*>0</);
  expect(unreadCount(core, sup.user.id)).toBe(0);
  expect(unreadCount(core, ana.user.id)).toBe(1);
  [anaTab, otto, supTab].forEach((tab) => tab!.close());
});
