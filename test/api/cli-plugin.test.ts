import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/test-app';

const root = join(import.meta.dir, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'turno-cli-plugin-'));
const pluginsDir = join(dataDir, 'plugins');
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function turno(args: string[]) {
  const proc = Bun.spawnSync([process.execPath, 'src/main.ts', ...args], {
    cwd: root, env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_PLUGINS_DIR: pluginsDir, TURNO_LOG_LEVEL: 'silent' }, stdin: 'ignore',
  });
  return { code: proc.exitCode, out: proc.stdout.toString().trim(), err: proc.stderr.toString().trim() };
}

describe('turno plugin', () => {
  test('new scaffolds a plugin that loads, answers its route and passes its own test', async () => {
    const created = turno(['plugin', 'new', 'acme-crm']);
    expect(created).toMatchObject({ code: 0, out: join(pluginsDir, 'acme-crm') });
    for (const file of ['index.ts', 'index.test.ts', 'migrations/0001_init.sql']) expect(existsSync(join(pluginsDir, 'acme-crm', file))).toBe(true);

    app = await createTestApp({ config: { pluginsDir } });
    expect(app.app.plugins.list().map((p) => [p.id, p.version, p.status, p.error])).toEqual([['acme-crm', '0.1.0', 'active', null]]);
    const { client, user } = await app.signIn('agent');
    expect(await (await client.get('/plugins/acme-crm/hello')).json()).toEqual({ greeting: 'Hello', user: user.name, lastMessageAt: null });
    expect(app.app.core.db.$client.query("SELECT name FROM sqlite_master WHERE name = 'acme_crm_messages'").get()).toEqual({ name: 'acme_crm_messages' });

    const own = Bun.spawnSync([process.execPath, 'test', './acme-crm/index.test.ts'], { cwd: pluginsDir, env: { ...process.env, TURNO_LOG_LEVEL: 'silent' }, stdin: 'ignore' });
    const report = own.stderr.toString();
    expect(report).toContain(' 3 pass');
    expect(report).toContain(' 0 fail');
    expect(own.exitCode).toBe(0);
  }, 120_000);

  test('new refuses an invalid id or an existing folder with one line and exit 1; no id is a usage error', () => {
    const invalid = turno(['plugin', 'new', 'Acme_CRM']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toBe('turno plugin: "Acme_CRM" is not a valid plugin id: use 2–40 lower-case letters, digits or dashes, starting with a letter');
    turno(['plugin', 'new', 'twice']);
    const again = turno(['plugin', 'new', 'twice']);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`turno plugin: ${join(pluginsDir, 'twice')} already exists; choose another id or remove it`);
    expect(turno(['plugin', 'new']).code).toBe(2);
    expect(turno(['plugin', 'remove', 'x']).code).toBe(2);
  }, 60_000);

  test('list prints one line per plugin: id, version, status and the error', () => {
    writeFileSync(join(pluginsDir, 'broken.ts'), 'throw new Error("boom\\nsecond line");\n');
    const listed = turno(['plugin', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+VERSION\s+STATUS\s+ERROR$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['acme-crm', '0.1.0', 'active'],
      ['file:broken', '?', 'failed', 'could not load: boom second line'],
      ['twice', '0.1.0', 'active'],
    ]);
  }, 60_000);
});
