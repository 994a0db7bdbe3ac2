import { afterEach, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

const FIXTURES = join(import.meta.dir, '..', 'fixtures', 'plugins');
let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps) await app.close();
  apps = [];
});

async function start(dir: string, opts: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp({ ...opts, config: { pluginsDir: join(FIXTURES, dir), ...opts.config } });
  apps.push(t);
  return t;
}

/** A customer message through the signed webhook, applied, with every listener and consumer done. */
async function customerWrites(t: TestApp, id: string, text: string, waId = '34600111222') {
  expect((await postWebhook(t, messagesEnvelope([textMessage(id, text, Math.floor(Date.now() / 1000))], { waId, name: 'Lucía <b>' }))).status).toBe(200);
  await t.app.ingest.processPending();
  await t.app.core.bus.drain();
  return t.app.core.db.$client.query('SELECT id FROM conversations ORDER BY created_at DESC LIMIT 1').get() as { id: string };
}

describe('a plugin in source mode', () => {
  test('is listed as active; its route answers signed-in callers under /plugins/<id>/ and 401 to others', async () => {
    const t = await start('basic');
    expect(t.app.plugins.list().map((p) => [p.id, p.version, p.status, p.error])).toEqual([['sample', '1.2.3', 'active', null]]);
    const { client, user } = await t.signIn('agent');
    const ping = await client.get('/plugins/sample/ping');
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ ok: true, user: user.email, greeting: null });
    expect((await t.anonymous().get('/plugins/sample/ping')).status).toBe(401);
    // The route's `t` speaks the plugin's own strings in the user's language; `api.now()` is the host's clock.
    const hello = await client.get('/plugins/sample/hello', { 'accept-language': 'pt-BR' });
    expect(await hello.json()).toEqual({ text: 'Painel de exemplo para Ana', now: t.clock.now() });
    expect((await t.request('/plugins/sample/ping', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await client.get('/plugins/other/ping')).status).toBe(404);
  });

  test('state-changing routes need the CSRF token; public routes need neither session nor token', async () => {
    const t = await start('basic');
    const { client } = await t.signIn('agent');
    const forged = await t.request('/plugins/sample/kv', { method: 'POST', headers: { cookie: `turno_session=${client.cookies.turno_session}`, 'content-type': 'application/json' }, body: '{"note":"x"}' });
    expect(forged.status).toBe(403);
    expect((await client.json('POST', '/plugins/sample/kv', { note: 'remember me' })).status).toBe(200);
    const callback = await t.request('/plugins/sample/callback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":"abc"}' });
    expect(await callback.json()).toEqual({ received: { code: 'abc' } });
  });

  test('its message.created handler sees a webhook message, once, with the event id', async () => {
    const t = await start('basic');
    addTestChannel(t);
    await customerWrites(t, 'wamid.P1', 'quiero una cita');
    const { client } = await t.signIn('admin');
    expect(await (await client.get('/plugins/sample/seen')).json()).toEqual([{ messageId: '-', content: 'created once' }, { messageId: expect.any(String), content: 'quiero una cita' }]);
    const cursor = t.app.core.db.$client.query("SELECT last_seq, failures FROM event_cursors WHERE consumer = 'plugin:sample'").get() as { last_seq: number; failures: number };
    expect(cursor.failures).toBe(0);
    expect(cursor.last_seq).toBeGreaterThan(0);
  });

  test('kv survives a restart and the migration runs once', async () => {
    const first = await start('basic');
    const { client } = await first.signIn('admin');
    await client.json('POST', '/plugins/sample/kv', { note: 'kept' });
    const dataDir = first.config.dataDir;
    await first.close({ keepData: true });
    apps = [];
    const second = await start('basic', { dataDir });
    const again = await second.signIn('admin');
    expect(await (await again.client.get('/plugins/sample/kv')).json()).toEqual({ note: 'kept', setups: 2 });
    expect(second.app.core.db.$client.query("SELECT count(*) AS n FROM sample_seen WHERE event_id = 'migration-marker'").get()).toEqual({ n: 1 });
    expect(second.app.core.db.$client.query("SELECT name FROM plugin_migrations WHERE plugin_id = 'sample'").all()).toEqual([{ name: '0001_seen.sql' }]);
  });

  test('its panel renders, escaped and translated, in the contact sidebar; its nav entry shows to supervisors only', async () => {
    const t = await start('basic');
    addTestChannel(t);
    const { id } = await customerWrites(t, 'wamid.P2', 'hola');
    const admin = await t.signIn('admin');
    const page = await (await admin.client.get(`/inbox/c/${id}`)).text();
    expect(page).toContain('<div class="plugin-slot" data-plugin-slot-item="sample"><section class="sample-panel">Panel de ejemplo para Lucía &lt;b&gt;</section></div>');
    expect(page).toContain('href="/plugins/sample/ping"');
    const agent = await t.signIn('agent');
    expect(await (await agent.client.get('/inbox')).text()).not.toContain('href="/plugins/sample/ping"');
  });

  test('before message.beforeSend can refuse a send or change a note, inside the transaction', async () => {
    const t = await start('basic');
    addTestChannel(t);
    const { id } = await customerWrites(t, 'wamid.P3', 'hola');
    const { client } = await t.signIn('admin');
    const refused = await client.json('POST', `/api/v1/conversations/${id}/messages`, { content: 'this has a forbidden-word' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toBe('Sample refuses forbidden words');
    const note = await client.json('POST', `/api/v1/conversations/${id}/messages`, { content: 'sign: thanks', private: true });
    expect(note.status).toBe(201);
    const stored = t.app.core.db.$client.query("SELECT content FROM messages WHERE is_private = 1").all();
    expect(stored).toEqual([{ content: 'sign: thanks — signed' }]);
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM messages WHERE content LIKE '%forbidden-word%'").get()).toEqual({ n: 0 });
  });

  test('its jobs run on the durable queue', async () => {
    const t = await start('basic');
    const plugin = t.app.plugins.active('sample')!;
    expect(plugin.reg!.jobTypes).toEqual(['plugin.sample.touch']);
    const { enqueueJob } = await import('../../src/core/jobs');
    enqueueJob(t.app.core, 'plugin.sample.touch', { value: 42 });
    expect(await t.app.jobs.runDue()).toBe(1);
    const { client } = await t.signIn('admin');
    expect((await client.get('/plugins/sample/kv')).status).toBe(200);
    expect(t.app.core.db.$client.query("SELECT value FROM plugin_kv WHERE plugin_id = 'sample' AND key = 'touched'").get()).toEqual({ value: '42' });
  });

  test('disabling removes its routes, slots, hooks and handlers at once; enabling brings them back', async () => {
    const t = await start('basic');
    addTestChannel(t);
    const { id } = await customerWrites(t, 'wamid.P4', 'antes');
    const admin = await t.signIn('admin');
    const actor = { type: 'user' as const, user: admin.user };
    t.app.plugins.disable('sample', actor);
    expect((await admin.client.get('/plugins/sample/ping')).status).toBe(404);
    expect(await (await admin.client.get(`/inbox/c/${id}`)).text()).not.toContain('sample-panel');
    expect((await admin.client.json('POST', `/api/v1/conversations/${id}/messages`, { content: 'forbidden-word is fine now', private: true })).status).toBe(201);
    expect(t.app.jobs.handlerOf('plugin.sample.touch')).toBeUndefined();
    await customerWrites(t, 'wamid.P5', 'mientras está apagado');
    await t.app.plugins.enable('sample', actor);
    expect((await admin.client.get('/plugins/sample/ping')).status).toBe(200);
    await customerWrites(t, 'wamid.P6', 'después');
    const seen = (await (await admin.client.get('/plugins/sample/seen')).json()) as Array<{ content: string }>;
    expect(seen.map((s) => s.content)).toEqual(['created once', 'antes', 'después']);
    expect(t.app.core.db.$client.query("SELECT action FROM audit_log WHERE action LIKE 'plugin.%' ORDER BY created_at").all()).toEqual([{ action: 'plugin.disable' }, { action: 'plugin.enable' }]);
  });
});

