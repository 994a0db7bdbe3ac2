import { afterEach, beforeEach, expect, test } from 'bun:test';
import { getConversationOrThrow } from '../../src/core/conversations';
import { listRules } from '../../src/core/routing/rules';
import { listTeams } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel } from '../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

test('admin creates a team, sets its mode and channels, and sees it listed', async () => {
  const { client } = await t.signIn('admin');
  const channelId = makeChannel(t.app.core, 'Ventas');
  expect((await client.form('/admin/teams', { name: 'Billing', assignmentMode: 'balanced' })).status).toBe(303);
  const team = listTeams(t.app.core)[0]!;
  await client.form(`/admin/teams/${team.id}`, { name: 'Billing', assignmentMode: 'round_robin', capacityOverride: '3', onlyAssigneeCanReply: 'true', channelIds: channelId });
  expect(listTeams(t.app.core)[0]).toMatchObject({ assignmentMode: 'round_robin', capacityOverride: 3, onlyAssigneeCanReply: true });
  const page = await (await client.get('/admin/teams')).text();
  expect(page).toContain('data-team="Billing"');
  expect(page).toMatch(new RegExp(`value="${channelId}" checked`));
});

test('rules page: create, reject a regex RE2 cannot run with a readable error, test a sample message', async () => {
  const { client } = await t.signIn('admin');
  await client.form('/admin/routing', { name: 'Saludo', conditions: '[{"type":"keywords","any":["hola"]}]', actions: '[{"type":"set_priority","priority":"low"}]', enabled: 'true', stopOnMatch: 'true' });
  await client.form('/admin/routing', { name: 'Facturas', conditions: '[{"type":"keywords","any":["factura"]}]', actions: '[{"type":"set_priority","priority":"high"}]', enabled: 'true', stopOnMatch: 'true' });
  const bad = await client.form('/admin/routing', { name: 'Mala', conditions: '[{"type":"regex","pattern":"(?=pago)factura"}]', actions: '[{"type":"spam"}]' });
  expect(bad.status).toBe(422);
  expect(await bad.text()).toContain('No se admiten búsquedas hacia delante ni hacia atrás');
  expect(listRules(t.app.core).map((r) => r.name)).toEqual(['Saludo', 'Facturas']);
  const result = await (await client.form('/admin/routing/test', { text: 'Necesito mi FÁCTURA' })).text();
  expect(result).toContain('regla 2 «Facturas» porque coincidió keyword &#39;factura&#39;');
});

test('supervisor board lists conversations and bulk reassign moves them', async () => {
  const { client } = await t.signIn('supervisor');
  const ana = await t.signIn('agent', { name: 'Ana' });
  const conv = customerWrites(t.app.core, makeChannel(t.app.core), '1', '<script>x</script>').conversation!;
  await t.app.core.bus.drain();
  const board = await (await client.get('/supervisor')).text();
  expect(board).toContain(`data-conversation="${conv.id}"`);
  expect(board).not.toContain('<script>x</script>');
  const res = await client.form('/supervisor/reassign', { ids: conv.id, target: ana.user.id });
  expect(res.status).toBe(303);
  expect(getConversationOrThrow(t.app.core, conv.id).assigneeId).toBe(ana.user.id);
  expect((await ana.client.get('/supervisor')).status).toBe(403);
});
