/**
 * Figure (a) — webhook ingest. A separate load-generator process posts N signed WhatsApp webhooks
 * over loopback to a real `turno serve` (temp data dir, durable SQLite) and, in the same run, to a
 * bare Bun server that only reads the body (the ceiling). Then an open-loop run at 1,000 msg/s,
 * and the ingest drain: how long until every accepted webhook is applied as a message.
 *
 *   bun bench/ingest.ts [--count 20000] [--concurrency 32] [--rate 1000] [--seconds 10] [--binary dist/turno]
 */
import { Database } from 'bun:sqlite';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, prepareDataDir, startServerProcess } from '../test/helpers/server-process';
import { waitDrained } from './lib/drain';
import { runLoadInChild } from './lib/loadgen';
import { machine, mark, report } from './lib/report';

const { values } = parseArgs({ options: { count: { type: 'string' }, concurrency: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' }, binary: { type: 'string' } } });
const count = Number(values.count ?? 20_000);
const concurrency = Number(values.concurrency ?? 32);
const rate = Number(values.rate ?? 1000);
const seconds = Number(values.seconds ?? 10);

function query(dbPath: string, sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.query<{ n: number }, []>(sql).get()!.n;
  } finally {
    db.close();
  }
}

/** Starts the bare ceiling server in its own process. */
async function startCeiling(): Promise<{ url: string; stop(): void }> {
  const port = freePort();
  const proc = Bun.spawn([process.execPath, join(import.meta.dir, 'lib/ceiling-server.ts'), String(port)], { stdout: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  while (!(await fetch(url, { method: 'POST', body: 'x' }).then((r) => r.ok, () => false))) await Bun.sleep(10);
  return { url, stop: () => proc.kill() };
}

const m = machine();
const dir = await prepareDataDir();
const dbPath = join(dir.dataDir, 'turno.db');
const server = await startServerProcess(dir.dataDir, { binary: values.binary });
const ceiling = await startCeiling();
try {
  const hook = `${server.url}/webhooks/whatsapp`;
  await runLoadInChild({ url: hook, count: 500, concurrency, runId: 'warm' });
  await runLoadInChild({ url: ceiling.url, count: 500, concurrency, runId: 'warm' });
  await waitDrained(dbPath);

  const cpuBefore = server.cpuMs() ?? 0;
  const turno = await runLoadInChild({ url: hook, count, concurrency, runId: 'burst' });
  const burstCpuMs = (server.cpuMs() ?? 0) - cpuBefore;
  const drainedAt = await waitDrained(dbPath);
  const drainCpuMs = (server.cpuMs() ?? 0) - cpuBefore - burstCpuMs;
  const drainMs = drainedAt - turno.firstSentAt;
  const applied = query(dbPath, "SELECT count(*) AS n FROM messages WHERE direction = 'inbound' AND external_id LIKE 'wamid.burst.%'");
  const bare = await runLoadInChild({ url: ceiling.url, count, concurrency, runId: 'burst' });
  const steady = await runLoadInChild({ url: hook, count: rate * seconds, concurrency: 256, rate, runId: 'steady' });
  await waitDrained(dbPath);
  const ratio = turno.perSecond / bare.perSecond;

  const rows = [
    [`burst ${count}, ${concurrency} in flight`, 'turno serve', turno.perSecond, turno.p50, turno.p99, `≥ 3,000 msg/s ${mark(turno.perSecond >= 3000)}`],
    [`burst ${count}, ${concurrency} in flight`, 'bare Bun (ceiling)', bare.perSecond, bare.p50, bare.p99, ''],
    ['ratio turno / ceiling', '', `${(ratio * 100).toFixed(1)} %`, '', '', `≥ 40 % ${mark(ratio >= 0.4)}`],
    [`steady ${rate}/s for ${seconds} s`, 'turno serve', steady.perSecond, steady.p50, steady.p99, `p99 < 25 ms ${mark(steady.p99 < 25)}`],
    ['ingest drain (first send → all applied)', 'turno serve', applied / (drainMs / 1000), '', '', `${applied}/${turno.ok} applied in ${(drainMs / 1000).toFixed(1)} s`],
    ['server CPU per webhook (load-independent)', 'turno serve', '', '', '', `during burst ${(burstCpuMs / turno.ok).toFixed(3)} ms, whole apply ${((burstCpuMs + drainCpuMs) / applied).toFixed(2)} ms`],
  ];
  report('ingest', 'Webhook ingest (figure a)', m, ['run', 'server', 'msg/s', 'ack p50 ms', 'ack p99 ms', 'target'], rows, {
    count, concurrency, rate, seconds, binary: values.binary ?? null, turno, ceiling: bare, ratio, steady,
    drain: { ms: drainMs, applied, accepted: turno.ok, perSecond: applied / (drainMs / 1000) },
    cpu: { burstMs: burstCpuMs, drainMs: drainCpuMs, perAckDuringBurstMs: burstCpuMs / turno.ok, perAppliedMs: (burstCpuMs + drainCpuMs) / applied },
    rssAfterMb: server.rssMb(),
  });
} finally {
  ceiling.stop();
  await server.stop();
  dir.remove();
}
