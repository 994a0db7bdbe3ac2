/**
 * Figure (d) — footprint. RSS of a real `turno serve` (no model) idle, under ingest load (a
 * separate load-generator process) and with 500 WebSockets open; and the compiled binary's cold
 * start (`npm run build` → dist/turno) to the first `/readyz` 200, over several starts.
 *
 *   bun bench/footprint.ts [--sockets 500] [--starts 5] [--skip-build]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDataDir, ROOT, startServerProcess } from '../test/helpers/server-process';
import { runLoadInChild } from './lib/loadgen';
import { machine, mark, percentile, report } from './lib/report';

const { values } = parseArgs({ options: { sockets: { type: 'string' }, starts: { type: 'string' }, 'skip-build': { type: 'boolean' } } });
const socketCount = Number(values.sockets ?? 500);
const starts = Number(values.starts ?? 5);
const m = machine();
const binary = join(ROOT, 'dist/turno');
if (!values['skip-build'] || !existsSync(binary)) {
  const build = Bun.spawnSync([process.execPath, join(ROOT, 'scripts/build.ts')], { cwd: ROOT, stdout: 'ignore', stderr: 'inherit' });
  if (build.exitCode !== 0) throw new Error('npm run build failed');
}

const dir = await prepareDataDir({ users: Array(socketCount).fill('agent') });
const rows: (string | number)[][] = [];
const data: Record<string, unknown> = {};
try {
  const coldStarts: number[] = [];
  let binaryIdle: number | null = null;
  for (let i = 0; i < starts; i++) {
    const s = await startServerProcess(dir.dataDir, { binary });
    coldStarts.push(s.startupMs);
    if (i === starts - 1) {
      await Bun.sleep(2000);
      binaryIdle = s.rssMb();
    }
    await s.stop();
  }
  const server = await startServerProcess(dir.dataDir, { binary });
  try {
    await Bun.sleep(2000);
    const idle = server.rssMb();
    const load = runLoadInChild({ url: `${server.url}/webhooks/whatsapp`, count: 20_000, concurrency: 32, runId: 'fp' });
    let peak = 0;
    let done = false;
    void load.finally(() => (done = true));
    while (!done) {
      peak = Math.max(peak, server.rssMb() ?? 0);
      await Bun.sleep(100);
    }
    const sockets: WebSocket[] = [];
    await Promise.all(dir.users.map((u) => new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: u.cookie } } as never);
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error('socket failed'));
      sockets.push(ws);
    })));
    await Bun.sleep(3000);
    const withSockets = server.rssMb();
    for (const ws of sockets) ws.close();
    const p50 = percentile(coldStarts, 50);
    rows.push(['RSS idle (binary, no model)', `${idle?.toFixed(1)} MB`, `< 120 MB ${mark((idle ?? Infinity) < 120)}`]);
    rows.push(['RSS peak under ingest load (20k webhooks, 32 in flight)', `${peak.toFixed(1)} MB`, '']);
    rows.push([`RSS with ${socketCount} WebSockets`, `${withSockets?.toFixed(1)} MB`, '']);
    rows.push([`cold start dist/turno → /readyz 200 (p50 of ${starts})`, `${p50.toFixed(0)} ms (max ${percentile(coldStarts, 100).toFixed(0)})`, `< 1 s ${mark(p50 < 1000)}`]);
    Object.assign(data, { idleMb: idle, binaryIdleMb: binaryIdle, peakUnderLoadMb: peak, withSocketsMb: withSockets, sockets: socketCount, coldStartsMs: coldStarts, coldStartP50Ms: p50, load: await load });
  } finally {
    await server.stop();
  }
  report('footprint', 'Footprint (figure d)', m, ['figure', 'result', 'target'], rows, data);
} finally {
  dir.remove();
}
