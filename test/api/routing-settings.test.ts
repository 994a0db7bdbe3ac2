/**
 * Admin screens for business hours, SLA policies and lifecycle settings: admin only, CSRF
 * enforced, zod validation shown inline (422) with the submitted values kept, every save audited,
 * and the saved values used by routing (hours → isTeamOpen, SLA → policyFor, settings → getSetting).
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { listAudit } from '../../src/core/audit';
import { hoursFor, isTeamOpen, ownHours } from '../../src/core/routing/hours-store';
import { listSlaPolicies, policyFor } from '../../src/core/routing/sla';
import { getSetting } from '../../src/core/settings';
import { createTeam } from '../../src/core/teams';
import type { TestClient } from '../helpers/test-client';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

/** Posts a form with repeated fields (rows), as a browser does. */
function post(client: TestClient, path: string, pairs: Array<[string, string]>, csrf = true) {
  return t.request(path, {
    method: 'POST', body: new URLSearchParams(pairs).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `turno_session=${client.cookies.turno_session}`, ...(csrf ? { 'x-csrf-token': client.csrf! } : {}) },
  });
}
const actions = () => listAudit(t.app.core).map((a) => a.action);

describe('access', () => {
  for (const path of ['/admin/routing/hours', '/admin/routing/sla', '/admin/routing/lifecycle']) {
    test(`${path}: admins only, CSRF required`, async () => {
      const sup = await t.signIn('supervisor');
      expect((await sup.client.get(path)).status).toBe(403);
      expect((await post(sup.client, path, [['name', 'x']])).status).toBe(403);
      const admin = await t.signIn('admin');
      expect((await admin.client.get(path)).status).toBe(200);
      const before = actions().length;
      const noCsrf = await post(admin.client, path, [['name', 'x']], false);
      expect(noCsrf.status).toBe(403);
      expect(actions().length).toBe(before);
      expect((await t.anonymous().get(path)).status).toBe(303);
    });
  }
});

describe('business hours', () => {
  test('a team gets its own weekly intervals and holidays in its zone; used by routing; audited', async () => {
    const { client } = await t.signIn('admin');
    const team = createTeam(t.app.core, { name: 'Soporte' }, null);
    const page = await (await client.get(`/admin/routing/hours?team=${team.id}`)).text();
    expect(page).toContain('America/Bogota');
    expect(page).toContain('no tiene horario propio');
    const res = await post(client, '/admin/routing/hours', [
      ['teamId', team.id], ['timezone', 'America/Bogota'],
      ['day', '1'], ['from', '09:00'], ['to', '13:00'], ['day', '1'], ['from', '14:00'], ['to', '18:00'], ['day', '2'], ['from', ''], ['to', ''],
      ['holiday', '2026-12-25'], ['holiday', ''], ['outOfOfficeMessage', 'Volvemos el lunes'],
    ]);
    expect(res.status).toBe(303);
    expect(ownHours(t.app.core, team.id)).toMatchObject({
      timezone: 'America/Bogota', holidays: ['2026-12-25'], outOfOfficeMessage: 'Volvemos el lunes',
      weekly: [{ day: 1, from: '09:00', to: '13:00' }, { day: 1, from: '14:00', to: '18:00' }],
    });
    expect(ownHours(t.app.core, null)).toBeNull();
    // Monday 2026-11-30 10:00 in Bogotá (UTC−5) = 15:00 UTC: open; 13:30 local: closed (lunch).
    expect(isTeamOpen(t.app.core, team.id, Date.UTC(2026, 10, 30, 15, 0))).toBe(true);
    expect(isTeamOpen(t.app.core, team.id, Date.UTC(2026, 10, 30, 18, 30))).toBe(false);
    expect(actions()).toContain('business_hours.update');
  });

  test('invalid rows come back inline on the right row with the values kept; nothing saved', async () => {
    const { client } = await t.signIn('admin');
    const res = await post(client, '/admin/routing/hours', [
      ['teamId', ''], ['timezone', 'Mars/Olympus'], ['day', '1'], ['from', '09:00'], ['to', '18:00'], ['day', '3'], ['from', '18:00'], ['to', '09:00'], ['holiday', '25/12/2026'],
    ]);
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('Zona horaria desconocida');
    expect(body).toContain('La hora de cierre debe ser posterior a la de apertura');
    expect(body).toContain('Usa AAAA-MM-DD');
    expect(body).toContain('value="25/12/2026"');
    expect(body.indexOf('La hora de cierre')).toBeGreaterThan(body.indexOf('value="09:00"'));
    expect(hoursFor(t.app.core, null)).toBeNull();
    expect(actions()).not.toContain('business_hours.update');
  });

  test('an unknown team is a 404', async () => {
    const { client } = await t.signIn('admin');
    expect((await client.get('/admin/routing/hours?team=nope')).status).toBe(404);
  });
});

