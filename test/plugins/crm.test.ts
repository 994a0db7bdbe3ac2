/**
 * The CRM plugin (plugins/crm), loaded from the repository's own plugins folder the way
 * `npm start` loads it: the sidebar panel, the board, the JSON API, visibility, and the rule that
 * it only uses the public plugin API.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApiToken } from '../../src/core/auth';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

const PLUGINS = join(import.meta.dir, '..', '..', 'plugins');
const CRM = join(PLUGINS, 'crm');

let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps) await app.close();
  apps = [];
});

async function start(): Promise<TestApp> {
  const t = await createTestApp({ config: { pluginsDir: PLUGINS } });
  apps.push(t);
  return t;
}

interface Stage { id: string; displayName: string; outcome: string }
interface Pipeline { id: string; displayName: string; stages: Stage[] }

/** The pipelines as the JSON API shows them to `client`. */
async function pipelines(client: Awaited<ReturnType<TestApp['signIn']>>['client']): Promise<Pipeline[]> {
  return (await (await client.get('/plugins/crm/api/pipelines')).json()).pipelines;
}

const rows = (t: TestApp, sql: string, ...params: string[]) => t.app.core.db.$client.query(sql).all(...params);

describe('CRM plugin', () => {
  test('loads from plugins/ and creates the default pipeline once, named in each viewer\'s language', async () => {
    const t = await start();
    expect(t.app.plugins.get('crm')).toMatchObject({ status: 'active', error: null });
    const { client } = await t.signIn('agent');
    const [sales] = await pipelines(client);
    expect(sales!.displayName).toBe('Ventas');
    expect(sales!.stages.map((s) => [s.displayName, s.outcome])).toEqual([
      ['Nuevo', 'open'], ['Calificado', 'open'], ['Propuesta', 'open'], ['Negociación', 'open'], ['Ganado', 'won'], ['Perdido', 'lost'],
    ]);
    const english = await (await client.get('/plugins/crm/api/pipelines', { 'accept-language': 'en' })).json();
    expect(english.pipelines[0].displayName).toBe('Sales');
    expect(rows(t, 'SELECT count(*) AS n FROM crm_pipelines')).toEqual([{ n: 1 }]);
  });

  test('a deal created from the sidebar form shows in the panel, moves between stages with history, and the board totals it', async () => {
    const t = await start();
    const { channelId } = makeChannel(t);
    const { conversation } = customerSays(t, channelId, 'quiero 3 cajas', { name: 'Lucía <b>' });
    const { client, user } = await t.signIn('agent');
    const stages = (await pipelines(client))[0]!.stages;

    // The panel is in the contact sidebar, escaped, with the title prefilled from the contact.
    const page = await (await client.get(`/inbox/c/${conversation!.id}`)).text();
    expect(page).toContain('id="crm-panel"');
    expect(page).toContain('value="Lucía &lt;b&gt;"');
    expect(page).toContain('Este contacto no tiene negocios abiertos.');

    const created = await client.form(`/plugins/crm/panel/${conversation!.id}/deals`, { title: 'Cajas <x>', value: '1500,50', currency: 'eur', stageId: stages[0]!.id, expectedCloseDate: '2027-01-31', source: 'WhatsApp', notes: '' });
    expect(created.status).toBe(200);
    const panel = await created.text();
    expect(panel).toContain('Negocio creado.');
    expect(panel).toContain('<strong>Cajas &lt;x&gt;</strong>');
    const deal = (await (await client.get(`/plugins/crm/api/deals?conversationId=${conversation!.id}`)).json()).deals[0];
    expect(deal).toMatchObject({ title: 'Cajas <x>', valueCents: 150050, currency: 'EUR', contactId: conversation!.contactId, contactName: 'Lucía <b>', ownerId: user.id, stageId: stages[0]!.id, expectedCloseDate: '2027-01-31' });

    const moved = await (await client.form(`/plugins/crm/panel/${conversation!.id}/deals/${deal.id}/move`, { stageId: stages[2]!.id })).text();
    expect(moved).toContain('Movido a Propuesta.');
    expect(moved).toMatch(new RegExp(`<option value="${stages[2]!.id}" selected>Propuesta</option>`));
    const history = (await (await client.get(`/plugins/crm/api/deals/${deal.id}`)).json()).history;
    expect(history.map((h: { fromStageId: string | null; toStageId: string; userName: string }) => [h.fromStageId, h.toStageId, h.userName]))
      .toEqual([[null, stages[0]!.id, user.name], [stages[0]!.id, stages[2]!.id, user.name]]);

    // The inbox page shows it too (the panel a reload renders).
    expect(await (await client.get(`/inbox/c/${conversation!.id}`)).text()).toContain('<strong>Cajas &lt;x&gt;</strong>');

    // A second deal in the same stage: the board's column counts and sums both.
    await client.json('POST', '/plugins/crm/api/deals', { title: 'Envío', value: 99.5, currency: 'EUR', stageId: stages[2]!.id, conversationId: conversation!.id });
    const board = await (await client.get('/plugins/crm/board')).text();
    expect(board).toContain('<link rel="stylesheet" href="/static/app.css">');
    expect(board.match(/class="crm-column"/g)).toHaveLength(6);
    const proposal = board.slice(board.indexOf(`data-stage-id="${stages[2]!.id}"`), board.indexOf(`data-stage-id="${stages[3]!.id}"`));
    expect(proposal).toContain('2 negocios');
    expect(proposal).toContain(`<span data-total>${new Intl.NumberFormat('es', { style: 'currency', currency: 'EUR' }).format(1600)}</span>`);
    expect(proposal).toContain('draggable="true"');
    expect(board).toContain('href="/plugins/crm/board"');
  });

  test('the board\'s move form works without JavaScript; a won stage closes the deal and the panel no longer lists it', async () => {
    const t = await start();
    const { channelId } = makeChannel(t);
    const { conversation } = customerSays(t, channelId, 'hola', { name: 'Ana' });
    const { client } = await t.signIn('supervisor');
    const stages = (await pipelines(client))[0]!.stages;
    const deal = await (await client.json('POST', '/plugins/crm/api/deals', { title: 'Pedido', conversationId: conversation!.id })).json();
    const csrf = client.csrf!;
    const moved = await client.form(`/plugins/crm/board/deals/${deal.id}/move`, { _csrf: csrf, stageId: stages[4]!.id });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/plugins/crm/board?pipeline=${deal.pipelineId}`);
    expect((await (await client.get(`/plugins/crm/api/deals/${deal.id}`)).json()).closedAt).toEqual(expect.any(Number));
    expect(await (await client.get(`/plugins/crm/panel/${conversation!.id}`)).text()).not.toContain('Pedido');
    expect((await (await client.get('/plugins/crm/api/deals?status=won')).json()).deals.map((d: { id: string }) => d.id)).toEqual([deal.id]);
  });

  test('an agent cannot create a deal on, nor see deals of, a conversation hidden from them', async () => {
    const t = await start();
    const { channelId } = makeChannel(t, { teamOnly: true });
    const { conversation } = customerSays(t, channelId, 'secreto');
    const supervisor = await t.signIn('supervisor');
    const deal = await (await supervisor.client.json('POST', '/plugins/crm/api/deals', { title: 'Visible solo al equipo', conversationId: conversation!.id })).json();
    const agent = await t.signIn('agent');

    const viaPanel = await agent.client.form(`/plugins/crm/panel/${conversation!.id}/deals`, { title: 'intruso' });
    expect(viaPanel.status).toBe(404);
    const viaApi = await agent.client.json('POST', '/plugins/crm/api/deals', { title: 'intruso', conversationId: conversation!.id });
    expect(viaApi.status).toBe(404);
    expect((await viaApi.json()).error).toMatchObject({ code: 'not_found', field: 'conversationId' });
    expect((await agent.client.get(`/plugins/crm/api/deals/${deal.id}`)).status).toBe(404);
    expect((await agent.client.json('POST', `/plugins/crm/api/deals/${deal.id}/move`, { stageId: deal.stageId })).status).toBe(404);
    expect((await (await agent.client.get('/plugins/crm/api/deals')).json()).deals).toEqual([]);
    expect(await (await agent.client.get('/plugins/crm/board')).text()).not.toContain('Visible solo al equipo');
    expect(rows(t, "SELECT title FROM crm_deals")).toEqual([{ title: 'Visible solo al equipo' }]);
  });

  test('refused input is explained next to the field, in the user\'s language, and stores nothing', async () => {
    const t = await start();
    const { channelId } = makeChannel(t);
    const { conversation } = customerSays(t, channelId, 'hola');
    const { client } = await t.signIn('agent');
    const panel = await (await client.form(`/plugins/crm/panel/${conversation!.id}/deals`, { title: 'Caro', value: 'mucho' })).text();
    expect(panel).toContain('<p id="crm-create-error" class="crm-error" role="alert">Escribe el valor como número, p. ej. 1500 o 1500.50.</p>');
    expect(panel).toContain('name="value" inputmode="decimal" value="mucho" aria-invalid="true"');
    const api = await client.json('POST', '/plugins/crm/api/deals', { title: '', conversationId: conversation!.id }, { 'accept-language': 'en' });
    expect(api.status).toBe(422);
    expect((await api.json()).error).toEqual({ code: 'unprocessable', message: 'Write a title for the deal (1 to 200 characters).', field: 'title' });
    expect(rows(t, 'SELECT count(*) AS n FROM crm_deals')).toEqual([{ n: 0 }]);
  });

  test('the JSON API lists with filters and cursor pages, and updates fields', async () => {
    const t = await start();
    const { client } = await t.signIn('admin');
    const [first, second] = (await pipelines(client))[0]!.stages;
    for (const [title, stage] of [['A', first], ['B', second], ['C', first]] as const) {
      expect((await client.json('POST', '/plugins/crm/api/deals', { title, stageId: stage!.id })).status).toBe(201);
    }
    const inFirst = await (await client.get(`/plugins/crm/api/deals?stageId=${first!.id}`)).json();
    expect(inFirst.deals.map((d: { title: string }) => d.title).sort()).toEqual(['A', 'C']);
    const page1 = await (await client.get('/plugins/crm/api/deals?limit=2')).json();
    const page2 = await (await client.get(`/plugins/crm/api/deals?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
    expect([...page1.deals, ...page2.deals].map((d: { title: string }) => d.title).sort()).toEqual(['A', 'B', 'C']);
    expect(page2.nextCursor).toBeNull();
    const updated = await client.json('PATCH', `/plugins/crm/api/deals/${page2.deals[0].id}`, { notes: 'llamar el lunes', value: '20' });
    expect(await updated.json()).toMatchObject({ notes: 'llamar el lunes', valueCents: 2000 });
    expect((await client.get('/plugins/crm/api/deals?status=pending')).status).toBe(422);

    const lost = (await pipelines(client))[0]!.stages.find((s) => s.outcome === 'lost')!;
    const moved = await (await client.json('POST', `/plugins/crm/api/deals/${page2.deals[0].id}/move`, { stageId: lost.id, lostReason: 'too expensive' })).json();
    expect(moved).toMatchObject({ stageId: lost.id, lostReason: 'too expensive', closedAt: expect.any(Number) });
    expect((await (await client.get('/plugins/crm/api/deals?status=lost')).json()).deals.map((d: { id: string }) => d.id)).toEqual([moved.id]);
  });

  test('the currency an admin sets on Admin → Plugins is the default of new deals', async () => {
    const t = await start();
    const admin = await t.signIn('admin');
    expect(await (await admin.client.get('/admin/plugins')).text()).toContain('name="rottingDays"');
    expect((await admin.client.form('/admin/plugins/crm/settings', { currency: 'MXN', rottingDays: '7' })).status).toBe(303);
    const deal = await (await admin.client.json('POST', '/plugins/crm/api/deals', { title: 'Pesos', value: '10' })).json();
    expect(deal.currency).toBe('MXN');
    expect((await admin.client.form('/admin/plugins/crm/settings', { currency: 'pesos', rottingDays: '7' })).status).toBe(422);
  });

  test('its strings exist in English, Spanish and Brazilian Portuguese alike', async () => {
    const { messages } = await import('../../plugins/crm/messages');
    const keys = (locale: keyof typeof messages) => Object.keys(messages[locale]).sort();
    expect(keys('es')).toEqual(keys('en'));
    expect(keys('pt-BR')).toEqual(keys('en'));
  });

  test('an API token works for integrators; the board serves its own assets', async () => {
    const t = await start();
    const { user, client } = await t.signIn('agent');
    const { token } = createApiToken(t.app.core, user.id, 'erp', null);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await t.request('/plugins/crm/api/deals', { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Desde el ERP', value: 10 }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ title: 'Desde el ERP', ownerId: user.id, valueCents: 1000, contactId: null });
    const script = await client.get('/plugins/crm/assets/board.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('/plugins/crm/api/deals/');
    expect((await client.get('/plugins/crm/assets/store.ts')).status).toBe(404);
  });

  test('disabling it removes the panel, the board and the nav entry; its deals stay and come back', async () => {
    const t = await start();
    const { channelId } = makeChannel(t);
    const { conversation } = customerSays(t, channelId, 'hola');
    const admin = await t.signIn('admin');
    await admin.client.json('POST', '/plugins/crm/api/deals', { title: 'Guardado', conversationId: conversation!.id });
    t.app.plugins.disable('crm', { type: 'user', user: admin.user });
    const page = await (await admin.client.get(`/inbox/c/${conversation!.id}`)).text();
    expect(page).not.toContain('crm-panel');
    expect(page).not.toContain('href="/plugins/crm/board"');
    expect((await admin.client.get('/plugins/crm/board')).status).toBe(404);
    await t.app.plugins.enable('crm', { type: 'user', user: admin.user });
    expect(await (await admin.client.get(`/inbox/c/${conversation!.id}`)).text()).toContain('<strong>Guardado</strong>');
    expect(rows(t, 'SELECT count(*) AS n FROM crm_pipelines')).toEqual([{ n: 1 }]);
  });

  test('the plugin imports nothing but turno/plugin, node: built-ins and its own files', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    })(CRM).filter((f) => /\.(ts|js)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)]
      .map((m) => m[1]!)
      .filter((spec) => spec !== 'turno/plugin' && !spec.startsWith('node:') && !(spec.startsWith('./') && !spec.includes('..')))
      .map((spec) => `${relative(CRM, file)}: ${spec}`));
    expect(offending).toEqual([]);
  });
});