describe('isolation', () => {
  test('load and setup failures are listed with their reason and the server serves', async () => {
    const t = await start('faulty', { app: { eventRetryDelay: () => 0, pluginTimeoutMs: 50 } });
    const byName = Object.fromEntries(t.app.plugins.list().map((p) => [p.id, [p.status, p.error]]));
    expect(byName['file:a-throws-at-load']).toEqual(['failed', 'could not load: broken on purpose at load']);
    expect(byName['file:e-no-default']).toEqual(['failed', 'the file has no default export; export default definePlugin({ … })']);
    expect(byName['bad-setup']).toEqual(['failed', 'setup failed: setup broken on purpose']);
    expect(byName.thrower![0]).toBe('active');
    expect(byName.hanger![0]).toBe('active');
    const { client } = await t.signIn('agent');
    expect((await client.get('/inbox')).status).toBe(200);
  });

  test('a throwing and a hanging handler are disabled after 5 failures in a row, admins are told, routing is unaffected', async () => {
    const t = await start('faulty', { app: { eventRetryDelay: () => 0, pluginTimeoutMs: 50 } });
    addTestChannel(t);
    const admin = await t.signIn('admin');
    const { id } = await customerWrites(t, 'wamid.F1', 'hola');
    const status = (pluginId: string) => t.app.plugins.get(pluginId)!;
    expect([status('thrower').status, status('thrower').error]).toEqual(['failed', 'on message.created: handler broken on purpose (5 failures in a row)']);
    expect([status('hanger').status, status('hanger').error]).toEqual(['failed', 'on message.created: handler for message.created did not finish within 50 ms (5 failures in a row)']);
    const notes = t.app.core.db.$client.query("SELECT user_id, details FROM notifications WHERE kind = 'plugin.disabled'").all() as Array<{ user_id: string; details: string }>;
    expect(notes.map((n) => [n.user_id, JSON.parse(n.details).plugin]).sort()).toEqual([[admin.user.id, 'Hanger'], [admin.user.id, 'Thrower']]);
    // Routing is its own consumer: the conversation was routed (timeline) while the plugins failed.
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM conversation_events WHERE conversation_id = ? AND kind = 'routed'").get(id)).toEqual({ n: 1 });
    expect(t.app.core.db.$client.query("SELECT enabled, disabled_reason IS NOT NULL AS why FROM plugins WHERE id = 'thrower'").get()).toEqual({ enabled: 0, why: 1 });
  });
});