describe('SLA policies', () => {
  test('default and per-team policies with business-hours flag; edit, move and delete; audited', async () => {
    const { client } = await t.signIn('admin');
    const team = createTeam(t.app.core, { name: 'Ventas' }, null);
    expect((await post(client, '/admin/routing/sla', [['name', 'General'], ['teamId', ''], ['firstResponseMinutes', '30'], ['nextResponseMinutes', ''], ['resolutionMinutes', '1440']])).status).toBe(303);
    expect((await post(client, '/admin/routing/sla', [['name', 'Ventas VIP'], ['teamId', team.id], ['firstResponseMinutes', '5'], ['nextResponseMinutes', '10'], ['resolutionMinutes', ''], ['businessHoursOnly', 'true']])).status).toBe(303);
    expect(policyFor(t.app.core, null)).toMatchObject({ name: 'General', firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: 1440, businessHoursOnly: false });
    expect(policyFor(t.app.core, team.id)).toMatchObject({ name: 'Ventas VIP', firstResponseMinutes: 5, nextResponseMinutes: 10, businessHoursOnly: true });
    const page = await (await client.get('/admin/routing/sla')).text();
    expect(page).toContain('data-policy="Ventas VIP"');
    const vip = policyFor(t.app.core, team.id)!;
    await post(client, `/admin/routing/sla/${vip.id}/delete`, []);
    expect(policyFor(t.app.core, team.id)?.name).toBe('General');
    expect(actions()).toEqual(expect.arrayContaining(['sla_policy.save', 'sla_policy.delete']));
  });

  test('bad targets are shown next to their field', async () => {
    const { client } = await t.signIn('admin');
    const res = await post(client, '/admin/routing/sla', [['name', ''], ['teamId', ''], ['firstResponseMinutes', '0'], ['nextResponseMinutes', 'abc'], ['resolutionMinutes', '']]);
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('Ponle un nombre a la política');
    expect(body).toContain('Usa al menos 1 minuto');
    expect(body).toContain('Escribe un número');
    expect(listSlaPolicies(t.app.core)).toEqual([]);
  });
});

describe('lifecycle settings', () => {
  const valid: Array<[string, string]> = [
    ['lifecycle.reopenWindowMinutes', '60'], ['lifecycle.autoResolveHours', '48'], ['lifecycle.autoResolveMessage', '¡Gracias por escribirnos!'],
    ['routing.offlineTimeoutMinutes', '5'], ['alerts.unattendedMinutes', '20'], ['routing.releaseCooldownMinutes', '15'], ['hours.outOfOfficeEveryHours', '2'],
    ['hours.outOfOfficeMessages.es', 'Estamos cerrados'], ['hours.outOfOfficeMessages.pt-BR', 'Estamos fechados'], ['hours.outOfOfficeMessages.en', 'We are closed'],
  ];

  test('saves every value; only changed ones are audited', async () => {
    const { client } = await t.signIn('admin');
    expect((await post(client, '/admin/routing/lifecycle', valid)).status).toBe(303);
    const core = t.app.core;
    expect(getSetting(core, 'lifecycle.reopenWindowMinutes')).toBe(60);
    expect(getSetting(core, 'lifecycle.autoResolveHours')).toBe(48);
    expect(getSetting(core, 'lifecycle.autoResolveMessage')).toBe('¡Gracias por escribirnos!');
    expect(getSetting(core, 'routing.releaseCooldownMinutes')).toBe(15);
    expect(getSetting(core, 'hours.outOfOfficeMessages')).toEqual({ es: 'Estamos cerrados', 'pt-BR': 'Estamos fechados', en: 'We are closed' });
    const audited = listAudit(core).filter((a) => a.action === 'setting.update').length;
    expect(audited).toBe(8);
    await post(client, '/admin/routing/lifecycle', valid.map(([k, v]) => [k, k === 'alerts.unattendedMinutes' ? '30' : v]));
    expect(listAudit(core).filter((a) => a.action === 'setting.update').length).toBe(9);
    const page = await (await client.get('/admin/routing/lifecycle')).text();
    expect(page).toContain('value="30"');
    expect(page).toContain('Estamos fechados');
  });

  test('deleted messages keep their content by default; the page can switch that off (and leaves it alone when the field is absent)', async () => {
    const { client } = await t.signIn('admin');
    expect(getSetting(t.app.core, 'messages.keepDeletedContent')).toBe(true);
    expect(await (await client.get('/admin/routing/lifecycle')).text()).toMatch(/<option value="true" selected>/);
    await post(client, '/admin/routing/lifecycle', [...valid, ['messages.keepDeletedContent', 'false']]);
    expect(getSetting(t.app.core, 'messages.keepDeletedContent')).toBe(false);
    await post(client, '/admin/routing/lifecycle', valid);
    expect(getSetting(t.app.core, 'messages.keepDeletedContent')).toBe(false);
  });

  test('an invalid value is shown inline and nothing is stored', async () => {
    const { client } = await t.signIn('admin');
    const res = await post(client, '/admin/routing/lifecycle', valid.map(([k, v]): [string, string] => [k, k === 'routing.offlineTimeoutMinutes' ? '-3' : k === 'lifecycle.autoResolveHours' ? '' : v]));
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('Escribe un número');
    expect(body).toMatch(/name="routing.offlineTimeoutMinutes"[^>]*value="-3"[^>]*aria-invalid="true"/);
    expect(getSetting(t.app.core, 'lifecycle.reopenWindowMinutes')).toBe(24 * 60);
    expect(listAudit(t.app.core).some((a) => a.action === 'setting.update')).toBe(false);
  });
});
