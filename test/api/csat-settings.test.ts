/** /admin/csat: admins save per-team survey settings (the team falls back to the default until then); others are refused. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { csatSettingsFor } from '../../src/core/csat/settings';
import { createTeam } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

test('saving the default and a team, with inline errors and audit', async () => {
  const { client } = await t.signIn('admin');
  const team = createTeam(t.app.core, { name: 'Soporte' }, null);
  const saved = await client.form('/admin/csat', { teamId: '', enabled: 'true', delayMinutes: '5', language: 'pt-BR', template: '', cooldownDays: '14', lowScore: '2' });
  expect(saved.status).toBe(303);
  expect(csatSettingsFor(t.app.core, team.id)).toMatchObject({ teamId: null, enabled: true, delayMinutes: 5, language: 'pt-BR', cooldownDays: 14 });

  const page = await (await client.get(`/admin/csat?team=${team.id}`, { 'accept-language': 'en' })).text();
  expect(page).toContain('uses the company default');
  expect(page).toMatch(/name="delayMinutes" min="0" step="1" value="5"/);

  const bad = await client.form('/admin/csat', { teamId: team.id, enabled: 'true', delayMinutes: '-3', language: 'es', template: '', cooldownDays: '30', lowScore: '2' });
  expect(bad.status).toBe(422);
  expect(await bad.text()).toContain('Usa 0 minutos o más');
  await client.form('/admin/csat', { teamId: team.id, delayMinutes: '0', language: 'es', template: '', cooldownDays: '30', lowScore: '3' });
  expect(csatSettingsFor(t.app.core, team.id)).toMatchObject({ teamId: team.id, enabled: false, lowScore: 3 });
  const audit = t.app.core.db.$client.query<{ action: string }, []>("SELECT action FROM audit_log WHERE action = 'csat_settings.save'").all();
  expect(audit).toHaveLength(2);
});

test('supervisors and agents may not change survey settings', async () => {
  for (const role of ['supervisor', 'agent'] as const) {
    const { client } = await t.signIn(role);
    expect((await client.get('/admin/csat')).status).toBe(403);
  }
});
