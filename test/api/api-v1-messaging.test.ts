/**
 * Sending through the REST API against the Graph API simulator: the same POST twice with one
 * Idempotency-Key sends ONE WhatsApp message (the retry gets the first answer back), media upload
 * then send, interactive, note (never sent) and reaction — and an agent of another team
 * gets 404 on the conversation.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { channelTeams } from '../../src/db/schema';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../helpers/whatsapp';

let t: TestApp;
let sim: GraphSimulator;
let token: string;
let outsider: string;
let conversationId: string;

const api = (path: string, init: { method?: string; json?: unknown; headers?: Record<string, string>; as?: string } = {}) => t.request(`/api/v1${path}`, {
  method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
  headers: { authorization: `Bearer ${init.as ?? token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
  body: init.json === undefined ? undefined : JSON.stringify(init.json),
});

beforeEach(async () => {
  t = await createTestApp({ env: { TURNO_GRAPH_TIMEOUT_MS: '300' } });
  const port = t.app.listen(0);
  sim = await startGraphSimulator({
    appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, statusDelays: false,
  });
  const channel = addTestChannel(t, sim.url);
  const agent = (await t.signIn('agent')).user;
  const other = (await t.signIn('agent')).user;
  const sales = createTeam(t.app.core, { name: 'Ventas' }, null);
  const support = createTeam(t.app.core, { name: 'Soporte' }, null);
  addTeamMember(t.app.core, sales.id, agent.id, null);
  addTeamMember(t.app.core, support.id, other.id, null);
  t.app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: sales.id }).run();
  token = createApiToken(t.app.core, agent.id, 'ci', null).token;
  outsider = createApiToken(t.app.core, other.id, 'ci', null).token;
  await sim.sendInbound({ id: 'wamid.FIRST', type: 'text', text: { body: 'Hola' }, timestamp: String(Math.floor(t.clock.now() / 1000)) }, '5491155551234');
  t.app.ingest.processPending();
  conversationId = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM conversations').get()!.id;
});
afterEach(async () => {
  await sim.stop();
  await t.close();
});

describe('idempotent sends', () => {
  test('the same POST twice with one Idempotency-Key sends one WhatsApp message and answers the same', async () => {
    const post = () => api(`/conversations/${conversationId}/messages`, { json: { content: 'Sí, hay stock' }, headers: { 'idempotency-key': 'order-42-reply' } });
    const first = await post();
    expect(first.status).toBe(201);
    const second = await post();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    await t.app.jobs.runDue();
    expect(sim.sent.filter((s) => (s.body as { type: string }).type === 'text')).toHaveLength(1);
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM messages WHERE direction = 'outbound'").get()).toEqual({ n: 1 });
  });

  test('three concurrent POSTs with one key: one message; the other answers are the replay or a 409', async () => {
    const post = () => api(`/conversations/${conversationId}/messages`, { json: { content: 'a la vez' }, headers: { 'idempotency-key': 'same-time' } });
    const statuses = (await Promise.all([post(), post(), post()])).map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    await t.app.jobs.runDue();
    expect(sim.sent).toHaveLength(1);
  });

  test('without a key, or with another key, a POST is a new message; a key reused with another body is refused', async () => {
    await api(`/conversations/${conversationId}/messages`, { json: { content: 'uno' } });
    await api(`/conversations/${conversationId}/messages`, { json: { content: 'uno' } });
    await api(`/conversations/${conversationId}/messages`, { json: { content: 'dos' }, headers: { 'idempotency-key': 'k1' } });
    const reused = await api(`/conversations/${conversationId}/messages`, { json: { content: 'tres' }, headers: { 'idempotency-key': 'k1' } });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.details.field).toBe('Idempotency-Key');
    await t.app.jobs.runDue();
    expect(sim.sent).toHaveLength(3);
  });

  test('a failed first request frees its key, so the corrected retry is processed', async () => {
    const bad = await api(`/conversations/${conversationId}/messages`, { json: { content: 'x', replyTo: 'nope' }, headers: { 'idempotency-key': 'k2' } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const keys = t.app.core.db.$client.query('SELECT count(*) AS n FROM idempotency_keys').get();
    expect(keys).toEqual({ n: 0 });
    const retry = await api(`/conversations/${conversationId}/messages`, { json: { content: 'x' }, headers: { 'idempotency-key': 'k2' } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('message kinds through the API', () => {
  test('upload a file then send it; interactive; note (not sent); reaction', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2])], 'foto.jpg', { type: 'image/jpeg' }));
    const upload = await t.request('/api/v1/uploads', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(upload.status).toBe(201);
    const file = await upload.json();
    expect(file).toMatchObject({ kind: 'image', filename: 'foto.jpg', url: `/media/${file.id}` });
    const withFile = await api(`/conversations/${conversationId}/messages`, { json: { content: 'La foto', attachmentIds: [file.id] } });
    expect((await withFile.json()).attachments[0].id).toBe(file.id);
    await api(`/conversations/${conversationId}/messages`, { json: { interactive: { kind: 'buttons', body: '¿Seguimos?', buttons: [{ id: 'si', title: 'Sí' }] } } });
    const note = await api(`/conversations/${conversationId}/notes`, { json: { content: 'cliente frecuente' } });
    expect(await note.json()).toMatchObject({ isPrivate: true, content: 'cliente frecuente' });
    const inbound = t.app.core.db.$client.query<{ id: string }, []>("SELECT id FROM messages WHERE direction = 'inbound'").get()!;
    expect((await api(`/messages/${inbound.id}/reactions`, { json: { emoji: '👍' } })).status).toBe(200);
    await t.app.jobs.runDue();
    const types = sim.sent.map((s) => (s.body as { type: string }).type).sort();
    expect(types).toEqual(['image', 'interactive', 'reaction']);
    expect(sim.uploads).toHaveLength(1);
  });

  // order_update has an IMAGE header: a send must carry it, as Meta requires (see whatsapp-cloud-api.md §5).
  test('an approved template, synced from the provider, is sent with its variables', async () => {
    const { scheduleTemplateSync } = await import('../../src/jobs/handlers/templates-sync');
    const channelId = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM channels').get()!.id;
    scheduleTemplateSync(t.app.core, channelId);
    await t.app.jobs.runDue();
    const headerless = await api(`/conversations/${conversationId}/messages`, { json: { template: { name: 'order_update', language: 'es', body: ['Lucía', '#123'] } } });
    expect(headerless.status).toBe(422);
    expect((await headerless.json()).error).toMatchObject({ details: { field: 'template' } });
    const res = await api(`/conversations/${conversationId}/messages`, { json: { template: { name: 'order_update', language: 'es', body: ['Lucía', '#123'], header: { type: 'image', link: 'https://cdn.example.com/pedido.png' } } }, headers: { 'idempotency-key': 'tpl-1' } });
    expect(res.status).toBe(201);
    expect((await res.json()).type).toBe('template');
    await t.app.jobs.runDue();
    expect(sim.sent.map((s) => s.body)).toEqual([expect.objectContaining({
      type: 'template', template: expect.objectContaining({ name: 'order_update', components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/pedido.png' } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Lucía' }, { type: 'text', text: '#123' }] },
      ] }),
    })]);
  });

  test('validation, other team and wrong scope', async () => {
    const empty = await api(`/conversations/${conversationId}/messages`, { json: { content: '' } });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error).toMatchObject({ code: 'validation', details: { field: 'content' } });
    const foreign = await api(`/conversations/${conversationId}/messages`, { json: { content: 'hola' }, as: outsider });
    expect(foreign.status).toBe(404);
    expect((await api(`/conversations/${conversationId}/transcript`, { as: outsider })).status).toBe(404);
    const agentId = t.app.core.db.$client.query<{ id: string }, []>("SELECT id FROM users WHERE role = 'agent' ORDER BY email LIMIT 1").get()!.id;
    const readOnly = createApiToken(t.app.core, agentId, 'read only', null, ['read']).token;
    const refused = await api(`/conversations/${conversationId}/messages`, { json: { content: 'hola' }, as: readOnly });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.details.requiredScope).toBe('write');
    await t.app.jobs.runDue();
    expect(sim.sent).toHaveLength(0);
  });
});
