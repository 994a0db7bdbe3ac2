/**
 * Figure (e) — outbound. Queues N replies in a data dir, then runs a real `turno serve` against
 * the Graph simulator and measures sends per second through the durable queue, with the default
 * per-number limiter (80/s) and with the limit raised to 1,000/s (queue throughput).
 *
 *   bun bench/outbound.ts [--count 2000]
 */
import { parseArgs } from 'node:util';
import { startGraphSimulator } from '../src/simulator/graph-simulator';
import { ACCESS_TOKEN, freePort, prepareDataDir, startServerProcess } from '../test/helpers/server-process';
import { APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../test/helpers/whatsapp';
import { queueOutbound } from '../test/reliability/helpers';
import { machine, mark, report } from './lib/report';

const { values } = parseArgs({ options: { count: { type: 'string' } } });
const count = Number(values.count ?? 2000);
const m = machine();
const rows: (string | number)[][] = [];
const runs: Record<string, unknown>[] = [];
for (const limit of [80, 1000]) {
  const port = freePort();
  const sim = await startGraphSimulator({ appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: ACCESS_TOKEN, webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, statusDelays: false });
  const dir = await prepareDataDir({ graphUrl: sim.url, rateLimitPerSecond: limit });
  const n = limit === 80 ? Math.min(count, 800) : count;
  await queueOutbound(dir.dataDir, n);
  const server = await startServerProcess(dir.dataDir, { port });
  const started = performance.now();
  while (sim.sent.length < n && performance.now() - started < 300_000) await Bun.sleep(10);
  const seconds = (sim.sent.length ? sim.sent[sim.sent.length - 1]!.at - sim.sent[0]!.at : 0) / 1000 || (performance.now() - started) / 1000;
  const perSecond = (sim.sent.length - 1) / seconds;
  // The bucket starts full (one second's worth, refilling while it drains): the sustained rate is
  // taken over the second half of the sends, well after that burst.
  const afterBurst = sim.sent.slice(Math.floor(sim.sent.length / 2));
  const steady = (afterBurst.length - 1) / ((afterBurst[afterBurst.length - 1]!.at - afterBurst[0]!.at) / 1000);
  const unique = new Set(sim.sent.map((s) => String(s.body.biz_opaque_callback_data))).size;
  rows.push([`${limit}/s`, n, sim.sent.length, unique, perSecond, limit === 80 ? steady : '—', limit === 80 ? `sustained ≤ 80/s ${mark(steady <= 82)}` : 'queue throughput']);
  runs.push({ limit, queued: n, sent: sim.sent.length, unique, perSecond, steadyAfterBurst: limit === 80 ? steady : null, seconds });
  await server.stop();
  await sim.stop();
  dir.remove();
}
report('outbound', 'Outbound sends through the queue (figure e)', m, ['per-number limit', 'queued', 'sent', 'distinct messages', 'sends/s (all)', 'sends/s after the burst', 'note'], rows, { runs });
