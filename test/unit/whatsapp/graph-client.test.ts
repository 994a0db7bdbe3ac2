import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createGraphClient, type GraphClientConfig } from '../../../src/channels/whatsapp/graph-client';
import { GraphApiError } from '../../../src/channels/whatsapp/graph-error';
import { sha256Matches } from '../../../src/channels/whatsapp/media-bytes';
import { buildMedia, buildTemplate, buildText } from '../../../src/channels/whatsapp/outbound';
import { checkDownloadUrl, isPrivateAddress } from '../../../src/channels/whatsapp/url-guard';
import { type GraphSimulator, startGraphSimulator } from '../../../src/simulator/graph-simulator';

const IDS = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAG-test-token' };
let sim: GraphSimulator;
let cfg: GraphClientConfig;

beforeAll(async () => {
  sim = await startGraphSimulator({ ...IDS, appSecret: 'secret', statusDelays: false, templatePageSize: 4 });
  cfg = { ...IDS, graphUrl: sim.url, version: 'v23.0', timeoutMs: 2_000 };
});
afterAll(() => sim.stop());

async function caught(p: Promise<unknown>): Promise<GraphApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GraphApiError);
    return e as GraphApiError;
  }
  throw new Error('expected a GraphApiError');
}

describe('graph client against the simulator', () => {
  test('sendMessage returns the wamid and wa_id; the simulator records the body', async () => {
    const client = createGraphClient(cfg);
    const body = buildText('5511987654321', 'Olá!');
    const r = await client.sendMessage(body);
    expect(r.wamid).toStartWith('wamid.');
    expect(r.waId).toBe('5511987654321');
    expect(sim.sent.at(-1)).toMatchObject({ wamid: r.wamid, body });
  });

  test('template sends are validated like Meta (unknown template → 132001, param count → 132000)', async () => {
    const client = createGraphClient(cfg);
    expect((await client.sendMessage(buildTemplate('5511987654321', { name: 'reengage_customer', language: 'pt_BR', body: ['João'] }))).wamid).toStartWith('wamid.');
    expect((await caught(client.sendMessage(buildTemplate('5511987654321', { name: 'nope', language: 'es' })))).code).toBe(132001);
    expect((await caught(client.sendMessage(buildTemplate('5511987654321', { name: 'reengage_customer', language: 'es' })))).code).toBe(132000);
  });

  test('markRead answers success', async () => {
    await createGraphClient(cfg).markRead('wamid.ABC', { typing: true });
    expect(sim.reads.at(-1)).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.ABC', typing_indicator: { type: 'text' } });
  });

  test('upload → media info → download round trip (sha256 verified)', async () => {
    const client = createGraphClient(cfg);
    const bytes = new TextEncoder().encode('%PDF-1.4 fake invoice');
    const id = await client.uploadMedia(bytes, 'application/pdf', 'factura.pdf');
    expect(sim.uploads.at(-1)).toMatchObject({ id, mimeType: 'application/pdf', filename: 'factura.pdf' });
    await client.sendMessage(buildMedia('5511987654321', 'document', { id }, { filename: 'factura.pdf' }));
    const info = await client.getMediaInfo(id);
    expect(info).toMatchObject({ id, mime_type: 'application/pdf', file_size: bytes.byteLength });
    expect(new URL(info.url).host).toBe(new URL(sim.url).host);
    const d = await client.downloadMedia(info.url, { expectedSha256: info.sha256 });
    expect(Buffer.from(d.bytes).toString()).toBe('%PDF-1.4 fake invoice');
    expect(d.sha256).toBe(info.sha256);
  });

  test('download needs the bearer; expired URLs are media_expired; sha mismatch is detected', async () => {
    const client = createGraphClient(cfg);
    const good = sim.addMedia(new Uint8Array([1, 2, 3]), 'image/jpeg');
    const info = await client.getMediaInfo(good.id);
    expect((await fetch(info.url)).status).toBe(401);
    sim.expireMedia(good.id);
    const expired = await caught(client.downloadMedia(info.url));
    expect(expired).toMatchObject({ kind: 'media_expired', httpStatus: 404, retryable: true });

    const bad = sim.addMedia(new Uint8Array([4, 5, 6]), 'image/jpeg', { wrongSha: true });
    const badInfo = await client.getMediaInfo(bad.id);
    const d = await client.downloadMedia(badInfo.url);
    expect(sha256Matches(d.bytes, badInfo.sha256)).toBe(false);
    expect(sha256Matches(d.bytes, d.sha256)).toBe(true);
    expect((await caught(client.downloadMedia(badInfo.url, { expectedSha256: badInfo.sha256 }))).kind).toBe('integrity');
  });

  test('download enforces the size cap', async () => {
    const m = sim.addMedia(new Uint8Array(4096), 'video/mp4');
    const client = createGraphClient({ ...cfg, maxDownloadBytes: 1024 });
    const info = await client.getMediaInfo(m.id);
    expect((await caught(client.downloadMedia(info.url))).kind).toBe('too_large');
  });

  test('SSRF guard refuses private/loopback hosts other than the Graph host', async () => {
    const client = createGraphClient({ ...cfg, resolveHost: async () => ['10.1.2.3'] });
    for (const url of ['http://127.0.0.2:8080/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'file:///etc/passwd', 'http://internal.corp/x']) {
      expect((await caught(client.downloadMedia(url))).kind).toBe('blocked_url');
    }
    expect(await checkDownloadUrl('https://lookaside.fbsbx.com/x', 'graph.facebook.com', async () => ['157.240.1.1'])).toBeNull();
    expect(isPrivateAddress('192.168.1.1')).toBe(true);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
  });

  test('listTemplates follows paging.next across pages', async () => {
    const all = await createGraphClient(cfg).listTemplates({ pageSize: 3 });
    expect(sim.templates.list().length).toBeGreaterThan(6);
    expect(all.map((t) => `${t.name}/${t.language}`)).toEqual(sim.templates.list().map((t) => `${t.name}/${t.language}`));
  });

  test('getPhoneNumber (connection test)', async () => {
    expect(await createGraphClient(cfg).getPhoneNumber()).toMatchObject({ display_phone_number: '15550783881', quality_rating: 'GREEN', verified_name: expect.any(String) });
  });

  test('token mismatch → 190 / HTTP 401 → reauthorize', async () => {
    const e = await caught(createGraphClient({ ...cfg, accessToken: 'wrong' }).sendMessage(buildText('5511987654321', 'x')));
    expect(e).toMatchObject({ kind: 'graph', httpStatus: 401, code: 190, action: 'reauthorize', retryable: false });
    expect(e.fbtraceId).not.toBe('');
  });

  test('injected Graph errors carry code, details and policy', async () => {
    const client = createGraphClient(cfg);
    sim.setFailure({ code: 131047 });
    expect(await caught(client.sendMessage(buildText('5511987654321', 'x')))).toMatchObject({ code: 131047, action: 'fail', details: expect.stringContaining('24 hours') });
    sim.setFailure({ code: 130429 });
    expect(await caught(client.sendMessage(buildText('5511987654321', 'x')))).toMatchObject({ code: 130429, retryable: true });
    sim.setFailure({ code: 368 });
    expect((await caught(client.sendMessage(buildText('5511987654321', 'x')))).action).toBe('pause');
    expect((await client.sendMessage(buildText('5511987654321', 'ok'))).wamid).toStartWith('wamid.');
  });

  test('5xx without a Graph body is retryable', async () => {
    sim.setFailure({ mode: 'http', httpStatus: 503 });
    expect(await caught(createGraphClient(cfg).sendMessage(buildText('5511987654321', 'x')))).toMatchObject({ kind: 'http', httpStatus: 503, retryable: true });
  });

  test('time-out and connection reset are typed and retryable', async () => {
    const client = createGraphClient({ ...cfg, timeoutMs: 150 });
    sim.setFailure({ mode: 'timeout', hangMs: 2_000 });
    expect(await caught(client.sendMessage(buildText('5511987654321', 'x')))).toMatchObject({ kind: 'timeout', httpStatus: 0, retryable: true });
    sim.setFailure({ mode: 'reset' });
    expect(await caught(client.sendMessage(buildText('5511987654321', 'x')))).toMatchObject({ kind: 'network', retryable: true });
  });

  test('a connection that never opens (refused, DNS failure) is kind connect: retryable, and nothing was sent', async () => {
    const refused = await caught(createGraphClient({ ...cfg, graphUrl: 'http://127.0.0.1:1' }).getPhoneNumber());
    expect(refused).toMatchObject({ kind: 'connect', retryable: true, action: 'retry', details: 'could not connect to 127.0.0.1:1 (connection refused)' });
    const dns = await caught(createGraphClient({ ...cfg, graphUrl: 'http://graph.invalid' }).getPhoneNumber());
    expect(dns).toMatchObject({ kind: 'connect', retryable: true, details: 'could not connect to graph.invalid (DNS lookup failed)' });
  });

  test('fraction failures hit some requests only', async () => {
    sim.setFailure({ code: 131000, fraction: 0.5 });
    const client = createGraphClient(cfg);
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => client.sendMessage(buildText('5511987654321', 'x'))));
    sim.clearFailures();
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(40);
  });
});
