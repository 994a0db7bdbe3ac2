import { afterAll, describe, expect, test } from 'bun:test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../../src/channels/whatsapp/signature';
import { APP_SECRET, messagesEnvelope, PHONE_NUMBER_ID, textMessage, WABA_ID } from '../helpers/whatsapp';

const root = join(import.meta.dir, '..', '..');
const workDir = mkdtempSync(join(tmpdir(), 'turno-bin-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function waitFor(url: string, ms: number): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await Bun.sleep(100);
    }
  }
}

describe('single executable', () => {
  test('npm run build produces dist/turno that serves /healthz and embedded assets from any directory', async () => {
    const build = Bun.spawnSync([process.execPath, 'scripts/build.ts'], { cwd: root, stdout: 'pipe', stderr: 'pipe' });
    expect(build.exitCode).toBe(0);
    const binary = join(root, 'dist', 'turno');
    const version = Bun.spawnSync([binary, 'version'], { cwd: workDir });
    expect(version.stdout.toString()).toMatch(/^turno \d+\.\d+\.\d+/);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = Bun.spawn([binary, 'serve', '--port', String(port)], {
      cwd: workDir, env: { ...process.env, TURNO_DATA_DIR: join(workDir, 'data'), TURNO_LOG_LEVEL: 'warn' }, stdout: 'pipe', stderr: 'pipe',
    });
    try {
      const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 15_000);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const css = await fetch(`http://127.0.0.1:${port}/static/app.css`);
      expect(css.status).toBe(200);
      const htmx = await fetch(`http://127.0.0.1:${port}/static/vendor/htmx.min.js`);
      expect((await htmx.text()).length).toBeGreaterThan(10_000);
      const setup = await fetch(`http://127.0.0.1:${port}/setup`);
      expect(await setup.text()).toContain('action="/setup"');
    } finally {
      server.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});

describe('single executable with a plugin', () => {
  /** Runs a CLI command of the built binary against `env`; returns trimmed stdout (fails on a non-zero exit). */
  function turno(args: string[], env: Record<string, string>): string {
    const run = Bun.spawnSync([join(root, 'dist', 'turno'), ...args], { cwd: workDir, env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
    if (run.exitCode !== 0) throw new Error(`turno ${args.join(' ')}: ${run.stderr.toString()}`);
    return run.stdout.toString().trim();
  }

  test('the binary imports a .ts plugin from disk: route, webhook message in its handler, migration once, kv across a restart', async () => {
    if (!existsSync(join(root, 'dist', 'turno'))) {
      const build = Bun.spawnSync([process.execPath, 'scripts/build.ts'], { cwd: root, stdout: 'pipe', stderr: 'pipe' });
      expect(build.exitCode).toBe(0);
    }
    const pluginsDir = join(workDir, 'plugins');
    cpSync(join(root, 'test', 'fixtures', 'plugins', 'basic'), pluginsDir, { recursive: true });
    const env = { TURNO_DATA_DIR: join(workDir, 'plugin-data'), TURNO_PLUGINS_DIR: pluginsDir, TURNO_LOG_LEVEL: 'warn', TURNO_PASSWORD: 'correct horse battery' };
    turno(['user', 'add', '--email', 'admin@example.test', '--name', 'Admin', '--role', 'admin'], env);
    const token = turno(['token', 'create', '--email', 'admin@example.test'], env);
    turno(['channel', 'add', 'whatsapp', '--name', 'Ventas', '--phone-number-id', PHONE_NUMBER_ID, '--waba-id', WABA_ID, '--access-token', 'EAAG-test-access-token-0123456789', '--app-secret', APP_SECRET, '--verify-token', 'verify-token-123', '--graph-url', 'http://127.0.0.1:9'], env);
    const auth = { authorization: `Bearer ${token}` };

    const serve = async (check: (base: string) => Promise<void>) => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const server = Bun.spawn([join(root, 'dist', 'turno'), 'serve', '--port', String(port)], { cwd: workDir, env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
      try {
        await waitFor(`http://127.0.0.1:${port}/healthz`, 15_000);
        await check(`http://127.0.0.1:${port}`);
      } finally {
        server.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    };

    await serve(async (base) => {
      expect(await (await fetch(`${base}/plugins/sample/ping`, { headers: auth })).json()).toEqual({ ok: true, user: 'admin@example.test', greeting: null });
      const body = JSON.stringify(messagesEnvelope([textMessage('wamid.BIN1', 'desde el binario', Math.floor(Date.now() / 1000))]));
      const hook = await fetch(`${base}/webhooks/whatsapp`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) } });
      expect(hook.status).toBe(200);
      // The handler runs after the webhook is applied; poll the plugin's own table (bounded).
      let seen: Array<{ content: string }> = [];
      for (let i = 0; i < 100 && seen.length < 2; i++) {
        seen = await (await fetch(`${base}/plugins/sample/seen`, { headers: auth })).json();
        if (seen.length < 2) await Bun.sleep(100);
      }
      expect(seen.map((s) => s.content)).toEqual(['created once', 'desde el binario']);
      expect((await fetch(`${base}/plugins/sample/kv`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"note":"persisted"}' })).status).toBe(200);
    });
    await serve(async (base) => {
      expect(await (await fetch(`${base}/plugins/sample/kv`, { headers: auth })).json()).toEqual({ note: 'persisted', setups: 2 });
      expect((await (await fetch(`${base}/plugins/sample/seen`, { headers: auth })).json()).length).toBe(2);
    });
  });
});
