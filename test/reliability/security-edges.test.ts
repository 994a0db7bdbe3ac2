/**
 * Security edges: session fixation and logout, login throttling, path traversal on media, static
 * and plugin paths (over a real port, encoded variants), the webhook signature compared with
 * `timingSafeEqual` (asserted on the implementation, not by timing), and media downloads that
 * refuse URLs outside the channel's Graph host (SSRF to loopback / link-local) end to end.
 */
import { afterAll, afterEach, beforeAll, describe, expect, spyOn, test } from 'bun:test';
import * as nodeCrypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { signBody, verifySignature } from '../../src/channels/whatsapp/signature';
import { mediaFilePath } from '../../src/core/media-store';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  port = t.app.listen(0);
});
afterAll(() => t.close());

describe('sessions', () => {
  test('a session cookie planted before login is not adopted: login issues a new one, the planted one stays its owner\'s', async () => {
    const attacker = await t.signIn('agent', { email: 'attacker@example.test' });
    await t.signIn('agent', { email: 'victim@example.test' });
    const planted = attacker.client.cookies.turno_session!;
    const browser = t.anonymous();
    await browser.loadCsrf('/login');
    browser.cookies.turno_session = 'attacker-chosen-value';
    const login = await browser.form('/login', { _csrf: browser.csrf!, email: 'victim@example.test', password: TEST_PASSWORD });
    expect(login.status).toBe(303);
    const issued = browser.cookies.turno_session!;
    expect(issued).not.toBe('attacker-chosen-value');
    expect(issued).not.toBe(planted);
    const asVictim = await t.request('/api/v1/me', { headers: { cookie: `turno_session=${issued}` } });
    expect(((await asVictim.json()) as { email: string }).email).toBe('victim@example.test');
    const asAttacker = await t.request('/api/v1/me', { headers: { cookie: `turno_session=${planted}` } });
    expect(((await asAttacker.json()) as { email: string }).email).toBe('attacker@example.test');
    const chosen = await t.request('/api/v1/me', { headers: { cookie: 'turno_session=attacker-chosen-value' } });
    expect(chosen.status).toBe(401);
  });

  test('logout revokes the session server-side', async () => {
    const { client } = await t.signIn('agent');
    const token = client.cookies.turno_session!;
    expect((await client.form('/logout', {})).status).toBe(303);
    expect((await t.request('/api/v1/me', { headers: { cookie: `turno_session=${token}` } })).status).toBe(401);
  });

  test('login is throttled per account (429) even when the right password finally comes', async () => {
    await t.signIn('agent', { email: 'throttled@example.test' });
    const browser = t.anonymous();
    await browser.loadCsrf('/login');
    for (let i = 0; i < 5; i++) expect((await browser.form('/login', { _csrf: browser.csrf!, email: 'throttled@example.test', password: 'wrong password!' })).status).toBe(401);
    const right = await browser.form('/login', { _csrf: browser.csrf!, email: 'throttled@example.test', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(browser.cookies.turno_session).toBeUndefined();
  });
});

describe('path traversal (real port)', () => {
  test('media, static and plugin-prefixed paths never serve files outside their folder', async () => {
    const { client } = await t.signIn('admin');
    const secret = readFileSync(join(t.config.dataDir, 'secret.key'), 'utf8').trim();
    const pkg = '"name": "turno"';
    const paths = [
      '/media/..%2f..%2fsecret.key', '/media/%2e%2e%2f%2e%2e%2fsecret.key', '/media/..%252f..%252fsecret.key', '/media/....//....//secret.key',
      '/static/..%2f..%2fpackage.json', '/static/%2e%2e/%2e%2e/package.json', '/static/..%5c..%5cpackage.json', '/static/%2e%2e%2f%2e%2e%2fpackage.json',
      // Plugin routes live under /plugins/<id>/… (the plugin platform): these probes go through a
      // plugin's own prefix, so they cover whatever routes a built-in plugin registers there.
      ...['crm', 'calendar', 'catalog'].flatMap((id) => [
        `/plugins/${id}/..%2f..%2f..%2fpackage.json`, `/plugins/${id}/%2e%2e/%2e%2e/%2e%2e/package.json`,
        `/plugins/${id}/..%5c..%5c..%5cpackage.json`, `/plugins/${id}/..%252f..%252f..%252fpackage.json`,
        `/plugins/${id}/static/..%2f..%2f..%2f..%2fpackage.json`, `/plugins/${id}/..%2f..%2f..%2f${encodeURIComponent(t.config.dataDir.slice(1))}%2fsecret.key`,
      ]),
    ];
    // the probed prefixes are live routes (a probe of a missing route proves nothing)
    expect((await fetch(`http://127.0.0.1:${port}/static/app.css`)).status).toBe(200);
    const served: string[] = [];
    for (const path of paths) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: `turno_session=${client.cookies.turno_session}` } });
      const body = await res.text();
      if (body.includes(secret) || body.includes(pkg)) served.push(`${path} → ${res.status}`);
    }
    expect(served).toEqual([]);
  });
});

