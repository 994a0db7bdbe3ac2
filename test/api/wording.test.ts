/**
 * Words instead of raw data: the audit log names who, what and which conversation (linked), with no
 * JSON or ids; a rule reads "Send to team: Ventas" and the tester names its actions the same way; a
 * team-only assignment reads "Sent to the Ventas team"; the new-rule form has no real keyword; the
 * time-zone list starts with the business's zone and its region and is searchable by city.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { assignConversation, takeOver } from '../../src/core/assignment';
import { createTeam } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('wording', () => {
  test('the audit log says who did what to which conversation, in words and with a link', async () => {
    const admin = await t.signIn('admin', { name: 'Alba Auditora' });
    const owner = await t.signIn('agent', { name: 'Olga Dueña' });
    const beto = await t.signIn('supervisor', { name: 'Beto Relevo' });
    const { channelId } = makeChannel(t);
    const c = customerSays(t, channelId, 'hola', { from: '5491100011001' }).conversation!;
    assignConversation(t.app.core, c.id, { assigneeId: owner.user.id }, null);
    takeOver(t.app.core, c.id, { type: 'user', user: beto.user });
    const page = await (await admin.client.get('/admin/audit')).text();
    const row = /<tr data-action="conversation.take_over">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    expect(row).toContain('Beto Relevo');
    expect(row).toContain('Se hizo cargo de una conversación');
    expect(row).toContain(`<a href="/inbox/c/${c.id}">Conversación #${c.number}</a>`);
    expect(row).toContain('Olga Dueña');
    expect(row.replace(`/inbox/c/${c.id}`, '')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(row).not.toContain('{&quot;');
  });

  test('a team-only assignment and the default queue read as sentences', async () => {
    const ana = await t.signIn('supervisor', { name: 'Ana Lee' });
    const { channelId } = makeChannel(t);
    const team = createTeam(t.app.core, { name: 'Ventas Sur' }, null);
    const c = customerSays(t, channelId, 'precio?', { from: '5491100011002' }).conversation!;
    assignConversation(t.app.core, c.id, { teamId: team.id, assigneeId: null }, null);
    const page = await (await ana.client.get(`/inbox/c/${c.id}`)).text();
    expect(page).toContain('Enviada al equipo Ventas Sur por el sistema');
    expect(page).not.toMatch(/Asignada a\s+por/);
  });

  test('rules name their team; the tester names actions in words; the new-rule form has no keyword', async () => {
    const admin = await t.signIn('admin');
    const team = createTeam(t.app.core, { name: 'Facturación' }, null);
    const saved = await admin.client.form('/admin/routing', {
      name: 'Facturas', conditions: '[{"type":"keywords","any":["factura"]}]', actions: JSON.stringify([{ type: 'assign_team', teamId: team.id }]), enabled: 'true', stopOnMatch: 'true',
    });
    expect(saved.status).toBeLessThan(400);
    const page = await (await admin.client.get('/admin/routing')).text();
    expect(page).toContain('Enviar al equipo: Facturación');
    expect(page).toContain('&quot;type&quot;:&quot;keywords&quot;,&quot;any&quot;:[]');
    const tested = await (await admin.client.form('/admin/routing/test', { text: 'quiero mi factura' })).text();
    expect(/id="test-result">([^<]*)</.exec(tested)![1]).toContain('Acciones: Enviar al equipo: Facturación.');
    expect(tested).not.toContain('assign_team.');
  });

  test('the time-zone list starts with the business zone and its region, with city names to search', async () => {
    const admin = await t.signIn('admin');
    const teamRes = await admin.client.form('/admin/routing/hours', { teamId: '', timezone: 'America/Bogota', day: '1', from: '09:00', to: '18:00' });
    expect(teamRes.status).toBeLessThan(400);
    const page = await (await admin.client.get('/admin/routing/hours')).text();
    const zones = [...page.matchAll(/<option value="([^"]+)" label="([^"]+)"><\/option>/g)].map((m) => [m[1], m[2]]);
    expect(zones[0]).toEqual(['America/Bogota', 'Bogota (America)']);
    expect(zones.slice(1, 20).every(([z]) => z!.startsWith('America/'))).toBe(true);
    expect(zones).toContainEqual(['America/Argentina/Buenos_Aires', 'Buenos Aires (America)']);
  });
});
