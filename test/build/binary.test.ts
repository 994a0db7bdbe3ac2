import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
