/**
 * Figure (c) — pages at scale. Seeds a data dir with `turno seed` (default 100 k conversations,
 * 1 M messages, 50 agents; prints rows/s), then measures server time for the conversation list
 * (`/inbox` page, `/inbox/list` fragment, `GET /api/v1/conversations`, the `/inbox/counts` badge refresh), a thread (`/inbox/c/:id`,
 * `GET /api/v1/conversations/:id/messages`) and a search (`/inbox/search`), as an agent and as a
 * supervisor: in-process (`app.http.handle`, no network) and over loopback HTTP.
 *
 *   bun bench/pages.ts [--conversations 100000] [--messages 1000000] [--agents 50] [--iterations 200] [--data DIR (reuse a seeded dir)]
 */
import { Database } from 'bun:sqlite';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { createSession } from '../src/core/auth';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/lib/logger';
import { machine, mark, percentile, report } from './lib/report';
import { seededDataDir } from './lib/seeded';

const { values } = parseArgs({ options: { conversations: { type: 'string' }, messages: { type: 'string' }, agents: { type: 'string' }, iterations: { type: 'string' }, data: { type: 'string' } } });
const iterations = Number(values.iterations ?? 200);
const m = machine();
const { dataDir, seedLine } = seededDataDir(values, 'turno-pages-');

const raw = new Database(join(dataDir, 'turno.db'), { readonly: true });
const agent = raw.query<{ id: string }, []>("SELECT u.id FROM users u JOIN team_members tm ON tm.user_id = u.id WHERE u.role = 'agent' LIMIT 1").get()!;
const busiest = raw.query<{ id: string }, []>('SELECT id FROM conversations ORDER BY last_message_at DESC LIMIT 1').get()!;
const totals = raw.query<{ c: number; m: number }, []>('SELECT (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM messages) AS m').get()!;
raw.close();

const config = loadConfig({ TURNO_LOG_LEVEL: 'error' }, { dataDir });
const app = createApp(config, { startWorkers: false, logger: createLogger('error') });
const supervisor = app.core.db.$client.query<{ id: string }, []>("SELECT id FROM users WHERE role IN ('supervisor','admin') LIMIT 1").get();
const supId = supervisor?.id ?? (() => {
  app.core.db.$client.query("UPDATE users SET role = 'supervisor' WHERE id = (SELECT id FROM users WHERE role = 'agent' ORDER BY created_at DESC LIMIT 1)").run();
  return app.core.db.$client.query<{ id: string }, []>("SELECT id FROM users WHERE role = 'supervisor' LIMIT 1").get()!.id;
})();
const cookies = { agent: `turno_session=${createSession(app.core, agent.id).token}`, supervisor: `turno_session=${createSession(app.core, supId).token}` };
const port = app.listen(0);

const targets: { name: string; path: string; target: number }[] = [
  { name: 'list: /inbox (page)', path: '/inbox', target: 30 },
  { name: 'list: /inbox/list (fragment)', path: '/inbox/list', target: 30 },
  { name: 'list: GET /api/v1/conversations', path: '/api/v1/conversations', target: 30 },
  { name: 'list: /inbox/counts (live badge refresh)', path: '/inbox/counts', target: 30 },
  { name: 'thread: /inbox/c/:id', path: `/inbox/c/${busiest.id}`, target: 30 },
  { name: 'thread: GET /api/v1/conversations/:id/messages', path: `/api/v1/conversations/${busiest.id}/messages`, target: 30 },
  { name: 'search: /inbox/search?q=factura envío', path: `/inbox/search?q=${encodeURIComponent('factura envío')}`, target: 100 },
  { name: 'search: /inbox/search?q=Cliente 4711', path: `/inbox/search?q=${encodeURIComponent('Cliente 4711')}`, target: 100 },
];

async function time(role: 'agent' | 'supervisor', path: string, viaHttp: boolean): Promise<{ p50: number; p95: number; status: number }> {
  const samples: number[] = [];
  let status = 0;
  for (let i = 0; i < iterations + 5; i++) {
    const headers = { cookie: cookies[role] };
    const t0 = performance.now();
    const res = viaHttp ? await fetch(`http://127.0.0.1:${port}${path}`, { headers }) : await app.http.handle(new Request(`http://localhost${path}`, { headers }));
    await res.arrayBuffer();
    if (i >= 5) samples.push(performance.now() - t0);
    status = res.status;
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), status };
}

const rows: (string | number)[][] = [];
const results: Record<string, unknown>[] = [];
try {
  for (const t of targets) {
    for (const role of ['agent', 'supervisor'] as const) {
      const inProcess = await time(role, t.path, false);
      const http = await time(role, t.path, true);
      rows.push([t.name, role, inProcess.status, inProcess.p50, inProcess.p95, http.p50, http.p95, `p95 < ${t.target} ms ${mark(inProcess.p95 < t.target)}`]);
      results.push({ ...t, role, inProcess, http });
    }
  }
  report('pages', `Pages at scale (figure c): ${totals.c} conversations, ${totals.m} messages`, m,
    ['request', 'as', 'status', 'in-process p50 ms', 'in-process p95 ms', 'HTTP p50 ms', 'HTTP p95 ms', 'target'], rows, { seed: seedLine, totals, iterations, results });
} finally {
  await app.stop();
  if (!values.data) rmSync(dataDir, { recursive: true, force: true });
}
