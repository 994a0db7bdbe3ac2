/** PWA over a real port (static files are not reachable through app.handle): sw.js, manifest, icons. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => { t = await createTestApp(); base = `http://127.0.0.1:${t.app.listen(0)}`; });
afterAll(async () => { await t.close(); });

describe('service worker and manifest', () => {
  test('sw.js caches only the shell under a versioned cache, with the right headers', async () => {
    const res = await fetch(`${base}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('service-worker-allowed')).toBe('/');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const source = await res.text();
    expect(source).toMatch(/var CACHE = 'turno-shell-[0-9a-f]{12}';/);
    const shell = JSON.parse(/var SHELL = (\[.*\]);/.exec(source)![1]!) as string[];
    for (const url of ['/static/app.css', '/static/inbox.css', '/static/inbox.js', '/static/vendor/htmx.min.js', '/static/vendor/alpine.min.js', '/static/icon-192.png', '/static/icon-512.png']) {
      expect(shell).toContain(url);
    }
    expect(shell.every((u) => u.startsWith('/static/'))).toBe(true);
    for (const url of shell) expect((await fetch(base + url)).status).toBe(200);
    // only GET requests for shell paths are answered from the cache; everything else goes to the network
    expect(source).toContain("e.request.method !== 'GET' || url.origin !== self.location.origin || SHELL.indexOf(url.pathname) < 0) return;");
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

  test('pages register the service worker', async () => {
    const html = await (await fetch(`${base}/login`)).text();
    expect(html).toContain('<script src="/static/pwa.js" defer></script>');
    expect(await (await fetch(`${base}/static/pwa.js`)).text()).toContain("navigator.serviceWorker.register('/sw.js'");
  });
});
