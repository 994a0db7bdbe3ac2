/**
 * Hostile and broken webhook input against a real server process: unsigned and badly signed
 * bodies (401), oversized bodies refused before they are read (413, declared or chunked, status
 * read off a raw socket), wrong-typed fields inside messages next to a good one that is applied,
 * signed bodies that cannot be applied (200 and kept as `failed` for replay: malformed,
 * truncated, 10k-deep nesting, wrong types), unknown message types stored as placeholders, a
 * client trickling its body byte by byte not holding up others — and the server still serving.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { prepareDataDir, startServerProcess, type PreparedDataDir, type ServerProcess } from '../helpers/server-process';
import { messagesEnvelope } from '../helpers/whatsapp';
import { inboundBody, postSigned, queryDb, waitUntil } from './helpers';

const MAX = 64 * 1024;
let dir: PreparedDataDir;
let server: ServerProcess;

beforeAll(async () => {
  dir = await prepareDataDir();
  server = await startServerProcess(dir.dataDir, { env: { TURNO_WEBHOOK_MAX_BYTES: String(MAX) } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  dir?.remove();
});

/** Sends raw bytes over TCP and resolves with the first response line once one arrives. */
async function rawRequest(head: string, opts: { body?: Uint8Array; trickle?: { bytes: number; everyMs: number; stop: () => boolean } } = {}): Promise<{ statusLine: string; bytesSent: number }> {
  let response = '';
  let bytesSent = 0;
  let resolveLine!: (line: string) => void;
  const line = new Promise<string>((r) => (resolveLine = r));
  const socket = await Bun.connect({
    hostname: '127.0.0.1', port: server.port,
    socket: {
      data(_s, chunk) {
        response += new TextDecoder().decode(chunk);
        if (response.includes('\r\n')) resolveLine(response.split('\r\n')[0]!);
      },
      close() { resolveLine(response.split('\r\n')[0] ?? ''); },
      error() { resolveLine(''); },
    },
  });
  socket.write(head);
  if (opts.body) bytesSent += socket.write(opts.body);
  if (opts.trickle) {
    const { bytes, everyMs, stop } = opts.trickle;
    void (async () => {
      for (let i = 0; i < bytes && !stop(); i++) {
        bytesSent += socket.write('x');
        await Bun.sleep(everyMs);
      }
    })();
  }
  const stopped = (async () => {
    while (!opts.trickle?.stop()) await Bun.sleep(20);
    return 'stopped by the test';
  })();
  const statusLine = await Promise.race([line, Bun.sleep(10_000).then(() => 'no answer'), ...(opts.trickle ? [stopped] : [])]);
  socket.end();
  return { statusLine, bytesSent };
}

const eventStatus = (needle: string) => queryDb<{ status: string }>(dir.dataDir, 'SELECT status FROM webhook_events WHERE instr(body, ?) > 0', needle).map((r) => r.status);

