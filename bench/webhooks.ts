/**
 * Outbound webhook fan-out on ingest: the same signed-webhook burst against `turno serve` with no
 * subscriptions and with 5 subscriptions to `message.created` (five real receivers on loopback,
 * answering 200), in alternating pairs. Webhook events are written in the ingest transaction and
 * sent by each subscription's own consumer, so the ack rate and the ingest drain should stay within
 * 10 % of the run without subscriptions; the table also shows how fast the fan-out catches up.
 *
 *   bun bench/webhooks.ts [--count 10000] [--concurrency 32] [--pairs 2] [--subscriptions 5]
 */
import { Database } from 'bun:sqlite';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createSubscription } from '../src/core/webhooks/subscriptions';
import { createLogger } from '../src/lib/logger';
import { prepareDataDir, startServerProcess } from '../test/helpers/server-process';
import { runLoadInChild } from './lib/loadgen';
import { machine, mark, report } from './lib/report';

const { values } = parseArgs({ options: { count: { type: 'string' }, concurrency: { type: 'string' }, pairs: { type: 'string' }, subscriptions: { type: 'string' } } });
const count = Number(values.count ?? 10_000);
const concurrency = Number(values.concurrency ?? 32);
const pairs = Number(values.pairs ?? 2);
const fanOut = Number(values.subscriptions ?? 5);

function countOf(dbPath: string, sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.query<{ n: number }, []>(sql).get()!.n;
  } finally {
    db.close();
  }
}

/** Polls until `done()`; returns the wall time then. */
async function waitFor(done: () => boolean, what: string, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what} not done after ${timeoutMs} ms`);
    await Bun.sleep(20);
  }
  return Date.now();
}

/** One burst on a fresh data dir with `subscriptions` receivers subscribed to message.created. */
async function burst(subscriptions: number, run: number) {
  const dir = await prepareDataDir();
  const dbPath = join(dir.dataDir, 'turno.db');
  const receivers = Array.from({ length: subscriptions }, () => Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: async (req) => (await req.arrayBuffer(), new Response('ok')) }));
  const seed = createApp(loadConfig({ TURNO_LOG_LEVEL: 'silent', TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' }, { dataDir: dir.dataDir }), { startWorkers: false, logger: createLogger('silent') });
  for (const r of receivers) await createSubscription(seed.core, { url: `http://127.0.0.1:${r.port}/hook`, events: ['message.created'] }, null);
  await seed.stop();
  const server = await startServerProcess(dir.dataDir, { env: { TURNO_WEBHOOKS_ALLOW_PRIVATE: '1' } });
  const drained = () => countOf(dbPath, "SELECT count(*) AS n FROM webhook_events WHERE status = 'received'") === 0;
  const inbound = () => countOf(dbPath, "SELECT count(*) AS n FROM messages WHERE direction = 'inbound'");
  const delivered = () => countOf(dbPath, 'SELECT count(*) AS n FROM webhook_deliveries WHERE ok = 1');
  try {
    const hook = `${server.url}/webhooks/whatsapp`;
    await runLoadInChild({ url: hook, count: 300, concurrency, runId: `warm${run}` });
    await waitFor(drained, 'warm-up ingest');
    await waitFor(() => delivered() >= inbound() * subscriptions, 'warm-up fan-out');
    const load = await runLoadInChild({ url: hook, count, concurrency, runId: `burst${run}` });
    const drainMs = (await waitFor(drained, 'ingest')) - load.firstSentAt;
    const fanOutMs = (await waitFor(() => delivered() >= inbound() * subscriptions, 'fan-out')) - load.firstSentAt;
    return { ackPerSecond: load.perSecond, p99: load.p99, drainPerSecond: load.ok / (drainMs / 1000), deliveriesPerSecond: subscriptions ? (load.ok * subscriptions) / (fanOutMs / 1000) : 0 };
  } finally {
    await server.stop();
    for (const r of receivers) r.stop(true);
    dir.remove();
  }
}

const m = machine();
const none: Awaited<ReturnType<typeof burst>>[] = [];
const withHooks: typeof none = [];
for (let i = 0; i < pairs; i++) {
  none.push(await burst(0, i));
  withHooks.push(await burst(fanOut, i));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ack = median(withHooks.map((r) => r.ackPerSecond)) / median(none.map((r) => r.ackPerSecond));
const drain = median(withHooks.map((r) => r.drainPerSecond)) / median(none.map((r) => r.drainPerSecond));
const rows = [
  ...none.map((r, i) => [`pair ${i + 1}`, 'no subscriptions', r.ackPerSecond, r.p99, r.drainPerSecond, '', '']),
  ...withHooks.map((r, i) => [`pair ${i + 1}`, `${fanOut} subscriptions`, r.ackPerSecond, r.p99, r.drainPerSecond, r.deliveriesPerSecond, '']),
  ['median ratio', 'subscriptions / none', `${(ack * 100).toFixed(1)} %`, '', `${(drain * 100).toFixed(1)} %`, '', `≥ 90 % ${mark(ack >= 0.9 && drain >= 0.9)}`],
];
report('webhooks', `Ingest with ${fanOut} outbound webhook subscriptions`, m, ['run', 'server', 'ack msg/s', 'ack p99 ms', 'drain msg/s', 'webhooks delivered/s', 'target'], rows, { count, concurrency, pairs, subscriptions: fanOut, none, withHooks, ackRatio: ack, drainRatio: drain });
