import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { channelSecrets, createWhatsAppChannel, getChannelOrThrow, setChannelStatus } from '../../src/core/channels';
import { listAudit } from '../../src/core/audit';
import { channelTeamIds } from '../../src/core/channel-admin';
import { createTeam } from '../../src/core/teams';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';

let t: TestApp;
let admin: TestClient;
let sim: GraphSimulator;
const SECRETS = { accessToken: 'EAAG-access-token-0123456789', appSecret: 'app-secret-abcdef123', verifyToken: 'verify-token-xyz98765' };
const valid = (over: Record<string, string> = {}) => ({
  name: 'Ventas', phoneNumberId: '106540352242922', wabaId: '102290129340398', ...SECRETS, graphUrl: '', graphVersion: '', rateLimitPerSecond: '', ...over,
});
const auditActions = () => listAudit(t.app.core, 500).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).client;
  sim = await startGraphSimulator({ phoneNumberId: '200000000000001', wabaId: '300000000000001', accessToken: SECRETS.accessToken, appSecret: SECRETS.appSecret, statusDelays: false });
});
afterAll(async () => {
  await sim.stop();
  await t.close();
});

describe('Admin → Channels access', () => {
  test('agents are refused, anonymous users are sent to sign in, CSRF is required', async () => {
    const { client: agent } = await t.signIn('agent');
    expect((await agent.get('/admin/channels')).status).toBe(403);
    expect((await agent.form('/admin/channels', valid())).status).toBe(403);
    const anon = await t.anonymous().get('/admin/channels');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/login');
    const { client: noCsrf } = await t.signIn('admin');
    noCsrf.csrf = null;
    expect((await noCsrf.form('/admin/channels', valid())).status).toBe(403);
    expect(t.app.core.db.$client.query('SELECT count(*) AS n FROM channels').get()).toEqual({ n: 0 });
  });

  test('the empty list explains what to do and the admin nav links channels and failed webhooks', async () => {
    const html = await (await admin.get('/admin/channels')).text();
    expect(html).toContain('href="/admin/channels/new"');
    expect(html).toContain('href="/admin/webhooks"');
    expect(html).toContain('action="/admin/channels/simulator"');
  });
});

