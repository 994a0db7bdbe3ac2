import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { parseFailureSpec } from '../../src/cli/commands/simulate';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, APP_SECRET } from '../helpers/whatsapp';

const root = new URL('../..', import.meta.url).pathname;

describe('turno simulate', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    t.app.ingest.start();
    port = t.app.listen(0);
    addTestChannel(t);
  });
  afterAll(() => t.close());

  test('simulated customers write to a running Turno through signed webhooks', async () => {
    const proc = Bun.spawn([process.execPath, 'src/main.ts', 'simulate', '--webhook-url', `http://127.0.0.1:${port}/webhooks/whatsapp`,
      '--app-secret', APP_SECRET, '--customers', '3', '--every', '0.2', '--duration', '2'], { cwd: root, stdout: 'pipe', stderr: 'pipe' });
    expect(await proc.exited).toBe(0);
    const out = await new Response(proc.stdout).text();
    expect(out).toContain('Graph API simulator on http://127.0.0.1:');
    const deadline = Date.now() + 5000;
    let rows: unknown[] = [];
    while (Date.now() < deadline) {
      rows = t.app.core.db.$client.query("SELECT id FROM messages WHERE direction = 'inbound'").all();
      if (rows.length >= 3) break;
      await Bun.sleep(50);
    }
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(t.app.core.db.$client.query('SELECT id FROM contacts').all().length).toBe(3);
  });

  test('missing settings and bad failure specs are usage errors', async () => {
    const proc = Bun.spawnSync([process.execPath, 'src/main.ts', 'simulate'], { cwd: root });
    expect(proc.exitCode).toBe(2);
    expect(proc.stderr.toString()).toContain('--webhook-url');
    expect(parseFailureSpec('131047:0.1,5xx:0.5')).toEqual([{ code: 131047, fraction: 0.1 }, { mode: 'http', httpStatus: 503, fraction: 0.5 }]);
    expect(() => parseFailureSpec('131047:2')).toThrow('fraction');
    expect(() => parseFailureSpec('boom')).toThrow('unknown failure');
  });
});
