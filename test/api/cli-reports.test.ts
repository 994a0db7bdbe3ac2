/** `turno seed` writes resolutions with their timeline entries; `turno reports rebuild` recomputes every conversation's rollups. */
import { Database } from 'bun:sqlite';
import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dir, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'turno-cli-reports-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function turno(args: string[]) {
  const proc = Bun.spawnSync([process.execPath, 'src/main.ts', ...args], { cwd: root, env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'silent' } });
  return { code: proc.exitCode, out: proc.stdout.toString().trim(), err: proc.stderr.toString().trim() };
}

test('seed, then rebuild the report rollups from the raw timeline', () => {
  expect(turno(['seed', '--conversations', '40', '--messages', '200', '--agents', '3']).code).toBe(0);
  const rebuild = turno(['reports', 'rebuild']);
  expect(rebuild.code).toBe(0);
  expect(rebuild.out).toMatch(/^rebuilt report rollups of 40 conversations in \d+\.\d s$/);
  const db = new Database(join(dataDir, 'turno.db'), { readonly: true });
  const resolved = db.query<{ n: number }, []>("SELECT count(*) AS n FROM conversations WHERE status = 'resolved'").get()!.n;
  const points = db.query<{ kind: string; n: number }, []>("SELECT kind, count(*) AS n FROM report_points WHERE kind IN ('resolved', 'first_response') GROUP BY kind ORDER BY kind").all();
  expect(points).toEqual([{ kind: 'first_response', n: 40 }, { kind: 'resolved', n: resolved }]);
  expect(db.query<{ n: number }, []>('SELECT count(*) AS n FROM report_dirty').get()!.n).toBe(0);
  db.close();
  expect(turno(['reports', 'nonsense']).code).toBe(2);
});
