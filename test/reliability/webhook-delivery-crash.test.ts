/**
 * Durable outbound webhook delivery across a crash: the server is killed (SIGKILL) after a
 * customer message committed while its webhook POST was still waiting for the receiver; after the
 * restart the receiver gets that event delivered exactly once, before the next one (in order).
 */
import { afterEach, expect, test } from 'bun:test';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSubscription } from '../../src/core/webhooks/subscriptions';
import { createLogger } from '../../src/lib/logger';
import { freePort, prepareDataDir, startServerProcess } from '../helpers/server-process';
import { startWebhookReceiver } from '../helpers/webhook-receiver';
import { inboundBody, postSigned, queryDb, waitUntil } from './helpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('an event committed but not yet delivered to a webhook is delivered once after a crash', async () => {
  const dir = await prepareDataDir();
  cleanups.push(() => dir.remove());
  let hangStarted!: () => void;
  const hanging = new Promise<void>((resolve) => {
    hangStarted = resolve;
  });
  // The first request never gets an answer (the server dies waiting); every later one is accepted.
  const receiver = startWebhookReceiver((n) => {
    if (n > 1) return 200;
    hangStarted();
    return new Promise<number>(() => undefined);
  });
  cleanups.push(() => receiver.stop());

  const seed = createApp(loadConfig({ TURNO_LOG_LEVEL: 'silent', TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' }, { dataDir: dir.dataDir }), { startWorkers: false, logger: createLogger('silent') });
  const { secret } = await createSubscription(seed.core, { url: receiver.url, events: ['message.created'] }, null);
  await seed.stop();

  const env = { TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' };
  const port = freePort();
  const first = await startServerProcess(dir.dataDir, { port, env });
  cleanups.push(() => first.kill());
  expect(await postSigned(first.url, inboundBody('wamid.hook.crash.1', 1))).toBe(200);
  await hanging;
  await first.kill();
  expect(queryDb(dir.dataDir, "SELECT count(*) AS n FROM messages WHERE external_id = 'wamid.hook.crash.1'")).toEqual([{ n: 1 }]);
  expect(receiver.received).toHaveLength(0);

  const second = await startServerProcess(dir.dataDir, { port, env });
  cleanups.push(() => second.kill());
  expect(await postSigned(second.url, inboundBody('wamid.hook.crash.2', 2))).toBe(200);
  await waitUntil(() => receiver.received.some((r) => r.json.data.message.externalId === 'wamid.hook.crash.2'), 'the second message to reach the receiver');
  expect(receiver.received.map((r) => r.json.data.message.externalId)).toEqual(['wamid.hook.crash.1', 'wamid.hook.crash.2']);
  expect(receiver.received.every((r) => receiver.verify(r, secret))).toBe(true);
}, 120_000);
