/**
 * Scenario tests of the /api/v1 resources: each route's happy path with its effect (rows, events,
 * audit), a validation error, the wrong role and — for conversation and contact routes — an agent
 * of another team. (security-matrix sends every route as every caller; these check what they do.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { receiveInbound } from '../../src/core/messages';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel } from '../helpers/whatsapp';

let t: TestApp;
const tok: Record<'admin' | 'supervisor' | 'agent' | 'outsider', string> = { admin: '', supervisor: '', agent: '', outsider: '' };
const ids: Record<string, string> = {};

type Init = { method?: string; json?: unknown; as?: keyof typeof tok };
const api = async (path: string, init: Init = {}) => {
  const res = await t.request(`/api/v1${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${tok[init.as ?? 'admin']}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const audited = (action: string) => t.app.core.db.$client.query<{ n: number }, [string]>('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action)!.n;

beforeAll(async () => {
  t = await createTestApp();
  const users = { admin: await t.signIn('admin'), supervisor: await t.signIn('supervisor'), agent: await t.signIn('agent'), outsider: await t.signIn('agent') };
  for (const who of Object.keys(users) as Array<keyof typeof users>) {
    tok[who] = createApiToken(t.app.core, users[who].user.id, who, null).token;
    ids[who] = users[who].user.id;
  }
  const channel = addTestChannel(t);
  const sales = createTeam(t.app.core, { name: 'Ventas' }, null);
  const other = createTeam(t.app.core, { name: 'Otros' }, null);
  addTeamMember(t.app.core, sales.id, ids.agent!, null);
  addTeamMember(t.app.core, other.id, ids.outsider!, null);
  t.app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: sales.id }).run();
  Object.assign(ids, { channel: channel.id, sales: sales.id, other: other.id });
  const r = receiveInbound(t.app.core, { channelId: channel.id, identity: { externalId: '5491100000009', rawId: '5491100000009', profileName: 'Marta' }, externalId: 'wamid.R1', type: 'text', content: 'quiero el plan anual', raw: '{}', sentAt: t.clock.now() });
  ids.conversation = r.conversation!.id;
  ids.contact = r.conversation!.contactId;
  t.app.core.db.$client.query('UPDATE conversations SET team_id = ? WHERE id = ?').run(sales.id, ids.conversation);
});
afterAll(async () => t.close());

describe('contacts', () => {
  test('create with a channel identity, read, attributes, conversations of the contact', async () => {
    const created = await api('/contacts', { json: { name: 'Pedro', phone: '+5491100000010', channelId: ids.channel, customAttributes: { plan: 'básico' } }, as: 'agent' });
    expect(created.status).toBe(201);
    expect(created.body.identities).toEqual([expect.objectContaining({ channelId: ids.channel, externalId: '5491100000010' })]);
    await t.app.core.bus.drain();
    expect(t.eventNames()).toContain('contact.updated');
    const attrs = await api(`/contacts/${created.body.id}/attributes`, { method: 'PATCH', json: { set: { ciudad: 'Rosario' }, remove: ['plan'] }, as: 'agent' });
    expect(attrs.body.customAttributes).toEqual({ ciudad: 'Rosario' });
    const convs = await api(`/contacts/${ids.contact}/conversations`, { as: 'agent' });
    expect(convs.body.items.map((c: { id: string }) => c.id)).toEqual([ids.conversation]);
    expect(convs.body.items[0]).toMatchObject({ contact: { name: 'Marta' }, team: { id: ids.sales, name: 'Ventas' }, assignee: null });
  });

  test('validation, duplicate phone, other team, agents cannot create off their channels', async () => {
    expect((await api('/contacts', { json: { phone: '12345' } })).body.error.details.field).toBe('phone');
    expect((await api('/contacts', { json: { phone: '+5491100000009', channelId: ids.channel } })).status).toBe(409);
    expect((await api('/contacts', { json: { name: 'Sin canal' }, as: 'agent' })).status).toBe(422);
    expect((await api(`/contacts/${ids.contact}`, { as: 'outsider' })).status).toBe(404);
    expect((await api(`/contacts/${ids.contact}/conversations`, { as: 'outsider' })).status).toBe(404);
  });

  test('merge moves identities and conversations and deletes the source (supervisors); delete refuses contacts with conversations', async () => {
    const dup = (await api('/contacts', { json: { name: '', phone: '+5491100000011', channelId: ids.channel, notes: 'llamar de tarde' } })).body;
    expect((await api(`/contacts/${ids.contact}/merge`, { json: { sourceId: dup.id }, as: 'agent' })).status).toBe(403);
    const merged = await api(`/contacts/${ids.contact}/merge`, { json: { sourceId: dup.id }, as: 'supervisor' });
    expect(merged.status).toBe(200);
    expect(merged.body.identities.map((i: { externalId: string }) => i.externalId).sort()).toEqual(['5491100000009', '5491100000011']);
    expect(merged.body.notes).toContain('llamar de tarde');
    expect((await api(`/contacts/${dup.id}`)).status).toBe(404);
    expect(audited('contact.merge')).toBe(1);
    expect((await api(`/contacts/${ids.contact}`, { method: 'DELETE', as: 'supervisor' })).status).toBe(409);
    const loose = (await api('/contacts', { json: { name: 'Borrar' } })).body;
    expect((await api(`/contacts/${loose.id}`, { method: 'DELETE', as: 'agent' })).status).toBe(403);
    expect((await api(`/contacts/${loose.id}`, { method: 'DELETE', as: 'supervisor' })).body).toEqual({ ok: true });
    expect((await api(`/contacts/${loose.id}`)).status).toBe(404);
  });
});

describe('conversations', () => {
  test('filters, labels add/remove, priority, participants, read/unread, snooze, transcript', async () => {
    const list = await api(`/conversations?view=team&teamId=${ids.sales}&status=open`, { as: 'agent' });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ids.conversation]);
    expect((await api(`/conversations?view=team&teamId=${ids.other}`, { as: 'agent' })).body.items).toEqual([]);
    const added = await api(`/conversations/${ids.conversation}/labels`, { json: { name: 'vip' }, as: 'agent' });
    expect(added.body.items.map((l: { name: string }) => l.name)).toEqual(['vip']);
    const labelId = added.body.items[0].id;
    const patched = await api(`/conversations/${ids.conversation}`, { method: 'PATCH', json: { priority: 'urgent' }, as: 'agent' });
    expect(patched.body).toMatchObject({ priority: 'urgent', labels: [{ name: 'vip' }] });
    await t.app.core.bus.drain();
    expect(t.events.some((e) => e.name === 'conversation.updated' && e.payload.changes.includes('priority'))).toBe(true);
    expect((await api(`/conversations/${ids.conversation}/labels/${labelId}`, { method: 'DELETE', as: 'agent' })).body.items).toEqual([]);
    await api(`/conversations/${ids.conversation}/notes`, { json: { content: 'revisar precio' }, as: 'agent' });
    const people = await api(`/conversations/${ids.conversation}/participants`, { as: 'agent' });
    expect(people.body.items).toEqual([
      { type: 'contact', id: ids.contact, name: 'Marta' }, { type: 'team', id: ids.sales, name: 'Ventas' }, expect.objectContaining({ type: 'agent', id: ids.agent }),
    ]);
    expect((await api(`/conversations/${ids.conversation}/unread`, { json: {}, as: 'agent' })).body).toEqual({ ok: true });
    expect((await api(`/conversations/${ids.conversation}/read`, { json: {}, as: 'agent' })).body).toEqual({ ok: true });
    const snoozed = await api(`/conversations/${ids.conversation}/snooze`, { json: { until: t.clock.now() + 3_600_000 }, as: 'agent' });
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozeUntil: t.clock.now() + 3_600_000 });
    const transcript = await api(`/conversations/${ids.conversation}/transcript`, { as: 'agent' });
    expect(transcript.body.text).toContain('Marta: quiero el plan anual');
    expect(transcript.body.text).toContain('(note): revisar precio');
  });

  test('validation and other team', async () => {
    expect((await api(`/conversations/${ids.conversation}`, { method: 'PATCH', json: { priority: 'huge' } })).status).toBe(422);
    expect((await api(`/conversations/${ids.conversation}/snooze`, { json: {} })).body.error.details.field).toBe('until');
    expect((await api(`/conversations?status=nope`)).status).toBe(422);
    for (const [method, path, json] of [['GET', '', undefined], ['PATCH', '', { priority: 'low' }], ['POST', '/labels', { name: 'x' }], ['GET', '/participants', undefined], ['POST', '/read', {}], ['POST', '/snooze', { untilReply: true }], ['GET', '/transcript', undefined]] as const) {
      expect({ path, status: (await api(`/conversations/${ids.conversation}${path}`, { method, json, as: 'outsider' })).status }).toEqual({ path, status: 404 });
    }
  });
});

describe('labels, canned responses, teams, users', () => {
  test('labels: supervisors manage them, agents read; validation', async () => {
    expect((await api('/labels', { json: { name: 'promo' }, as: 'agent' })).status).toBe(403);
    const label = await api('/labels', { json: { name: 'promo', color: '#0f766e' }, as: 'supervisor' });
    expect(label.status).toBe(201);
    expect((await api('/labels', { json: { name: 'x', color: 'red' }, as: 'supervisor' })).body.error.details.field).toBe('color');
    expect((await api(`/labels/${label.body.id}`, { method: 'PATCH', json: { name: 'promo-2', color: '#0f766e' }, as: 'supervisor' })).body.name).toBe('promo-2');
    expect((await api('/labels', { as: 'agent' })).body.items.map((l: { name: string }) => l.name)).toContain('promo-2');
    expect((await api(`/labels/${label.body.id}`, { method: 'DELETE', as: 'supervisor' })).body).toEqual({ ok: true });
  });

  test('canned responses: personal for anyone, shared for supervisors', async () => {
    const mine = await api('/canned-responses', { json: { shortcut: 'gracias', title: 'Gracias', content: 'Gracias {{contact.name}}' }, as: 'agent' });
    expect(mine.body.ownerId).toBe(ids.agent);
    expect((await api('/canned-responses', { json: { shortcut: 'todos', title: 'T', content: 'x', shared: true }, as: 'agent' })).status).toBe(403);
    expect((await api('/canned-responses', { json: { shortcut: 'con espacio', title: 'T', content: 'x' }, as: 'agent' })).status).toBe(422);
    expect((await api(`/canned-responses/${mine.body.id}`, { method: 'DELETE', as: 'outsider' })).status).toBe(404);
    expect((await api(`/canned-responses/${mine.body.id}`, { method: 'PATCH', json: { shortcut: 'gracias', title: 'Gracias!', content: 'Gracias' }, as: 'agent' })).body.title).toBe('Gracias!');
  });

  test('teams and members (admin); users: role change, deactivation, last admin kept', async () => {
    const team = await api('/teams', { json: { name: 'Postventa' } });
    expect((await api('/teams', { json: { name: 'Postventa' } })).status).toBe(409);
    expect((await api(`/teams/${team.body.id}/members`, { json: { userId: ids.agent }, as: 'supervisor' })).status).toBe(403);
    expect((await api(`/teams/${team.body.id}/members`, { json: { userId: ids.agent } })).status).toBe(201);
    expect((await api(`/teams/${team.body.id}/members`, { as: 'agent' })).body.items.map((u: { id: string }) => u.id)).toEqual([ids.agent]);
    expect((await api(`/teams/${team.body.id}/members/${ids.agent}`, { method: 'DELETE' })).body).toEqual({ ok: true });
    expect((await api(`/teams/${team.body.id}`, { method: 'PATCH', json: { assignmentMode: 'round_robin' } })).body.assignmentMode).toBe('round_robin');
    expect((await api(`/teams/${ids.sales}`, { method: 'DELETE' })).status).toBe(409);
    expect((await api(`/teams/${team.body.id}`, { method: 'DELETE' })).body).toEqual({ ok: true });
    expect((await api(`/users/${ids.outsider}`, { method: 'PATCH', json: { capacity: 3, role: 'supervisor' }, as: 'supervisor' })).status).toBe(403);
    expect((await api(`/users/${ids.outsider}`, { method: 'PATCH', json: { capacity: -1 } })).status).toBe(422);
    expect((await api(`/users/${ids.outsider}`, { method: 'PATCH', json: { capacity: 3 } })).body.capacity).toBe(3);
    expect((await api(`/users/${ids.admin}`, { method: 'PATCH', json: { active: false } })).status).toBe(409);
  });
});

describe('routing configuration, AI, search, audit (admin)', () => {
  test('routing rules, business hours, SLA policies', async () => {
    const rule = await api('/routing-rules', { json: { name: 'Precios', conditions: [{ type: 'keywords', any: ['precio'] }], actions: [{ type: 'add_label', labelId: 'x' }] } });
    expect(rule.status).toBe(201);
    expect((await api('/routing-rules', { json: { name: 'Vacía', conditions: [], actions: [] } })).status).toBe(422);
    expect((await api('/routing-rules', { as: 'supervisor' })).status).toBe(403);
    expect((await api(`/routing-rules/${rule.body.id}`, { method: 'PATCH', json: { enabled: false } })).body.enabled).toBe(false);
    expect((await api(`/routing-rules/${rule.body.id}`, { method: 'DELETE' })).body).toEqual({ ok: true });
    const hours = await api(`/business-hours/${ids.sales}`, { method: 'PUT', json: { timezone: 'America/Argentina/Buenos_Aires', weekly: [{ day: 1, from: '09:00', to: '18:00' }], holidays: ['2026-12-25'] } });
    expect(hours.body).toMatchObject({ teamId: ids.sales, holidays: ['2026-12-25'] });
    expect((await api('/business-hours/default', { method: 'PUT', json: { timezone: 'Mars/Olympus', weekly: [], holidays: [] } })).body.error.details.field).toBe('timezone');
    expect((await api('/business-hours/default')).status).toBe(404);
    const sla = await api('/sla-policies', { json: { name: 'Ventas', teamId: ids.sales, firstResponseMinutes: 15 } });
    expect(sla.body).toMatchObject({ teamId: ids.sales, firstResponseMinutes: 15 });
    expect((await api(`/sla-policies/${sla.body.id}`, { method: 'DELETE' })).body).toEqual({ ok: true });
  });

  test('intents and KB articles', async () => {
    const intents = await api('/intents?limit=200');
    expect(intents.body.items.length).toBeGreaterThan(0);
    const id = intents.body.items[0].id;
    expect((await api(`/intents/${id}`, { method: 'PATCH', json: { priority: 7 } })).body.priority).toBe(7);
    const example = await api(`/intents/${id}/examples`, { json: { text: 'frase nueva de prueba API' } });
    expect(example.status).toBe(201);
    expect((await api(`/intents/${id}/examples`, { json: { text: 'frase nueva de prueba API' } })).status).toBe(409);
    expect((await api(`/intent-examples/${example.body.id}`, { method: 'DELETE' })).body).toEqual({ ok: true });
    const article = await api('/kb/articles', { json: { questions: ['¿Tienen garantía?'], answer: 'Sí, un año', language: 'es' } });
    expect(article.body.title).toBe('¿Tienen garantía?');
    expect((await api('/kb/articles', { json: { questions: [], answer: 'x', language: 'es' } })).status).toBe(422);
    expect((await api('/kb/articles', { as: 'agent' })).status).toBe(403);
    expect((await api(`/kb/articles/${article.body.id}`, { method: 'PUT', json: { questions: ['¿Garantía?'], answer: 'Dos años', language: 'es' } })).body.answer).toBe('Dos años');
  });

  test('search sees only visible conversations and returns plain snippets with offsets; audit log is for admins', async () => {
    const found = await api('/search?q=anual', { as: 'agent' });
    expect(found.body.messages[0]).toMatchObject({ conversationId: ids.conversation });
    const { snippet, highlights } = found.body.messages[0];
    expect(snippet.slice(highlights[0][0], highlights[0][1])).toBe('anual');
    expect((await api('/search?q=anual', { as: 'outsider' })).body.messages).toEqual([]);
    expect((await api('/search?limit=1000&q=x')).status).toBe(422);
    expect((await api('/audit-log', { as: 'supervisor' })).status).toBe(403);
    const audit = await api('/audit-log?action=contact.merge');
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'contact.merge', actorId: ids.supervisor })]);
  });
});

describe('contacts CSV', () => {
  test('export what you may see; import creates and updates by phone, all or nothing, and is audited', async () => {
    const csv = 'name,phone,email,attr:plan\nNuevo CSV,+5491100000020,nuevo@example.test,oro\nMarta Actualizada,+5491100000009,,platino\n';
    const form = new FormData();
    form.append('file', new File([csv], 'contactos.csv', { type: 'text/csv' }));
    form.append('channelId', ids.channel!);
    const res = await t.request('/api/v1/contacts/import', { method: 'POST', headers: { authorization: `Bearer ${tok.agent}` }, body: form });
    expect(await res.json()).toEqual({ created: 1, updated: 1 });
    expect(audited('contact.import')).toBe(1);
    const exported = await t.request('/api/v1/contacts/export', { headers: { authorization: `Bearer ${tok.agent}` } });
    expect(exported.headers.get('content-type')).toStartWith('text/csv');
    const text = await exported.text();
    expect(text.split('\r\n')[0]).toStartWith('id,name,phone,email,notes,');
    expect(text.split('\r\n').find((line) => line.includes('Marta Actualizada'))).toContain('platino');
    expect(text).toContain('Nuevo CSV,+5491100000020,nuevo@example.test');
    expect(text).toContain('platino');
    const outsider = await (await t.request('/api/v1/contacts/export', { headers: { authorization: `Bearer ${tok.outsider}` } })).text();
    expect(outsider).not.toContain('Marta');
    const bad = new FormData();
    bad.append('file', new File(['name,phone\nOtro,+5491100000021\nMalo,12\n'], 'c.csv', { type: 'text/csv' }));
    bad.append('channelId', ids.channel!);
    const refused = await t.request('/api/v1/contacts/import', { method: 'POST', headers: { authorization: `Bearer ${tok.agent}` }, body: bad });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ details: { line: 3 } });
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM contacts WHERE name = 'Otro'").get()).toEqual({ n: 0 });
    const foreign = new FormData();
    foreign.append('file', new File(['name,phone\nX,+5491100000009\n'], 'c.csv', { type: 'text/csv' }));
    foreign.append('channelId', ids.channel!);
    expect((await t.request('/api/v1/contacts/import', { method: 'POST', headers: { authorization: `Bearer ${tok.outsider}` }, body: foreign })).status).toBe(404);
  });
});
