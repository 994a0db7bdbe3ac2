/**
 * Shared pieces of the reliability tests: short/long form switch, signed webhook posting to a
 * real server, read-only database queries against a server's data dir, polling, and queueing
 * outbound messages in a data dir before the server starts.
 */
import { Database } from 'bun:sqlite';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { signBody } from '../../src/channels/whatsapp/signature';
import { sendMessage } from '../../src/core/messages';
import { loadConfig } from '../../src/config';
import { recordingLogger } from '../helpers/handler-failures';
import { APP_SECRET, messagesEnvelope, textMessage } from '../helpers/whatsapp';

/** `TURNO_RELIABILITY_LONG=1` runs the long form (more kills, more traffic). */
export const LONG = process.env.TURNO_RELIABILITY_LONG === '1';

/** Posts a signed webhook body to a real server; resolves with the status (0 when unreachable). */
export async function postSigned(url: string, body: string, secret = APP_SECRET): Promise<number> {
  try {
    const res = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) } });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** A signed-able inbound text webhook body for `wamid` from one of a few customers. */
export function inboundBody(wamid: string, i: number, text = `mensaje ${i}`): string {
  return JSON.stringify(messagesEnvelope([textMessage(wamid, text, Math.floor(Date.now() / 1000))], { waId: `54911${String(30_000_000 + (i % 13)).padStart(8, '0')}` }));
}

/** Runs `sql` read-only against the server's database (WAL: safe while it runs). */
export function queryDb<T>(dataDir: string, sql: string, ...params: (string | number)[]): T[] {
  const db = new Database(join(dataDir, 'turno.db'), { readonly: true });
  try {
    return db.query<T, (string | number)[]>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** Polls `check` every 50 ms until it returns true; throws with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(50);
  }
}

/**
 * In `dataDir` (server not running): receives one inbound message (opening the 24-h window) and
 * queues `count` outbound replies through `sendMessage`. Returns the queued message ids.
 */
export async function queueOutbound(dataDir: string, count: number): Promise<string[]> {
  const app = createApp(loadConfig({ TURNO_LOG_LEVEL: 'silent' }, { dataDir }), { startWorkers: false, logger: recordingLogger() });
  try {
    const body = inboundBody(`wamid.opener.${Date.now()}`, 0, 'hola');
    const res = await app.http.handle(new Request('http://localhost/webhooks/whatsapp', { method: 'POST', body, headers: { 'x-hub-signature-256': signBody(body, APP_SECRET) } }));
    if (res.status !== 200) throw new Error(`opener webhook answered ${res.status}`);
    app.ingest.processPending();
    await app.core.bus.drain();
    const conversation = app.core.db.$client.query<{ id: string }, []>('SELECT id FROM conversations ORDER BY created_at DESC LIMIT 1').get()!;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(sendMessage(app.core, conversation.id, { type: 'system', name: 'reliability-test' }, { content: `respuesta ${i}` }).id);
    await app.core.bus.drain();
    return ids;
  } finally {
    await app.stop();
  }
}

/** How many times the simulator received each of our message ids (biz_opaque_callback_data). */
export function sendsById(sent: { body: Record<string, unknown> }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sent) {
    const id = String(s.body.biz_opaque_callback_data ?? '');
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