describe('static traversal one level up (package.json sits right above static/)', () => {
  /** GET over a raw socket so `..`, `./` and backslashes reach the server unnormalised (fetch resolves them). */
  async function rawGet(path: string): Promise<{ status: number; body: string }> {
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    return { status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
  }
  const pkg = readFileSync(join(import.meta.dir, '../../package.json'), 'utf8');

  test('positive control: a real file under /static is served over the port', async () => {
    const css = readFileSync(join(import.meta.dir, '../../static/app.css'), 'utf8');
    const res = await rawGet('/static/app.css');
    expect(res.status).toBe(200);
    expect(res.body).toContain(css.slice(0, 200));
  });

  test.each([
    '/static/../package.json', '/static/./../package.json', '/static/vendor/../../package.json',
    '/static/..%2fpackage.json', '/static/..%2Fpackage.json', '/static/%2e%2e/package.json', '/static/%2e%2e%2fpackage.json', '/static/%2E%2E%2Fpackage.json',
    '/static/..%252fpackage.json', '/static/%252e%252e%252fpackage.json',
    '/static/..\\package.json', '/static/..%5cpackage.json', '/static/%2e%2e%5cpackage.json', '/static/..%255cpackage.json',
  ])('%s leaks nothing', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('"name": "turno"');
    expect(res.body).not.toContain(pkg.slice(0, 120));
  });
});

describe('mediaFilePath (the guard between a storage key and the disk)', () => {
  const dataDir = '/srv/turno-data';
  const hex = 'a'.repeat(64);

  test('a content address resolves inside <dataDir>/media', () => {
    expect(mediaFilePath(dataDir, `aa/${hex}`)).toBe(join(dataDir, 'media', 'aa', hex));
  });

  test.each([
    '../secret.key', '../../etc/passwd', `aa/../../secret.key`, `../aa/${hex}`, `aa/${hex}/../../../secret.key`, `aa/${hex}/..`,
    `..%2f${hex}`, `aa%2f${hex}`, `aa\\${hex}`, `/etc/passwd`, `/aa/${hex}`, `aa/${hex}\n`, `aa/${hex}\u0000`, `AA/${'A'.repeat(64)}`,
    `aa/${hex.slice(1)}`, `aa/${hex}0`, `aa//${hex}`, `./aa/${hex}`, '', ' ',
  ])('refuses %p', (key) => {
    expect(mediaFilePath(dataDir, key)).toBeNull();
  });

  test('refuses a missing key', () => {
    expect(mediaFilePath(dataDir, null)).toBeNull();
  });
});

describe('webhook signature', () => {
  let spy: ReturnType<typeof spyOn>;
  afterEach(() => spy?.mockRestore());

  test('is compared with crypto.timingSafeEqual, for matches and mismatches, on the intake path too', async () => {
    spy = spyOn(nodeCrypto, 'timingSafeEqual');
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    expect(verifySignature(body, signBody(body, 'secret-1234'), 'secret-1234')).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(verifySignature(body, signBody(body, 'another-secret'), 'secret-1234')).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    const app = await createTestApp();
    try {
      addTestChannel(app);
      expect((await postWebhook(app, messagesEnvelope([textMessage('wamid.spy.1', 'x', 1)]))).status).toBe(200);
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
    } finally {
      await app.close();
    }
  });
});

describe('media downloads refuse URLs off the Graph host (SSRF), end to end', () => {
  // `redirect`: the media URL is on the Graph host (allowed) and answers 302 to the target, so only
  // the per-redirect re-check can refuse it (fetch must not follow redirects by itself).
  test.each([
    ['loopback 127.0.0.2', (p: number) => `http://127.0.0.2:${p}/internal`, false],
    ['cloud metadata 169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', false],
    ['a Graph-host URL redirecting (302) to loopback 127.0.0.2', (p: number) => `http://127.0.0.2:${p}/internal`, true],
    ['a Graph-host URL redirecting (302) to private 10.0.0.1', () => 'http://10.0.0.1/internal', true],
  ])('%s', async (_name, target, redirect) => {
    let internalHits = 0;
    let redirectsServed = 0;
    const internal = Bun.serve({ hostname: '127.0.0.2', port: 0, fetch: () => { internalHits++; return new Response('internal secret'); } });
    const graph: ReturnType<typeof Bun.serve> = Bun.serve({
      hostname: '127.0.0.1', port: 0,
      fetch: (req) => {
        const path = new URL(req.url).pathname;
        const url = redirect ? `http://127.0.0.1:${graph.port}/download/media-123` : target(internal.port as number);
        if (path.endsWith('/media-123') && !path.startsWith('/download/')) return Response.json({ messaging_product: 'whatsapp', id: 'media-123', url, mime_type: 'image/jpeg', sha256: 'ab', file_size: '10' });
        if (redirect && path === '/download/media-123' && ++redirectsServed) return new Response(null, { status: 302, headers: { location: target(internal.port as number) } });
        return new Response('not found', { status: 404 });
      },
    });
    const app = await createTestApp();
    try {
      addTestChannel(app, `http://127.0.0.1:${graph.port}`);
      const image = { id: 'wamid.ssrf.1', timestamp: String(Math.floor(Date.now() / 1000)), type: 'image', image: { id: 'media-123', mime_type: 'image/jpeg', sha256: 'ab' } };
      expect((await postWebhook(app, messagesEnvelope([image]))).status).toBe(200);
      app.app.ingest.processPending();
      await app.app.core.bus.drain();
      await app.app.jobs.runDue();
      const file = app.app.core.db.$client.query<{ status: string; error: string | null }, []>('SELECT status, error FROM attachments').get()!;
      expect(file.status).not.toBe('stored');
      expect(file.error ?? '').toMatch(/refused media URL.*(private|loopback|link-local)/);
      expect(internalHits).toBe(0);
      expect(redirectsServed).toBe(redirect ? 1 : 0);
    } finally {
      await app.close();
      graph.stop(true);
      internal.stop(true);
    }
  });
});