describe('bad webhook input (real server)', () => {
  test('unsigned, wrongly signed and malformed signatures are refused with 401 and not stored', async () => {
    const body = inboundBody('wamid.unsigned.1', 1);
    const post = (headers: Record<string, string>) => fetch(`${server.url}/webhooks/whatsapp`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }).then((r) => r.status);
    expect(await post({})).toBe(401);
    expect(await post({ 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) })).toBe(401);
    expect(await post({ 'x-hub-signature-256': 'sha1=abc' })).toBe(401);
    expect(await post({ 'x-hub-signature-256': 'sha256=zz' })).toBe(401);
    expect(await postSigned(server.url, body, 'some-other-app-secret')).toBe(401);
    expect(eventStatus('wamid.unsigned.1')).toEqual([]);
  });

  test('a declared oversized body is refused with 413 before the body is sent', async () => {
    const { statusLine, bytesSent } = await rawRequest(`POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`);
    expect(statusLine).toContain('413');
    expect(bytesSent).toBe(0);
  });

  test('a chunked body growing past the limit is answered 413 without reading it all', async () => {
    // Over a raw socket: fetch may reject once the server answers and closes mid-upload, hiding the status.
    let response = '';
    const socket = await Bun.connect({
      hostname: '127.0.0.1', port: server.port,
      socket: { data(_s, chunk) { response += new TextDecoder().decode(chunk); } },
    });
    socket.write(`POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Hub-Signature-256: sha256=${'0'.repeat(64)}\r\n\r\n`);
    const chunk = `4000\r\n${'A'.repeat(16 * 1024)}\r\n`;
    let pushed = 0;
    while (!response.includes('\r\n') && pushed < 50 * MAX) {
      socket.write(chunk);
      pushed += 16 * 1024;
      await Bun.sleep(1);
    }
    await waitUntil(() => response.includes('\r\n'), 'the answer to the chunked upload', 10_000);
    socket.end();
    expect(response.split('\r\n')[0]).toContain('413');
    expect(pushed).toBeLessThan(50 * MAX);
  });

  test('signed bodies that cannot be applied are answered 200 and kept as failed for replay', async () => {
    const nested = '['.repeat(10_000) + ']'.repeat(10_000);
    const corpus: Record<string, string> = {
      malformed: '{"object":"whatsapp_business_account", "entry": [ MALFORMED-1',
      truncated: inboundBody('wamid.truncated.1', 1).slice(0, 120) + '"TRUNCATED-1',
      nested: `{"object":"whatsapp_business_account","entry":${nested},"marker":"NESTED-1"}`,
      wrongType: JSON.stringify({ object: 'whatsapp_business_account', entry: 'WRONGTYPE-1' }),
      wrongObject: JSON.stringify({ object: 'instagram', marker: 'WRONGOBJECT-1' }),
      notObject: JSON.stringify(['NOTOBJECT-1']),
    };
    for (const [name, body] of Object.entries(corpus)) expect([name, await postSigned(server.url, body)]).toEqual([name, 200]);
    for (const needle of ['MALFORMED-1', 'TRUNCATED-1', 'NESTED-1', 'WRONGTYPE-1', 'NOTOBJECT-1']) {
      await waitUntil(() => eventStatus(needle).length === 1 && eventStatus(needle)[0] !== 'received', `${needle} to be processed`);
      expect([needle, eventStatus(needle)]).toEqual([needle, ['failed']]);
    }
    await waitUntil(() => !eventStatus('WRONGOBJECT-1').includes('received'), 'the foreign object to be processed');
    expect(eventStatus('WRONGOBJECT-1')).toHaveLength(1);
  });

  test('wrong types inside messages: the good message of a mixed batch is applied, the event does not stick, later webhooks flow', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify(messagesEnvelope([
      { id: 'wamid.mixed.body-number', timestamp: ts, type: 'text', text: { body: 12345 } },
      { id: 'wamid.mixed.ts-object', timestamp: { seconds: ts }, type: 'text', text: { body: 'MIXED-TS' } },
      { id: 'wamid.mixed.good', timestamp: ts, type: 'text', text: { body: 'MIXED-GOOD' } },
      { id: 42, timestamp: ts, type: 'text', text: { body: 'MIXED-ID-NUMBER' } },
      { id: 'wamid.mixed.text-string', timestamp: ts, type: 'text', text: 'MIXED-TEXT-STRING' },
      { id: 'wamid.mixed.type-number', timestamp: ts, type: 7 },
      ...([null, 'MIXED-NOT-AN-OBJECT'] as unknown as Record<string, unknown>[]), // not even objects
    ]));
    expect(await postSigned(server.url, body)).toBe(200);
    await waitUntil(() => !eventStatus('MIXED-GOOD').includes('received'), 'the mixed batch to be processed');
    // Applied in part and kept for an admin: the unreadable items are not dropped silently.
    expect(eventStatus('MIXED-GOOD')).toEqual(['partial']);
    const stored = new Map(queryDb<{ id: string; content: string | null }>(dir.dataDir, "SELECT external_id AS id, content FROM messages WHERE external_id LIKE 'wamid.mixed.%'").map((r) => [r.id, r.content]));
    expect(stored.get('wamid.mixed.good')).toBe('MIXED-GOOD');
    expect(stored.get('wamid.mixed.body-number')).toBe('12345'); // a number where text is expected is kept as its text
    expect(await postSigned(server.url, inboundBody('wamid.after-mixed.1', 1))).toBe(200);
    await waitUntil(() => queryDb(dir.dataDir, "SELECT 1 FROM messages WHERE external_id = 'wamid.after-mixed.1'").length === 1, 'the next webhook to be applied');
  });

  test('an unknown message type is stored as a placeholder, never dropped', async () => {
    const body = JSON.stringify(messagesEnvelope([{ id: 'wamid.future.1', timestamp: String(Math.floor(Date.now() / 1000)), type: 'hologram', hologram: { id: 'h1' } }]));
    expect(await postSigned(server.url, body)).toBe(200);
    await waitUntil(() => queryDb(dir.dataDir, "SELECT 1 FROM messages WHERE external_id = 'wamid.future.1'").length === 1, 'the placeholder message');
    const [row] = queryDb<{ raw: string | null }>(dir.dataDir, "SELECT raw FROM messages WHERE external_id = 'wamid.future.1'");
    expect(row!.raw).toContain('hologram');
  });

  test('a client trickling its body byte by byte does not hold up other webhooks', async () => {
    let othersDone = false;
    const trickle = rawRequest(`POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2000\r\nX-Hub-Signature-256: sha256=${'0'.repeat(64)}\r\n\r\n`,
      { trickle: { bytes: 2000, everyMs: 20, stop: () => othersDone } });
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => postSigned(server.url, inboundBody(`wamid.during-trickle.${i}`, i))));
    const trickleStillOpen = await Promise.race([trickle.then(() => false), Bun.sleep(0).then(() => true)]);
    othersDone = true;
    expect(statuses).toEqual(Array(20).fill(200));
    expect(trickleStillOpen).toBe(true);
    expect((await trickle).statusLine).toBe('stopped by the test');
  }, 30_000);

  test('after all of this the server is up and applies a normal webhook', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await postSigned(server.url, inboundBody('wamid.after-abuse.1', 1))).toBe(200);
    await waitUntil(() => queryDb(dir.dataDir, "SELECT 1 FROM messages WHERE external_id = 'wamid.after-abuse.1'").length === 1, 'the normal webhook to be applied');
    expect(server.proc.exitCode).toBeNull();
  });
});
