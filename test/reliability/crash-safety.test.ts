/**
 * Crash safety against a real server process (`bun src/main.ts serve` on a temp data dir) killed
 * with SIGKILL and restarted on the same data dir and port:
 * - every webhook that got a 200 is applied exactly once (stored events are the durable queue);
 * - queued outbound messages reach the Graph simulator exactly once across restarts, except those
 *   whose send was in flight at a kill: at most twice (the documented guarantee);
 * - a crash while the Graph call is in flight: with a status webhook carrying
 *   biz_opaque_callback_data the message is reconciled without a second send; without one it is
 *   sent exactly once more after the reconcile window (TURNO_SEND_RECONCILE_MS, shortened here).
 */
import { afterEach, describe, expect, test } from 'bun:test';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { ACCESS_TOKEN, freePort, prepareDataDir, startServerProcess, type PreparedDataDir, type ServerProcess } from '../helpers/server-process';
import { APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../helpers/whatsapp';
import { inboundBody, LONG, postSigned, queryDb, queueOutbound, sendsById, waitUntil } from './helpers';

// Generous: a loaded CI machine drains the backlog slowly; the assertions, not the clock, decide.
const TIMEOUT = LONG ? 600_000 : 180_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serverOn(dir: PreparedDataDir, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess(dir.dataDir, { port, env });
  cleanups.push(() => server.kill());
  return server;
}

async function simulator(webhookUrl: string, opts: { statuses?: boolean } = {}): Promise<GraphSimulator> {
  const sim = await startGraphSimulator({
    appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: ACCESS_TOKEN, webhookUrl,
    webhookRetries: 12, statusDelays: opts.statuses === false ? false : { sent: 5, delivered: 10, read: 15 },
  });
  cleanups.push(() => sim.stop());
  return sim;
}

describe('crash safety (SIGKILL)', () => {
  test('every webhook answered 200 is applied exactly once across kills and restarts', async () => {
    const dir = await prepareDataDir();
    cleanups.push(() => dir.remove());
    const port = freePort();
    let server = await serverOn(dir, port);
    const url = server.url;
    const acked = new Set<string>();
    let next = 0;
    let flooding = true;
    const limit = LONG ? Infinity : 2500; // the short form keeps the backlog (and CI time) small
    const sender = async () => {
      while (flooding && next < limit) {
        const i = next++;
        const wamid = `wamid.crash.${i}`;
        const status = await postSigned(url, inboundBody(wamid, i));
        if (status === 200) acked.add(wamid);
        else await Bun.sleep(10);
        if (!LONG) await Bun.sleep(2);
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    for (let kill = 0; kill < (LONG ? 10 : 3); kill++) {
      await Bun.sleep(250 + Math.random() * 500);
      await server.kill();
      server = await serverOn(dir, port);
    }
    await Bun.sleep(300);
    flooding = false;
    await Promise.all(senders);
    // Meta retries: re-deliver some acknowledged webhooks; they must not create duplicates.
    const again = [...acked].slice(0, 50);
    for (const wamid of again) expect(await postSigned(url, inboundBody(wamid, Number(wamid.split('.').pop())))).toBe(200);

    await waitUntil(() => queryDb<{ n: number }>(dir.dataDir, "SELECT count(*) AS n FROM webhook_events WHERE status = 'received'")[0]!.n === 0, 'the ingest backlog to drain', 120_000);
    const rows = queryDb<{ id: string; n: number }>(dir.dataDir, "SELECT external_id AS id, count(*) AS n FROM messages WHERE external_id LIKE 'wamid.crash.%' GROUP BY external_id");
    const applied = new Map(rows.map((r) => [r.id, r.n]));
    expect(acked.size).toBeGreaterThan(50);
    expect([...acked].filter((w) => !applied.has(w))).toEqual([]);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(queryDb<{ n: number }>(dir.dataDir, "SELECT count(*) AS n FROM webhook_events WHERE status = 'failed'")[0]!.n).toBe(0);
  }, TIMEOUT);

  test('queued outbound messages reach the provider exactly once across kills (at most twice when in flight at a kill)', async () => {
    const port = freePort();
    const sim = await simulator(`http://127.0.0.1:${port}/webhooks/whatsapp`);
    // 20/s: the 120 sends span all the kills instead of finishing before the second one.
    const dir = await prepareDataDir({ graphUrl: sim.url, rateLimitPerSecond: 20 });
    cleanups.push(() => dir.remove());
    const ids = await queueOutbound(dir.dataDir, LONG ? 400 : 120);
    // Like the in-flight tests: the window must outlast a restart plus the simulator's status retries.
    const env = { TURNO_SEND_RECONCILE_MS: '6000' };
    let server = await serverOn(dir, port, env);
    // Attempted but no answer stored when the process died: the one case docs/whatsapp.md allows
    // a second send for (when no status webhook reconciles it in time, e.g. its retries all land
    // while the server is down again).
    const inFlight = new Set<string>();
    for (let kill = 0; kill < (LONG ? 8 : 3); kill++) {
      await Bun.sleep(300 + Math.random() * 400);
      await server.kill();
      const open = queryDb<{ id: string }>(dir.dataDir, "SELECT id FROM messages WHERE direction = 'outbound' AND send_attempted_at IS NOT NULL AND external_id IS NULL");
      for (const r of open) inFlight.add(r.id);
      server = await serverOn(dir, port, env);
    }
    const pending = () => queryDb<{ n: number }>(dir.dataDir, "SELECT count(*) AS n FROM messages WHERE direction = 'outbound' AND external_id IS NULL")[0]!.n;
    await waitUntil(() => pending() === 0, 'every queued message to be sent', 60_000);
    await sim.idle();
    const counts = sendsById(sim.sent);
    const allowed = (id: string) => (inFlight.has(id) ? [1, 2] : [1]);
    expect(ids.filter((id) => !allowed(id).includes(counts.get(id) ?? 0)).map((id) => ({ id, sends: counts.get(id) ?? 0, inFlight: inFlight.has(id) }))).toEqual([]);
    expect([...counts.keys()].filter((id) => !ids.includes(id))).toEqual([]);
  }, TIMEOUT);

  test('killed while the Graph call is in flight: a status with biz_opaque_callback_data reconciles without a second send', async () => {
    const port = freePort();
    const sim = await simulator(`http://127.0.0.1:${port}/webhooks/whatsapp`);
    sim.setFailure({ mode: 'slow', hangMs: 30_000, times: 1 });
    const dir = await prepareDataDir({ graphUrl: sim.url });
    cleanups.push(() => dir.remove());
    const [id] = await queueOutbound(dir.dataDir, 1);
    // The window must outlast the restart plus the provider's webhook retries (Meta: 2 min default).
    const env = { TURNO_SEND_RECONCILE_MS: '6000' };
    const server = await serverOn(dir, port, env);
    await waitUntil(() => sim.sent.length === 1, 'the send to reach the provider');
    await server.kill();
    const killedAt = Date.now();
    await serverOn(dir, port, env);
    await sim.idle();
    await waitUntil(() => queryDb<{ s: string }>(dir.dataDir, 'SELECT status AS s FROM messages WHERE id = ?', id!)[0]!.s === 'read', 'the statuses to be applied');
    await Bun.sleep(Math.max(0, killedAt + 7000 - Date.now())); // past the reconcile window: no resend may follow
    expect(sendsById(sim.sent).get(id!)).toBe(1);
    expect(queryDb<{ e: string }>(dir.dataDir, 'SELECT external_id AS e FROM messages WHERE id = ?', id!)[0]!.e).toBe(sim.sent[0]!.wamid);
  }, TIMEOUT);

  test('killed while the Graph call is in flight and no status ever comes: exactly one resend after the reconcile window', async () => {
    const port = freePort();
    const sim = await simulator(`http://127.0.0.1:${port}/webhooks/whatsapp`, { statuses: false });
    sim.setFailure({ mode: 'slow', hangMs: 30_000, times: 1 });
    const dir = await prepareDataDir({ graphUrl: sim.url });
    cleanups.push(() => dir.remove());
    const [id] = await queueOutbound(dir.dataDir, 1);
    const env = { TURNO_SEND_RECONCILE_MS: '1500' };
    const server = await serverOn(dir, port, env);
    await waitUntil(() => sim.sent.length === 1, 'the send to reach the provider');
    await server.kill();
    await serverOn(dir, port, env);
    await waitUntil(() => sim.sent.length === 2, 'the resend after the reconcile window', 20_000);
    await waitUntil(() => queryDb<{ e: string | null }>(dir.dataDir, 'SELECT external_id AS e FROM messages WHERE id = ?', id!)[0]!.e !== null, 'the resend to be stored');
    await Bun.sleep(2500);
    expect(sendsById(sim.sent).get(id!)).toBe(2);
    expect(queryDb<{ e: string }>(dir.dataDir, 'SELECT external_id AS e FROM messages WHERE id = ?', id!)[0]!.e).toBe(sim.sent[1]!.wamid);
  }, TIMEOUT);
});
