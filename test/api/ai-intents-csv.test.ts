import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { findIntent, listExamples } from '../../src/ai/intent-store';
import { createApiToken } from '../../src/core/api-tokens';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
const tok = { admin: '', supervisor: '' };
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
  for (const role of ['admin', 'supervisor'] as const) tok[role] = createApiToken(t.app.core, (await t.signIn(role)).user.id, role, null).token;
});
afterEach(() => t.close());

const auth = (who: keyof typeof tok = 'admin') => ({ authorization: `Bearer ${tok[who]}` });
const multipart = (csv: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.append('file', new File([csv], 'intents.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};
const texts = (id: string) => listExamples(t.app.core, id).map((e) => e.text);

test('export is CSV with a BOM; importing it back (multipart, replace) changes nothing', async () => {
  const res = await t.request('/api/v1/intents/export', { headers: auth() });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toContain('intents.csv');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = new TextDecoder().decode(bytes);
  expect(csv).toContain('intent,example,name_en,name_es,name_pt\r\n');
  expect(csv).toContain(`billing,${texts('billing')[0]}`);
  const back = await t.request('/api/v1/intents/import', { method: 'POST', headers: auth(), body: multipart(csv, { replace: 'true' }) });
  expect(back.status).toBe(200);
  expect(await back.json()).toMatchObject({ examplesAdded: 0, examplesRemoved: 0, intentsCreated: [], applied: true });
  expect(await (await t.request('/api/v1/intents/export', { headers: auth() })).text()).toBe(csv);
});

test('a text/csv body with dryRun previews; without it imports and the classifier retrains', async () => {
  const csv = 'intent,example,name_es\nplants,my zorblax fern is dying,Plantas\nplants,water the zorblax cactus,\n';
  const preview = await t.request('/api/v1/intents/import?dryRun=true', { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: csv });
  expect(await preview.json()).toMatchObject({ dryRun: true, applied: false, intentsCreated: ['plants'], examplesAdded: 2 });
  expect(findIntent(t.app.core, 'plants')).toBeNull();
  const done = await t.request('/api/v1/intents/import', { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: csv });
  expect(await done.json()).toMatchObject({ applied: true, intentsCreated: ['plants'], examplesAdded: 2, duplicates: 0 });
  expect(findIntent(t.app.core, 'plants')?.names).toEqual({ es: 'Plantas' });
  expect((await t.app.ai.classifyIntent('zorblax fern')).intent).toBe('plants');
});

test('invalid lines: 422 listing each line, nothing stored; dry-run returns the report', async () => {
  const csv = 'intent,example\nplants,a fern\nNo Good,hola\n,vacío\n';
  const res = await t.request('/api/v1/intents/import', { method: 'POST', headers: auth(), body: multipart(csv) });
  expect(res.status).toBe(422);
  const { error } = await res.json();
  expect(error.message).toContain('2 line(s) are invalid; nothing was imported');
  expect(error.details.errors).toEqual([{ line: 3, message: expect.stringContaining('not a valid intent id') }, { line: 4, message: 'The intent is empty' }]);
  expect(findIntent(t.app.core, 'plants')).toBeNull();
  const dry = await t.request('/api/v1/intents/import', { method: 'POST', headers: auth(), body: multipart(csv, { dryRun: 'true' }) });
  expect(dry.status).toBe(200);
  expect((await dry.json()).errors).toHaveLength(2);
  const empty = await t.request('/api/v1/intents/import', { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: ' ' });
  expect(empty.status).toBe(422);
});

test('admins only', async () => {
  expect((await t.request('/api/v1/intents/export', { headers: auth('supervisor') })).status).toBe(403);
  const res = await t.request('/api/v1/intents/import', { method: 'POST', headers: auth('supervisor'), body: multipart('intent,example\nplants,a fern\n') });
  expect(res.status).toBe(403);
  expect(findIntent(t.app.core, 'plants')).toBeNull();
});

describe('/admin/ai', () => {
  let client: Awaited<ReturnType<TestApp['signIn']>>['client'];
  beforeEach(async () => {
    client = (await t.signIn('admin', { email: 'csv-admin@example.test' })).client;
  });
  const upload = (csv: string, fields: Record<string, string> = {}) => {
    const cookie = Object.entries(client.cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    return t.request('/admin/ai/import', { method: 'POST', body: multipart(csv, fields), headers: { cookie, 'x-csrf-token': client.csrf ?? '' } });
  };

  test('offers the export link and the import form; the export downloads the CSV', async () => {
    const page = await (await client.get('/admin/ai')).text();
    expect(page).toContain('href="/admin/ai/intents.csv"');
    expect(page).toContain('action="/admin/ai/import"');
    const csv = await client.get('/admin/ai/intents.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('intent,example,name_en,name_es,name_pt');
  });

  test('preview, then import shows the counts; invalid lines are listed with their reason and nothing is stored', async () => {
    const csv = 'intent,example,name_es\nplants,my zorblax fern,Plantas\nplants,MY ZORBLAX FERN,\n';
    const preview = await upload(csv, { dryRun: 'true' });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('data-applied="false"');
    expect(previewHtml).toContain('Vista previa de 2 filas');
    expect(findIntent(t.app.core, 'plants')).toBeNull();
    const done = await (await upload(csv)).text();
    expect(done).toContain('data-applied="true"');
    expect(done).toMatch(/<dt>Ejemplos añadidos<\/dt><dd>1<\/dd><dt>Repetidos omitidos<\/dt><dd>1<\/dd>/);
    expect(texts('plants')).toEqual(['my zorblax fern']);
    const bad = await upload('intent,example\ntrees,an oak\ntrees,\nBAD,x\n');
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('1 línea(s) no válidas');
    expect(badHtml).toMatch(/<tr data-line="4"><td>4<\/td><td>&quot;BAD&quot; no es un id de intención válido/);
    expect(findIntent(t.app.core, 'trees')).toBeNull();
  });
});