describe('adding and editing a WhatsApp number', () => {
  let id: string;

  test('validation errors are shown next to their fields and secrets are not echoed back', async () => {
    const res = await admin.form('/admin/channels', valid({ phoneNumberId: '+34 612', accessToken: 'short', graphUrl: 'not a url' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-phoneNumberId-error">El ID del número de teléfono es el número largo/);
    expect(html).toMatch(/id="f-accessToken-error">Pega el token de acceso/);
    expect(html).toMatch(/id="f-graphUrl-error">Escribe una URL completa/);
    expect(html).not.toContain(SECRETS.appSecret);
    expect(html).toContain('value="Ventas"');
  });

  test('creating shows the Meta setup values once, with the verify token in full, and audits', async () => {
    const res = await admin.form('/admin/channels', valid());
    expect(res.status).toBe(201);
    const html = await res.text();
    id = /data-channel-id="([^"]+)"|action="\/admin\/channels\/([^"/]+)\/test"/.exec(html)!.slice(1).find(Boolean)!;
    expect(html).toContain('<code id="webhook-url">http://localhost/webhooks/whatsapp</code>');
    expect(html).toContain(`<code id="verify-token">${SECRETS.verifyToken}</code>`);
    expect(html).toContain('<code>messages</code>');
    expect(html).toContain('<code>message_template_status_update</code>');
    expect(html).not.toContain(SECRETS.accessToken);
    expect(html).not.toContain(SECRETS.appSecret);
    const channel = getChannelOrThrow(t.app.core, id);
    expect(channel.config).toMatchObject({ graphUrl: 'https://graph.facebook.com', graphVersion: 'v23.0', rateLimitPerSecond: 80 });
    expect(auditActions()).toContain('channel.create');
  });

  test('afterwards the verify token is masked; "reveal" is an audited POST', async () => {
    const html = await (await admin.get(`/admin/channels/${id}`)).text();
    expect(html).not.toContain(SECRETS.verifyToken);
    expect(html).toContain('••••8765');
    expect(html).not.toContain(SECRETS.accessToken);
    const revealed = await admin.form(`/admin/channels/${id}/reveal`, {});
    expect(revealed.status).toBe(200);
    expect(await revealed.text()).toContain(`<code id="verify-token">${SECRETS.verifyToken}</code>`);
    expect(listAudit(t.app.core, 1)[0]).toMatchObject({ action: 'channel.secret_revealed', targetId: id });
  });

  test('editing with empty secret fields keeps them; errors stay inline', async () => {
    const ok = await admin.form(`/admin/channels/${id}`, { ...valid({ name: 'Ventas MX', accessToken: '', appSecret: '', verifyToken: '' }), graphUrl: 'https://graph.facebook.com', graphVersion: 'v23.0', rateLimitPerSecond: '40' });
    expect(ok.status).toBe(303);
    const channel = getChannelOrThrow(t.app.core, id);
    expect(channel.name).toBe('Ventas MX');
    expect(channel.config).toMatchObject({ rateLimitPerSecond: 40 });
    expect(channelSecrets(t.app.core, channel)).toEqual(SECRETS);
    const bad = await admin.form(`/admin/channels/${id}`, { graphVersion: 'latest' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="f-graphVersion-error">Una versión como v23.0/);
  });

  test('a second channel with the same phone number ID is refused on that field', async () => {
    const res = await admin.form('/admin/channels', valid({ name: 'Dup' }));
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/id="f-phoneNumberId-error">Ya existe un canal con este ID de número de teléfono/);
  });

  test('disable and enable change the badge and are audited', async () => {
    expect((await admin.form(`/admin/channels/${id}/status`, { status: 'disabled' })).status).toBe(303);
    expect(getChannelOrThrow(t.app.core, id).status).toBe('disabled');
    expect(await (await admin.get('/admin/channels')).text()).toContain('data-status="disabled"');
    await admin.form(`/admin/channels/${id}/status`, { status: 'active' });
    expect(getChannelOrThrow(t.app.core, id).status).toBe('active');
    expect(auditActions().filter((a) => a === 'channel.status')).toHaveLength(2);
  });

  test('needs re-authorisation and paused show their reason in the list', async () => {
    setChannelStatus(t.app.core, id, 'needs_reauth', 'Meta refused the access token (code 190)', null);
    const html = await (await admin.get('/admin/channels')).text();
    expect(html).toContain('data-status="needs_reauth"');
    expect(html).toContain('Meta refused the access token (code 190)');
    setChannelStatus(t.app.core, id, 'active', null, null);
  });

  test('team visibility is saved from checkboxes and audited', async () => {
    const sales = createTeam(t.app.core, { name: 'Sales' }, null);
    const support = createTeam(t.app.core, { name: 'Support' }, null);
    const page = await (await admin.get(`/admin/channels/${id}`)).text();
    expect(page).toContain(`value="${sales.id}"`);
    await admin.form(`/admin/channels/${id}/teams`, { teamIds: sales.id });
    expect(channelTeamIds(t.app.core, id)).toEqual([sales.id]);
    const body = new URLSearchParams([['teamIds', sales.id], ['teamIds', support.id]]).toString();
    await t.request(`/admin/channels/${id}/teams`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `turno_session=${admin.cookies.turno_session}`, 'x-csrf-token': admin.csrf! } });
    expect(channelTeamIds(t.app.core, id).sort()).toEqual([sales.id, support.id].sort());
    await admin.form(`/admin/channels/${id}/teams`, {});
    expect(channelTeamIds(t.app.core, id)).toEqual([]);
    expect(auditActions().filter((a) => a === 'channel.teams')).toHaveLength(3);
  });
});

describe('test connection and template sync against the Graph simulator', () => {
  let id: string;
  beforeAll(() => {
    id = createWhatsAppChannel(t.app.core, { name: 'Sim', phoneNumberId: '200000000000001', wabaId: '300000000000001', ...SECRETS, graphUrl: sim.url }, null).id;
  });

  test('a working channel reports the account; a refused token explains what to do', async () => {
    const ok = await (await admin.form(`/admin/channels/${id}/test`, {})).text();
    expect(ok).toContain('Conectado: Turno Demo Store');
    sim.setAccessToken('another-token-entirely');
    const bad = await (await admin.form(`/admin/channels/${id}/test`, {})).text();
    sim.setAccessToken(SECRETS.accessToken);
    expect(bad).toMatch(/<div class="notice error" role="alert">La prueba de conexión falló: [^<]*190/);
    expect(bad).toContain('Crea un token permanente nuevo');
    const tests = listAudit(t.app.core, 50).filter((a) => a.action === 'channel.test' && a.targetId === id);
    expect(tests.map((a) => a.details.ok)).toEqual([false, true]);
  });

  test('"sync templates now" queues the job, and the templates appear with their status and preview', async () => {
    const res = await admin.form(`/admin/channels/${id}/sync`, {});
    expect(res.status).toBe(303);
    expect(listAudit(t.app.core, 1)[0]).toMatchObject({ action: 'channel.templates_sync', targetId: id });
    await t.app.jobs.runDue();
    const html = await (await admin.get(`/admin/channels/${id}`)).text();
    expect(html).toContain('data-template="order_update"');
    expect(html).toContain('<span class="badge badge-PENDING">PENDING</span>');
    expect(html).toContain('BODY: Hola {{1}}, tu pedido {{2}} está en camino.');
    expect(html).toContain('BUTTONS: Rastrear');
  });
});
