/**
 * Plugin overhead on ingest: the same signed-webhook burst against `turno serve` with no plugins
 * and with two plugins listening to every message (bench/plugins/: one no-op, one taking 200 ms
 * per event), in alternating pairs. Plugin events are written in the ingest transaction and
 * delivered from the event log by each plugin's own consumer, so neither plugin should slow the
 * webhook ack or the ingest drain (target: within 10 % of no plugins).
 *
 *   bun bench/plugins.ts [--count 10000] [--concurrency 32] [--pairs 2]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDataDir, startServerProcess } from '../test/helpers/server-process';
import { waitDrained } from './lib/drain';
import { runLoadInChild } from './lib/loadgen';
import { machine, mark, report } from './lib/report';

const { values } = parseArgs({ options: { count: { type: 'string' }, concurrency: { type: 'string' }, pairs: { type: 'string' } } });
const count = Number(values.count ?? 10_000);
const concurrency = Number(values.concurrency ?? 32);
const pairs = Number(values.pairs ?? 2);

/** One burst on a fresh data dir; `pluginsDir` null runs without plugins. */
async function burst(pluginsDir: string | null, run: number) {
  const dir = await prepareDataDir();
  const dbPath = join(dir.dataDir, 'turno.db');
  const server = await startServerProcess(dir.dataDir, { env: { TURNO_PLUGINS_DIR: pluginsDir ?? join(dir.dataDir, 'none') } });
  try {
    const hook = `${server.url}/webhooks/whatsapp`;
    await runLoadInChild({ url: hook, count: 300, concurrency, runId: `warm${run}` });
    await waitDrained(dbPath);
    const load = await runLoadInChild({ url: hook, count, concurrency, runId: `burst${run}` });
    const drainMs = (await waitDrained(dbPath)) - load.firstSentAt;
    return { ackPerSecond: load.perSecond, p99: load.p99, drainPerSecond: load.ok / (drainMs / 1000) };
  } finally {
    await server.stop();
    dir.remove();
  }
}

const m = machine();
const none: Awaited<ReturnType<typeof burst>>[] = [];
const withPlugins: typeof none = [];
for (let i = 0; i < pairs; i++) {
  none.push(await burst(null, i));
  withPlugins.push(await burst(join(import.meta.dir, 'plugins'), i));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ack = median(withPlugins.map((r) => r.ackPerSecond)) / median(none.map((r) => r.ackPerSecond));
const drain = median(withPlugins.map((r) => r.drainPerSecond)) / median(none.map((r) => r.drainPerSecond));
const rows = [
  ...none.map((r, i) => [`pair ${i + 1}`, 'no plugins', r.ackPerSecond, r.p99, r.drainPerSecond, '']),
  ...withPlugins.map((r, i) => [`pair ${i + 1}`, 'no-op + slow plugin', r.ackPerSecond, r.p99, r.drainPerSecond, '']),
  ['median ratio', 'plugins / none', `${(ack * 100).toFixed(1)} %`, '', `${(drain * 100).toFixed(1)} %`, `≥ 90 % ${mark(ack >= 0.9 && drain >= 0.9)}`],
];
report('plugins', 'Ingest with plugins loaded', m, ['run', 'server', 'ack msg/s', 'ack p99 ms', 'drain msg/s', 'target'], rows, { count, concurrency, pairs, none, withPlugins, ackRatio: ack, drainRatio: drain });
