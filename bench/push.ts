/**
 * Figure (b) — push to screen. A real `turno serve` (separate process); this process opens
 * `--clients` WebSockets to /ws with session cookies (most agents in the channel's team, some
 * supervisors, some agents outside the team who must receive nothing), posts signed inbound
 * webhooks one after another and measures, for every client allowed to see the conversation,
 * the time from the webhook's 200 to the frame carrying that message.
 *
 *   bun bench/push.ts [--clients 500] [--messages 30] [--outsiders 50] [--supervisors 50]
 */
import { parseArgs } from 'node:util';
import { signBody } from '../src/channels/whatsapp/signature';
import { prepareDataDir, startServerProcess } from '../test/helpers/server-process';
import { APP_SECRET, messagesEnvelope, textMessage } from '../test/helpers/whatsapp';
import { machine, mark, percentile, report } from './lib/report';

const { values } = parseArgs({ options: { clients: { type: 'string' }, messages: { type: 'string' }, outsiders: { type: 'string' }, supervisors: { type: 'string' } } });
const clients = Number(values.clients ?? 500);
const messages = Number(values.messages ?? 30);
const outsiders = Number(values.outsiders ?? 50);
const supervisors = Number(values.supervisors ?? 50);
const m = machine();
const roles = [...Array(supervisors).fill('supervisor'), ...Array(clients - supervisors - outsiders).fill('agent')];
const dir = await prepareDataDir({ users: roles, outsiderAgents: outsiders });
const server = await startServerProcess(dir.dataDir, { bunArgs: process.env.BENCH_SERVER_BUN_ARGS?.split(' ').filter(Boolean) });
const sockets: WebSocket[] = [];
try {
  const rssIdle = server.rssMb();
  const arrivals = new Map<string, Map<number, number>>();
  const leaks: string[] = [];
  await Promise.all(dir.users.map((u, i) => new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: u.cookie } } as never);
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`socket ${i} failed`));
    ws.onmessage = (e) => {
      const at = performance.now();
      const text = String(e.data);
      for (const match of text.matchAll(/PUSH-(\d+)-END/g)) {
        const marker = match[1]!;
        if (u.outsider) leaks.push(`${u.user.email} got message ${marker}`);
        let seen = arrivals.get(marker);
        if (!seen) arrivals.set(marker, (seen = new Map()));
        if (!seen.has(i)) seen.set(i, at);
      }
    };
    sockets.push(ws);
  })));
  // Joining tabs fan out presence to every other tab; wait until the server answers promptly again.
  const settleStarted = performance.now();
  for (let quick = 0; quick < 5 && performance.now() - settleStarted < 60_000;) {
    const t0 = performance.now();
    await fetch(`${server.url}/healthz`);
    quick = performance.now() - t0 < 10 ? quick + 1 : 0;
    await Bun.sleep(100);
  }
  const settleMs = performance.now() - settleStarted;
  const rssSockets = server.rssMb();
  const allowed = dir.users.filter((u) => !u.outsider).length;
  const latencies: number[] = [];
  const fromSend: number[] = [];
  const acks: number[] = [];
  let incomplete = 0;
  const ts = Math.floor(Date.now() / 1000);
  for (let k = 0; k < messages; k++) {
    const body = JSON.stringify(messagesEnvelope([textMessage(`wamid.push.${k}`, `Consulta PUSH-${k}-END`, ts + k)], { waId: `54911${String(20_000_000 + (k % 7)).padStart(8, '0')}` }));
    const sentAt = performance.now();
    const res = await fetch(`${server.url}/webhooks/whatsapp`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) } });
    const ackAt = performance.now();
    acks.push(ackAt - sentAt);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    const deadline = ackAt + 5000;
    while ((arrivals.get(String(k))?.size ?? 0) < allowed && performance.now() < deadline) await Bun.sleep(1);
    const seen = arrivals.get(String(k)) ?? new Map();
    if (seen.size < allowed) incomplete++;
    for (const at of seen.values()) {
      latencies.push(at - ackAt);
      fromSend.push(at - sentAt);
    }
    await Bun.sleep(100);
  }
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const rows = [[clients, allowed, messages, latencies.length, p50, p99, percentile(latencies, 100), percentile(fromSend, 99), leaks.length, `p99 < 100 ms ${mark(p99 < 100)}`]];
  report('push', 'Push to screen (figure b)', m, ['sockets', 'allowed', 'messages', 'deliveries', 'ack→frame p50 ms', 'ack→frame p99 ms', 'max ms', 'send→frame p99 ms', 'frames to outsiders', 'target'], rows, {
    ack: { p50: percentile(acks, 50), p99: percentile(acks, 99) },
    fromSend: { p50: percentile(fromSend, 50), p99: percentile(fromSend, 99) },
    settleMs, clients, allowed, outsiders, supervisors, messages, p50, p99, max: percentile(latencies, 100), deliveries: latencies.length, incompleteMessages: incomplete, leaks: leaks.slice(0, 10), rssIdleMb: rssIdle, rssWithSocketsMb: rssSockets,
  });
  if (leaks.length) console.error(`LEAK: ${leaks.length} frames reached agents outside the channel's team`);
} finally {
  for (const ws of sockets) ws.close();
  await server.stop();
  dir.remove();
}
