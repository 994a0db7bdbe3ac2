/**
 * The files `turno plugin new <id>` writes: a working plugin (an event handler that records into
 * the plugin's own table, a route, a contact-sidebar panel, kv, settings, its strings in three
 * languages), its first SQL migration, and a test that loads it into a test app.
 */

/** "acme-crm" → "Acme Crm". */
const titleOf = (id: string) => id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** "acme-crm" → "acme_crm", the prefix of the plugin's tables. */
export const tablePrefix = (id: string) => id.replace(/-/g, '_');

/** `index.ts` of a new plugin. */
export function pluginIndex(id: string): string {
  const table = `${tablePrefix(id)}_messages`;
  return `/**
 * ${titleOf(id)}: a Turno plugin. It counts the messages each contact sends and shows the count in
 * the contact sidebar. docs/plugins.md explains every part; docs/plugin-reference.md lists every
 * event and API call.
 */
import { definePlugin, html, z } from 'turno/plugin';

export default definePlugin({
  id: '${id}',
  name: '${titleOf(id)}',
  version: '0.1.0',
  description: 'Counts the messages each contact sends',
  // Admin → Plugins shows a form generated from this schema.
  settings: z.object({
    greeting: z.string().min(1).default('Hello').describe('What GET /plugins/${id}/hello answers'),
  }),
  // api.t(key) looks here first; {name} placeholders are filled from its vars.
  messages: {
    en: { 'panel.count': 'Messages received: {count}' },
    es: { 'panel.count': 'Mensajes recibidos: {count}' },
    'pt-BR': { 'panel.count': 'Mensagens recebidas: {count}' },
  },
  setup(api) {
    // Durable, at least once: the same event may come twice, so key the row by ctx.eventId.
    api.on('message.created', (event, ctx) => {
      if (event.message.direction !== 'inbound') return;
      api.db.run('INSERT OR IGNORE INTO ${table} (event_id, contact_id, received_at) VALUES (?, ?, ?)', ctx.eventId, event.contact.id, ctx.occurredAt);
      api.kv.set('lastMessageAt', ctx.occurredAt);
    });

    // GET /plugins/${id}/hello, for signed-in users (session cookie or API token).
    api.routes((app) => app.get('/hello', ({ user }) => ({
      greeting: api.settings()?.greeting ?? 'Hello',
      user: user?.name ?? null,
      lastMessageAt: api.kv.get<number>('lastMessageAt') ?? null,
    })));

    // A panel in the inbox's contact sidebar; html\`\` escapes what it interpolates.
    api.slot('contact-sidebar', (ctx) => {
      if (!ctx.contact) return '';
      const row = api.db.get<{ n: number }>('SELECT count(*) AS n FROM ${table} WHERE contact_id = ?', ctx.contact.id);
      return html\`<section class="${id}-panel">\${api.t('panel.count', { count: row?.n ?? 0 }, ctx.locale)}</section>\`;
    });

    api.log.info('ready');
  },
});
`;
}

/** `migrations/0001_init.sql` of a new plugin. */
export function pluginMigration(id: string): string {
  const table = `${tablePrefix(id)}_messages`;
  return `-- Applied once, when the plugin is first activated (recorded per plugin in plugin_migrations).
-- Name tables ${tablePrefix(id)}_<table> so they never collide with Turno's or another plugin's.
CREATE TABLE ${table} (
  event_id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX ${table}_contact ON ${table} (contact_id);
`;
}

/**
 * \`index.test.ts\` of a new plugin; \`helpers\` is the import path of Turno's \`test/helpers\` folder
 * (the test runs against a source checkout of Turno).
 */
export function pluginTest(id: string, helpers: string): string {
  return `/**
 * Tests of the ${id} plugin against a real Turno app (temporary database, no network).
 * Run: bun test ./${id}/index.test.ts from the plugins folder (see docs/plugins.md, "Testing").
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '${helpers}/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '${helpers}/whatsapp';

// A plugins folder holding only this plugin, so the test does not depend on its neighbours.
const pluginsDir = mkdtempSync(join(tmpdir(), '${id}-'));
symlinkSync(import.meta.dir, join(pluginsDir, '${id}'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { pluginsDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(pluginsDir, { recursive: true, force: true });
});

test('loads and is active', () => {
  expect(t.app.plugins.list().map((p) => [p.id, p.status, p.error])).toEqual([['${id}', 'active', null]]);
});

test('its route answers signed-in users only', async () => {
  const { client, user } = await t.signIn('agent');
  const res = await client.get('/plugins/${id}/hello');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ greeting: 'Hello', user: user.name, lastMessageAt: null });
  expect((await t.anonymous().get('/plugins/${id}/hello')).status).toBe(401);
});

test("a customer's message is counted once and shown in the contact sidebar", async () => {
  addTestChannel(t);
  const envelope = messagesEnvelope([textMessage('wamid.${id}-1', 'hola', Math.floor(Date.now() / 1000))], { waId: '34600111222', name: 'Lucía' });
  expect((await postWebhook(t, envelope)).status).toBe(200);
  await t.app.ingest.processPending();
  await t.app.core.bus.drain();
  const { id } = t.app.core.db.$client.query('SELECT id FROM conversations').get() as { id: string };
  const { client } = await t.signIn('admin');
  const page = await (await client.get(\`/inbox/c/\${id}\`)).text();
  expect(page).toContain('<section class="${id}-panel">Mensajes recibidos: 1</section>');
});
`;
}
