/**
 * PWA over a real port (static files are not reachable through app.handle): sw.js, manifest, icons.
 * The service worker and its registration script are run in a small emulation of the browser's
 * service-worker globals (events, CacheStorage, fetch), so the tests assert what they do.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => { t = await createTestApp(); base = `http://127.0.0.1:${t.app.listen(0)}`; });
afterAll(async () => { await t.close(); });

/** A CacheStorage stand-in: named caches of path → Response. */
class FakeCaches {
  stores = new Map<string, Map<string, Response>>();
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Response>();
    this.stores.set(name, store);
    return {
      addAll: async (urls: string[]) => {
        for (const url of urls) {
          const res = await fetch(base + url);
          if (!res.ok) throw new Error(`${url} → ${res.status}`);
          store.set(url, res);
        }
      },
      match: async (path: string) => store.get(path)?.clone(),
    };
  }
  async keys() { return [...this.stores.keys()]; }
  async delete(name: string) { return this.stores.delete(name); }
}

/** Runs sw.js against fake globals; returns a dispatcher for its events and what it touched. */
async function runServiceWorker() {
  const source = await (await fetch(`${base}/sw.js`)).text();
  const listeners = new Map<string, (e: unknown) => void>();
  const caches = new FakeCaches();
  const network: string[] = [];
  const self = {
    location: { origin: base },
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  const networkFetch = (req: Request) => { network.push(req.url); return fetch(req); };
  new Function('self', 'caches', 'fetch', source)(self, caches, networkFetch);
  /** Dispatches a lifecycle event and waits for its waitUntil promise. */
  const lifecycle = async (type: 'install' | 'activate') => {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => { pending = p; } });
    await pending;
  };
  /** Dispatches a fetch event; the response the worker chose, or null when it let the browser go to the network. */
  const request = async (url: string, method = 'GET'): Promise<Response | null> => {
    let answer: Promise<Response> | null = null;
    listeners.get('fetch')!({ request: new Request(url, { method }), respondWith: (p: Promise<Response>) => { answer = p; } });
    return answer ? await answer : null;
  };
  return { caches, network, lifecycle, request };
}

describe('service worker and manifest', () => {
  test('sw.js is served with the headers a service worker needs', async () => {
    const res = await fetch(`${base}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('service-worker-allowed')).toBe('/');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test('install caches exactly the shell under a versioned cache; activate deletes older Turno caches only', async () => {
    const sw = await runServiceWorker();
    sw.caches.stores.set('turno-shell-000000000000', new Map());
    sw.caches.stores.set('another-app', new Map());
    await sw.lifecycle('install');
    const current = [...sw.caches.stores.keys()].find((k) => /^turno-shell-[0-9a-f]{12}$/.test(k) && k !== 'turno-shell-000000000000')!;
    const cached = [...sw.caches.stores.get(current)!.keys()];
    for (const url of ['/static/app.css', '/static/inbox.css', '/static/inbox.js', '/static/vendor/htmx.min.js', '/static/vendor/alpine.min.js', '/static/icon-192.png', '/static/icon-512.png']) {
      expect(cached).toContain(url);
    }
    expect(cached.every((u) => u.startsWith('/static/'))).toBe(true);
    await sw.lifecycle('activate');
    expect((await sw.caches.keys()).sort()).toEqual(['another-app', current].sort());
  });

  test('only same-origin GETs of shell files are answered from the cache; pages, API, POSTs and other origins go to the network', async () => {
    const sw = await runServiceWorker();
    await sw.lifecycle('install');
    const fetchedByInstall = sw.network.length;
    const css = await sw.request(`${base}/static/app.css`);
    expect(css?.status).toBe(200);
    expect(await css!.text()).toBe(await (await fetch(`${base}/static/app.css`)).text());
    expect(sw.network.length).toBe(fetchedByInstall); // served from the cache
    expect(await sw.request(`${base}/inbox`)).toBeNull();
    expect(await sw.request(`${base}/api/v1/conversations`)).toBeNull();
    expect(await sw.request(`${base}/static/app.css`, 'POST')).toBeNull();
    expect(await sw.request('https://elsewhere.example/static/app.css')).toBeNull();
    expect(await sw.request(`${base}/media/anything`)).toBeNull();
  });

  test('the manifest lists PNG icons 192 and 512 that are real PNGs of that size', async () => {
    const manifest = await (await fetch(`${base}/manifest.webmanifest`)).json() as { icons: Array<{ src: string; sizes: string; type: string }> };
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`)!;
      expect(icon.type).toBe('image/png');
      const bytes = new Uint8Array(await (await fetch(base + icon.src)).arrayBuffer());
      expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([size, size]);
    }
  });

  test('pages load pwa.js, which registers /sw.js on secure or local origins only', async () => {
    const page = await (await fetch(`${base}/login`)).text();
    const src = /<script src="(\/static\/pwa\.js)"[^>]*><\/script>/.exec(page)?.[1];
    expect(src).toBe('/static/pwa.js');
    const script = await (await fetch(base + src!)).text();
    const registered = (location: { protocol: string; hostname: string }) => {
      const calls: unknown[][] = [];
      let onLoad = () => {};
      const navigator = { serviceWorker: { register: (...args: unknown[]) => { calls.push(args); return Promise.resolve(); } } };
      const window = { addEventListener: (type: string, fn: () => void) => { if (type === 'load') onLoad = fn; } };
      new Function('navigator', 'window', 'location', script)(navigator, window, location);
      onLoad();
      return calls;
    };
    expect(registered({ protocol: 'https:', hostname: 'turno.example' })).toEqual([['/sw.js', { scope: '/' }]]);
    expect(registered({ protocol: 'http:', hostname: 'localhost' })).toEqual([['/sw.js', { scope: '/' }]]);
    expect(registered({ protocol: 'http:', hostname: 'turno.example' })).toEqual([]);
  });
});
