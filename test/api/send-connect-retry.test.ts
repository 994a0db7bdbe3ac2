/**
 * A send whose Graph connection never opens (refused, DNS failure) certainly did not reach Meta:
 * it is retried on the normal backoff (no reconcile wait), and the still-queued bubble shows the
 * attempt count, the reason and when it tries again, with "Retry now".
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { updateWhatsAppChannel } from '../../src/core/channels';
import { sendMessage } from '../../src/core/messages';
import type { Channel } from '../../src/core/types';
import { jobs, messages } from '../../src/db/schema';
import { RECONCILE_MS } from '../../src/jobs/handlers/send-message';
import type { GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';
import { startSimulatedConversation } from '../helpers/simulated-conversation';

/** Nothing listens on port 1 of loopback: every connection is refused. */
const REFUSING = 'http://127.0.0.1:1';
let t: TestApp;
let sim: GraphSimulator;
let channel: Channel;
let admin: { user: { id: string }; client: TestClient };
let conversationId: string;

const message = (id: string) => t.app.core.db.select().from(messages).where(eq(messages.id, id)).get()!;
const job = (id: string) => t.app.core.db.select().from(jobs).where(eq(jobs.uniqueKey, `send:${id}`)).get()!;
const thread = async () => (await admin.client.get(`/inbox/c/${conversationId}`)).text();

beforeEach(async () => {
  t = await createTestApp();
  ({ sim, channel, conversationId } = await startSimulatedConversation(t));
  admin = await t.signIn('admin');
  updateWhatsAppChannel(t.app.core, channel.id, { graphUrl: REFUSING }, null);
});
afterEach(async () => {
  await sim.stop();
  await t.close();
});

test('a refused connection is retried on the backoff, shows attempt and reason, and Retry now sends it', async () => {
  const m = sendMessage(t.app.core, conversationId, { type: 'user', user: admin.user as never }, { content: 'hola de nuevo' });
  await t.app.jobs.runDue();
  await t.app.core.bus.drain();

  // not "may have been sent": no reconcile wait, the next try is the normal backoff (≤ 2 s after attempt 1)
  expect(message(m.id)).toMatchObject({ status: 'queued', sendAttemptedAt: null, sendAttempts: 1 });
  expect(message(m.id).sendRetryReason).toBe('could not connect to 127.0.0.1:1 (connection refused)');
  expect(job(m.id).runAt - t.clock.now()).toBeLessThanOrEqual(2_000);
  expect(job(m.id).runAt - t.clock.now()).toBeLessThan(RECONCILE_MS);
  expect(t.events.filter((e) => e.name === 'message.updated' && e.payload.message.id === m.id).map((e) => e.payload.message.sendAttempts)).toEqual([1]);

  t.clock.advance(2_000);
  await t.app.jobs.runDue();
  expect(message(m.id)).toMatchObject({ status: 'queued', sendAttempts: 2 });
  const page = await thread();
  expect(page).toContain('El intento 2 falló: could not connect to 127.0.0.1:1 (connection refused). Se reintentará automáticamente');
  expect(page).toContain(`hx-post="/inbox/messages/${m.id}/retry"`);
  expect(page).toContain('Reintentar ahora');

  // the network is back; "Retry now" does not wait for the backoff
  updateWhatsAppChannel(t.app.core, channel.id, { graphUrl: sim.url }, null);
  expect(job(m.id).runAt).toBeGreaterThan(t.clock.now());
  expect((await admin.client.form(`/inbox/messages/${m.id}/retry`, {}, { 'HX-Request': 'true' })).status).toBe(204);
  expect(job(m.id).runAt).toBe(t.clock.now());
  await t.app.jobs.runDue();
  expect(message(m.id)).toMatchObject({ status: 'sent', sendRetryReason: null, sendRetryAt: null });
  expect(sim.sent).toHaveLength(1);
  expect(await thread()).not.toContain('Reintentar ahora');
});

test('a DNS failure is a connection that never opened too', async () => {
  updateWhatsAppChannel(t.app.core, channel.id, { graphUrl: 'http://graph.invalid' }, null);
  const m = sendMessage(t.app.core, conversationId, { type: 'user', user: admin.user as never }, { content: 'hola' });
  await t.app.jobs.runDue();
  expect(message(m.id)).toMatchObject({ status: 'queued', sendAttemptedAt: null, sendAttempts: 1, sendRetryReason: 'could not connect to graph.invalid (DNS lookup failed)' });
});
