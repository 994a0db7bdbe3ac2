/**
 * Webhook load generator, run as its own process so the server under test does not share its
 * event loop: `bun bench/lib/loadgen.ts '<json LoadSpec>'`. Builds N signed WhatsApp text
 * webhooks up front (distinct wamids over `customers` senders), posts them to `url` on loopback,
 * either closed-loop (`concurrency` requests in flight) or open-loop at `rate` per second, and
 * prints one JSON line: counts, elapsed time and ack-latency percentiles.
 */
import { signBody } from '../../src/channels/whatsapp/signature';
import { APP_SECRET, messagesEnvelope, textMessage } from '../../test/helpers/whatsapp';
import { percentile } from './report';

export interface LoadSpec {
  url: string;
  count: number;
  concurrency: number;
  /** Open loop: requests per second (concurrency then caps the requests in flight). */
  rate?: number;
  customers?: number;
  /** Prefix of the wamids (so several runs against one database never collide). */
  runId: string;
  /** Skip signing (the bare ceiling server does not check). */
  unsigned?: boolean;
}

export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Open loop: the worst delay between a request's planned and actual start (generator lag). */
  maxLagMs: number;
  firstSentAt: number;
  lastAckAt: number;
}

function payloads(spec: LoadSpec): { body: string; signature: string }[] {
  const customers = spec.customers ?? 500;
  const out: { body: string; signature: string }[] = [];
  const ts = Math.floor(Date.now() / 1000);
  for (let i = 0; i < spec.count; i++) {
    const waId = `54911${String(10_000_000 + (i % customers)).padStart(8, '0')}`;
    const env = messagesEnvelope([textMessage(`wamid.${spec.runId}.${i}`, `Hola, ¿tienen stock del producto ${i}? Necesito saber el precio y el envío a Córdoba.`, ts)], { waId, name: `Cliente ${i % customers}` });
    const body = JSON.stringify(env);
    out.push({ body, signature: spec.unsigned ? '' : signBody(body, APP_SECRET) });
  }
  return out;
}

/** Runs the load and returns the figures. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const list = payloads(spec);
  const latencies = new Float64Array(list.length);
  const statuses: Record<string, number> = {};
  let next = 0;
  let ok = 0;
  let maxLag = 0;
  const started = performance.now();
  let lastAck = started;
  const interval = spec.rate ? 1000 / spec.rate : 0;
  const post = async (i: number) => {
    const p = list[i]!;
    const t0 = performance.now();
    let status = 'error';
    try {
      const res = await fetch(spec.url, { method: 'POST', body: p.body, headers: { 'content-type': 'application/json', ...(p.signature ? { 'x-hub-signature-256': p.signature } : {}) } });
      await res.arrayBuffer();
      status = String(res.status);
      if (res.status === 200) ok++;
    } catch {
      // counted as "error"
    }
    const t1 = performance.now();
    latencies[i] = t1 - t0;
    lastAck = Math.max(lastAck, t1);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= list.length) return;
      if (interval) {
        const due = started + i * interval;
        const wait = due - performance.now();
        if (wait > 1) await Bun.sleep(wait);
        maxLag = Math.max(maxLag, performance.now() - due);
      }
      await post(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, spec.concurrency) }, worker));
  const elapsedMs = performance.now() - started;
  const lat = Array.from(latencies);
  return {
    sent: list.length, ok, failed: list.length - ok, statuses, elapsedMs, perSecond: ok / (elapsedMs / 1000),
    p50: percentile(lat, 50), p90: percentile(lat, 90), p99: percentile(lat, 99), max: percentile(lat, 100), maxLagMs: maxLag,
    firstSentAt: performance.timeOrigin + started, lastAckAt: performance.timeOrigin + lastAck,
  };
}

/** Spawns this file as a separate process and returns its result. */
export async function runLoadInChild(spec: LoadSpec): Promise<LoadResult> {
  const proc = Bun.spawn([process.execPath, import.meta.path, JSON.stringify(spec)], { stdout: 'pipe', stderr: 'inherit' });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`load generator failed: ${out}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

if (import.meta.main) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  console.log(JSON.stringify(await runLoad(spec)));
}
