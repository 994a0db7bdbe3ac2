/**
 * Figure — reports at scale. Seeds a data dir with `turno seed` (default 100 k conversations,
 * 1 M messages over 90 days, realistic reply and resolution times), times `turno reports rebuild`
 * (rollups from the raw timeline), then measures server time (in-process, `app.http.handle`) of a
 * 90-day report as a supervisor: `GET /api/v1/reports/summary`, the agents table as CSV, and the
 * `/reports` page (which also builds the previous 90 days for the comparison). Last, the cost of
 * a report right after one new message (one conversation refreshed before reading).
 *
 *   bun bench/reports.ts [--conversations 100000] [--messages 1000000] [--agents 50] [--iterations 30] [--data DIR (reuse a seeded dir)]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { createSession } from '../src/core/auth';
import { rebuildReportRollups } from '../src/core/reports/rollups';
import { localParts } from '../src/core/routing/business-hours';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/lib/logger';
import { machine, mark, percentile, report } from './lib/report';
import { seededDataDir } from './lib/seeded';

const { values } = parseArgs({ options: { conversations: { type: 'string' }, messages: { type: 'string' }, agents: { type: 'string' }, iterations: { type: 'string' }, data: { type: 'string' } } });
const iterations = Number(values.iterations ?? 30);
const m = machine();
const { dataDir, seedLine } = seededDataDir(values, 'turno-reports-');

const config = loadConfig({ TURNO_LOG_LEVEL: 'error' }, { dataDir });
const app = createApp(config, { startWorkers: false, logger: createLogger('error') });
const sqlite = app.core.db.$client;
const totals = sqlite.query<{ c: number; m: number }, []>('SELECT (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM messages) AS m').get()!;
const t0 = performance.now();
const rebuilt = rebuildReportRollups(app.core);
const rebuildSeconds = (performance.now() - t0) / 1000;
console.log(`reports rebuild: ${rebuilt} conversations in ${rebuildSeconds.toFixed(1)} s`);

sqlite.query("UPDATE users SET role = 'supervisor' WHERE id = (SELECT id FROM users WHERE role = 'agent' ORDER BY created_at DESC LIMIT 1)").run();
const supId = sqlite.query<{ id: string }, []>("SELECT id FROM users WHERE role IN ('supervisor','admin') LIMIT 1").get()!.id;
const cookie = `turno_session=${createSession(app.core, supId).token}`;
const today = localParts(Date.now(), 'UTC').date;
const from = new Date(Date.now() - 89 * 86400_000).toISOString().slice(0, 10);
const range = `from=${from}&to=${today}`;

async function time(path: string, before?: () => void): Promise<{ p50: number; p95: number; status: number }> {
  const samples: number[] = [];
  let status = 0;
  for (let i = 0; i < iterations + 2; i++) {
    before?.();
    const t = performance.now();
    const res = await app.http.handle(new Request(`http://localhost${path}`, { headers: { cookie } }));
    await res.arrayBuffer();
    if (i >= 2) samples.push(performance.now() - t);
    status = res.status;
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), status };
}

/** A new message in one conversation (marks it dirty, like any change). */
const conversation = sqlite.query<{ id: string; channel_id: string }, []>('SELECT id, channel_id FROM conversations ORDER BY last_message_at DESC LIMIT 1').get()!;
let extra = 0;
const touch = () => {
  sqlite.query(`INSERT INTO messages (id, conversation_id, channel_id, direction, sender_type, type, content, status, sent_at, created_at, updated_at)
    VALUES (?, ?, ?, 'inbound', 'contact', 'text', 'bench', 'received', ?, ?, ?)`).run(`bench-${extra++}`, conversation.id, conversation.channel_id, Date.now(), Date.now(), Date.now());
};

const targets: { name: string; path: string; before?: () => void; target: number }[] = [
  { name: 'GET /api/v1/reports/summary (90 days)', path: `/api/v1/reports/summary?${range}`, target: 300 },
  { name: 'GET /api/v1/reports/agents?format=csv (90 days)', path: `/api/v1/reports/agents?${range}&format=csv`, target: 300 },
  { name: '/reports page (90 days + previous 90 for comparison)', path: `/reports?${range}&compare=1`, target: 600 },
  { name: 'summary right after a new message (1 conversation refreshed)', path: `/api/v1/reports/summary?${range}`, before: touch, target: 300 },
];
const rows: (string | number)[][] = [];
const results: Record<string, unknown>[] = [];
try {
  for (const t of targets) {
    const r = await time(t.path, t.before);
    rows.push([t.name, r.status, r.p50, r.p95, `p95 < ${t.target} ms ${mark(r.p95 < t.target)}`]);
    results.push({ name: t.name, ...r, target: t.target });
  }
  rows.push(['turno reports rebuild (all conversations)', '', rebuildSeconds * 1000, '', '']);
  report('reports', `Reports at scale: ${totals.c} conversations, ${totals.m} messages`, m, ['request', 'status', 'p50 ms', 'p95 ms', 'target'], rows, { seed: seedLine, totals, iterations, rebuildSeconds, results });
} finally {
  await app.stop();
  if (!values.data) rmSync(dataDir, { recursive: true, force: true });
}
