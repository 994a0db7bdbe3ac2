import { afterEach, beforeEach, expect, test } from 'bun:test';
import { enqueueJob, completeJob, claimNextJob } from '../../../src/core/jobs';
import { eventLog, webhookDeliveries, webhookEvents, pendingStatuses } from '../../../src/db/schema';
import { logDelivery } from '../../../src/core/webhooks/deliveries';
import { createSubscription } from '../../../src/core/webhooks/subscriptions';
import { installMaintenance, pruneOnce } from '../../../src/jobs/handlers/maintenance';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

test('old processed webhooks, finished jobs, parked statuses and webhook deliveries are pruned; failures are kept', async () => {
  const core = t.app.core;
  const old = t.clock.now();
  for (const [id, status] of [['w1', 'processed'], ['w2', 'failed'], ['w3', 'unroutable']] as const) {
    core.db.insert(webhookEvents).values({ id, provider: 'whatsapp', status, body: '{}', receivedAt: old }).run();
  }
  core.db.insert(pendingStatuses).values({ id: 'p1', channelId: 'c', externalId: 'wamid.x', status: 'delivered', occurredAt: old, createdAt: old }).run();
  enqueueJob(core, 'x', {});
  completeJob(core, claimNextJob(core, 'w')!.id);
  const { subscription } = await createSubscription({ ...core, config: { ...core.config, webhooksAllowPrivate: true } }, { url: 'http://127.0.0.1:9/turno', events: ['message.created'] }, null);
  const attempt = { subscriptionId: subscription.id, webhookId: 'e1', eventType: 'message.created', body: '{}', ok: true, statusCode: 200, latencyMs: 3, responseExcerpt: null, error: null, attempt: 1, replay: false };
  logDelivery(core, attempt);
  t.clock.advance(31 * 24 * 3600_000);
  logDelivery(core, { ...attempt, webhookId: 'e2' });
  core.db.insert(webhookEvents).values({ id: 'w4', provider: 'whatsapp', status: 'processed', body: '{}', receivedAt: t.clock.now() }).run();
  expect(pruneOnce(core)).toEqual({ processedWebhooks: 1, finishedJobs: 1, parkedStatuses: 1, eventLog: 0, webhookDeliveries: 1 });
  expect(core.db.select({ id: webhookDeliveries.webhookId }).from(webhookDeliveries).all()).toEqual([{ id: 'e2' }]);
  const left = core.db.select({ id: webhookEvents.id }).from(webhookEvents).all().map((r) => r.id).sort();
  expect(left).toEqual(['w2', 'w3', 'w4']);
});

test('the prune job reschedules itself daily', async () => {
  installMaintenance(t.app.core, t.app.jobs, () => []);
  const scheduled = () => t.app.core.db.$client.query("SELECT run_at FROM jobs WHERE type = 'maintenance.prune' AND status = 'queued'").all() as { run_at: number }[];
  expect(scheduled()).toHaveLength(1);
  t.clock.advance(3600_000);
  expect(await t.app.jobs.runDue()).toBe(1);
  expect(scheduled()).toHaveLength(1);
  expect(scheduled()[0]!.run_at).toBeGreaterThan(t.clock.now() + 23 * 3600_000);
});

test('logged events go once every running consumer has passed them, and after a week whatever the cursors', () => {
  const core = t.app.core;
  const log = (id: string) => core.db.insert(eventLog).values({ id, name: 'contact.updated', conversationId: null, payload: {}, createdAt: t.clock.now() }).run();
  log('e1');
  log('e2');
  const seqOf = (id: string) => (core.db.$client.query('SELECT seq FROM event_log WHERE id = ?').get(id) as { seq: number }).seq;
  core.db.$client.run("UPDATE event_cursors SET last_seq = ? WHERE consumer = 'routing'", [seqOf('e1')]);
  expect(pruneOnce(core, ['routing']).eventLog).toBe(1);
  expect(core.db.$client.query('SELECT id FROM event_log').all()).toEqual([{ id: 'e2' }]);
  t.clock.advance(8 * 24 * 3600_000);
  expect(pruneOnce(core, ['routing']).eventLog).toBe(1);
  expect(core.db.$client.query('SELECT count(*) AS n FROM event_log').get()).toEqual({ n: 0 });
});
