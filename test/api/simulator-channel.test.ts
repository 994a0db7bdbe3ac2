import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { getChannelOrThrow, whatsappConfig } from '../../src/core/channels';
import { sendMessage } from '../../src/core/messages';
import { isSimulatorChannel, SIMULATOR_CHANNEL_NAME } from '../../src/simulator/embedded';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

/** Polls `check` (processing stored webhooks each round) until it returns a value; fails after `limitMs`. */
async function eventually<T>(t: TestApp, check: () => T | null | undefined, limitMs = 20_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    t.app.ingest.processPending();
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await Bun.sleep(50);
  }
}

describe('"Add a simulator channel" on a real port', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.app.listen(0);
  });
  afterAll(async () => t.close());

  test('creates the channel, and a simulated customer message arrives through the signed webhook path', async () => {
    const { client, user } = await t.signIn('admin');
    const res = await client.form('/admin/channels/simulator', {});
    expect(res.status).toBe(303);
    const id = /\/admin\/channels\/([^?]+)\?ok=simulator/.exec(res.headers.get('location')!)![1]!;
    const channel = getChannelOrThrow(t.app.core, id);
    expect(channel.name).toBe(SIMULATOR_CHANNEL_NAME);
    expect(isSimulatorChannel(channel)).toBe(true);
    const sim = t.app.deps.simulators.simulatorOf(id)!;
    expect(whatsappConfig(channel).graphUrl).toBe(sim.url);
    const again = await client.form('/admin/channels/simulator', {});
    expect(again.headers.get('location')).toContain(id);

    const message = await eventually(t, () => t.app.core.db.$client.query<{ conversation_id: string; content: string; type: string }, [string]>(
      "SELECT conversation_id, content, type FROM messages WHERE channel_id = ? AND direction = 'inbound'").get(id));
    expect(message.type).toBe('text');
    const event = t.app.core.db.$client.query<{ status: string; signature: string }, []>('SELECT status, signature FROM webhook_events').get()!;
    expect(event.status).toBe('processed');
    expect(event.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const contact = t.app.core.db.$client.query<{ name: string }, []>('SELECT name FROM contacts').get()!;
    expect(contact.name).toBe('María Fernanda López');

    // An agent's reply reaches the simulator through the send job, like production.
    sendMessage(t.app.core, message.conversation_id, { type: 'user', user, ip: '127.0.0.1' }, { content: '¡Hola! ¿En qué te ayudo?' });
    await t.app.jobs.runDue();
    expect(sim.sent.map((s) => (s.body.text as { body: string }).body)).toEqual(['¡Hola! ¿En qué te ayudo?']);
  });

  test('after a restart the simulator comes back, on a new port when the old one is taken', async () => {
    const channel = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM channels').get()!;
    const oldPort = t.app.deps.simulators.simulatorOf(channel.id)!.port;
    await t.app.deps.simulators.stop();
    const squatter = Bun.serve({ hostname: '127.0.0.1', port: oldPort, fetch: () => new Response('busy') });
    try {
      await t.app.deps.simulators.resume();
    } finally {
      await squatter.stop(true);
    }
    const sim = t.app.deps.simulators.simulatorOf(channel.id)!;
    expect(sim.port).not.toBe(oldPort);
    const updated = getChannelOrThrow(t.app.core, channel.id);
    expect(whatsappConfig(updated).graphUrl).toBe(sim.url);
    expect(updated.config).toMatchObject({ simulator: { port: sim.port } });
  });
});

describe('first-run setup with "try with the simulator"', () => {
  test('checked by default, it creates the simulator channel; unchecked, it does not', async () => {
    const t = await createTestApp();
    try {
      const anon = t.anonymous();
      const page = await (await anon.get('/setup')).text();
      expect(page).toMatch(/<input type="checkbox" name="simulator" value="on" checked>/);
      await anon.loadCsrf('/setup');
      const res = await anon.form('/setup', { _csrf: anon.csrf!, name: 'Owner', email: 'owner@example.test', password: TEST_PASSWORD, locale: 'es', simulator: 'on' });
      expect(res.status).toBe(303);
      const rows = t.app.core.db.$client.query<{ id: string; name: string }, []>('SELECT id, name FROM channels').all();
      expect(rows.map((r) => r.name)).toEqual([SIMULATOR_CHANNEL_NAME]);
      expect(t.app.deps.simulators.simulatorOf(rows[0]!.id)).toBeDefined();
    } finally {
      await t.close();
    }
    const plain = await createTestApp();
    try {
      const anon = plain.anonymous();
      await anon.loadCsrf('/setup');
      await anon.form('/setup', { _csrf: anon.csrf!, name: 'Owner', email: 'owner@example.test', password: TEST_PASSWORD, locale: 'es' });
      expect(plain.app.core.db.$client.query('SELECT count(*) AS n FROM channels').get()).toEqual({ n: 0 });
    } finally {
      await plain.close();
    }
  }, 30_000);
});
