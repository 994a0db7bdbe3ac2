import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { listArticles } from '../../src/ai/kb/articles';
import { listExamples } from '../../src/ai/intent-store';
import { botRatings, messages } from '../../src/db/schema';
import { getSetting } from '../../src/core/settings';
import { decryptSecret } from '../../src/lib/crypto';
import { sendMessage } from '../../src/core/messages';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel } from '../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
});
afterEach(() => t.close());

const upload = (client: { csrf: string | null; cookies: Record<string, string> }, path: string, csv: string) => {
  const form = new FormData();
  form.set('file', new File([csv], 'data.csv', { type: 'text/csv' }));
  const cookie = Object.entries(client.cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  return t.request(path, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': client.csrf ?? '' } });
};

describe('access', () => {
  test.each(['/admin/ai', '/admin/kb', '/admin/ai/intents/billing'])('%s is for admins only', async (path) => {
    const { client: agent } = await t.signIn('agent');
    expect((await agent.get(path)).status).toBe(403);
    expect((await t.anonymous().get(path)).status).toBe(303);
    const { client: admin } = await t.signIn('admin');
    const res = await admin.get(path);
    expect(res.status).toBe(200);
  });

  test('posts without the CSRF token are refused and change nothing', async () => {
    const { client } = await t.signIn('admin');
    client.csrf = null;
    const res = await client.form('/admin/kb', { questions: 'hola', answer: 'x', language: 'es' });
    expect(res.status).toBe(403);
    expect(listArticles(t.app.core)).toHaveLength(0);
  });
});

describe('/admin/ai', () => {
  test('shows which backend is active and why, the intents and the stats', async () => {
    const { client } = await t.signIn('admin', {});
    const page = await (await client.get('/admin/ai')).text();
    expect(page).toContain('data-backend="embedded"');
    expect(page).toContain('data-model-state="absent"');
    expect(page).toContain('models/'); // why: no model installed, and where to put one (in the user's language)
    expect(page).toContain('data-intent="human"');
    expect(page).toContain('data-stat="bot"');
    // The fitted unknown threshold of the active backend, as the classifier holds it.
    const fitted = t.app.ai.classifier.embedded.thresholds.minConfidence;
    expect(fitted).toBeGreaterThan(0);
    expect(page).toContain(`data-unknown-below="${fitted.toFixed(3)}"`);
  });

  test('try a message shows intent, confidence and backend', async () => {
    const { client } = await t.signIn('admin');
    const html = await (await client.form('/admin/ai/try', { text: 'me cobraron dos veces' }, { 'hx-request': 'true' })).text();
    expect(html).toContain('<strong>billing</strong>');
    expect(html).toMatch(/\d+%/);
  });

  test('adding an example through the page retrains; removing it too; audited', async () => {
    const { client } = await t.signIn('admin');
    const res = await client.form('/admin/ai/intents/support/examples', { text: 'zorblax flux capacitor' });
    expect(res.status).toBe(303);
    expect((await t.app.ai.classifyIntent('zorblax flux capacitor')).intent).toBe('support');
    const row = listExamples(t.app.core, 'support').find((e) => e.text === 'zorblax flux capacitor')!;
    expect(row.source).toBe('admin');
    expect((await client.form(`/admin/ai/examples/${row.id}/delete`, {})).status).toBe(303);
    expect(listExamples(t.app.core, 'support').some((e) => e.id === row.id)).toBe(false);
    expect(t.eventNames()).toContain('audit.logged');
  });

  test('an empty example is refused with a message', async () => {
    const { client } = await t.signIn('admin');
    const res = await client.form('/admin/ai/intents/support/examples', { text: '  ' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Escribe un mensaje');
  });

  test('evaluation upload shows accuracy, macro-F1 and the confusion table; a bad file gets a clear error', async () => {
    const { client } = await t.signIn('admin');
    const csv = await Bun.file('docs/samples/intents-eval.csv').text();
    const page = await (await upload(client, '/admin/ai/eval', csv)).text();
    expect(page).toMatch(/data-metric="accuracy">\d+\.\d%/);
    expect(page).toContain('data-metric="macro-f1"');
    expect(page).toMatch(/data-metric="answered-precision">\d+\.\d%/);
    expect(page).toContain('data-eval-intent="order_status"');
    expect(page).toContain('class="table confusion"');
    const bad = await upload(client, '/admin/ai/eval', 'foo,bar\n1,2\n');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('la cabecera debe tener');
  });

  test('generative settings seal the API key and keep it when left empty', async () => {
    const { client } = await t.signIn('admin');
    await client.form('/admin/ai/generative', { enabled: 'true', baseUrl: 'http://localhost:11434', model: 'llama3', apiKey: 'sk-secret' });
    const stored = getSetting(t.app.core, 'ai.generative');
    expect(stored.apiKeySealed).not.toContain('sk-secret');
    expect(decryptSecret(t.config.secretKey, stored.apiKeySealed)).toBe('sk-secret');
    await client.form('/admin/ai/generative', { enabled: 'true', baseUrl: 'http://localhost:11434', model: 'llama3.1', apiKey: '' });
    expect(decryptSecret(t.config.secretKey, getSetting(t.app.core, 'ai.generative').apiKeySealed)).toBe('sk-secret');
    const invalid = await client.form('/admin/ai/generative', { enabled: 'true', baseUrl: '', model: '' });
    expect(invalid.status).toBe(422);
  });
});

describe('/admin/kb', () => {
  test('create, edit, disable and delete an article', async () => {
    const { client } = await t.signIn('admin');
    expect((await client.form('/admin/kb', { title: 'Horario', questions: 'a que hora abren\ncual es el horario', answer: 'De 9 a 18', language: 'es', tags: 'horario, tienda', enabled: 'true' })).status).toBe(303);
    const [a] = listArticles(t.app.core);
    expect(a).toMatchObject({ title: 'Horario', questions: ['a que hora abren', 'cual es el horario'], tags: ['horario', 'tienda'], enabled: true });
    await client.form(`/admin/kb/${a!.id}`, { title: 'Horario', questions: 'a que hora abren', answer: 'De 9 a 19', language: 'es', tags: '', enabled: 'true' });
    expect(listArticles(t.app.core)[0]!.answer).toBe('De 9 a 19');
    await client.form(`/admin/kb/${a!.id}/enabled`, { enabled: 'false' });
    expect(listArticles(t.app.core)[0]!.enabled).toBe(false);
    await client.form(`/admin/kb/${a!.id}/delete`, {});
    expect(listArticles(t.app.core)).toHaveLength(0);
  });

  test('a missing answer is refused and the form keeps the values', async () => {
    const { client } = await t.signIn('admin');
    const res = await client.form('/admin/kb', { questions: 'pregunta sin respuesta', answer: '', language: 'es' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Escribe la respuesta');
    expect(html).toContain('pregunta sin respuesta');
  });

  test('CSV import with | variants; an invalid line imports nothing', async () => {
    const { client } = await t.signIn('admin');
    const ok = await upload(client, '/admin/kb/import', 'question,answer,language,tags\n"a que hora abren|horario",De 9 a 18,es,horario|tienda\nqual o horario,Das 9 às 18,pt,\n');
    expect(ok.status).toBe(303);
    const articles = listArticles(t.app.core);
    expect(articles).toHaveLength(2);
    expect(articles.find((a) => a.language === 'es')!.questions).toEqual(['a que hora abren', 'horario']);
    const bad = await upload(client, '/admin/kb/import', 'question,answer,language\nhola,,es\n');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Línea 2: Escribe la respuesta');
    expect(listArticles(t.app.core)).toHaveLength(2);
  });
});

describe('bot ratings', () => {
  test('agents rate bot answers, not agent messages; counts show on /admin/ai', async () => {
    const core = t.app.core;
    const conversationId = customerWrites(core, makeChannel(core), '5491144444444', 'hola').conversation!.id;
    const bot = sendMessage(core, conversationId, { type: 'system', name: 'bot' }, { content: 'Hola, soy el bot' });
    const { user: admin, client } = await t.signIn('admin');
    const human = sendMessage(core, conversationId, { type: 'user', user: admin }, { content: 'Hola, soy Ana' });
    expect((await client.json('POST', `/messages/${bot.id}/rating`, { rating: 'up' })).status).toBe(200);
    expect((await client.json('POST', `/messages/${bot.id}/rating`, { rating: 'down' })).status).toBe(200);
    expect(core.db.select().from(botRatings).where(eq(botRatings.messageId, bot.id)).all().map((r) => r.rating)).toEqual(['down']);
    expect((await client.json('POST', `/messages/${human.id}/rating`, { rating: 'up' })).status).toBe(422);
    expect((await client.json('POST', `/messages/${bot.id}/rating`, { rating: 'meh' })).status).toBe(422);
    const page = await (await client.get('/admin/ai')).text();
    expect(page).toContain('data-stat="bot">1<');
    expect(page).toContain('data-stat="human">1<');
    expect(page).toContain('data-stat="down">1<');
    expect(core.db.select().from(messages).where(eq(messages.id, bot.id)).get()!.senderType).toBe('bot');
  });
});