describe('Admin → Plugins', () => {
  test('lists plugins with status; the generated settings form validates, seals secrets and restarts the plugin with them', async () => {
    const t = await start('basic');
    const admin = await t.signIn('admin');
    const page = await (await admin.client.get('/admin/plugins')).text();
    expect(page).toContain('data-plugin="sample" data-status="active"');
    expect(page).toContain('name="greeting"');
    expect(page).toContain('name="apiKey" type="password"');
    const bad = await admin.client.form('/admin/plugins/sample/settings', { greeting: 'x', apiKey: 'short' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="plugin-sample-apiKey-error"');
    const ok = await admin.client.form('/admin/plugins/sample/settings', { greeting: 'buenas', apiKey: 'super-secret-key' });
    expect(ok.status).toBe(303);
    const stored = t.app.core.db.$client.query("SELECT settings FROM plugins WHERE id = 'sample'").get() as { settings: string };
    expect(stored.settings).not.toContain('super-secret-key');
    expect(await (await admin.client.get('/plugins/sample/ping')).json()).toMatchObject({ greeting: 'buenas' });
    // An empty secret keeps the stored one.
    await admin.client.form('/admin/plugins/sample/settings', { greeting: 'otra', apiKey: '' });
    expect(t.app.plugins.settingsOf('sample')).toEqual({ greeting: 'otra', apiKey: 'super-secret-key' });
    expect((await admin.client.form('/admin/plugins/sample/disable', {})).status).toBe(303);
    expect(t.app.plugins.get('sample')!.status).toBe('disabled');
    const agent = await t.signIn('agent');
    expect((await agent.client.get('/admin/plugins')).status).toBe(403);
  });
});
