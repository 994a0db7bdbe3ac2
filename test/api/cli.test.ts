import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dir, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'turno-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function turno(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  const proc = Bun.spawnSync([process.execPath, 'src/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'silent', ...opts.env },
    stdin: opts.stdin !== undefined ? Buffer.from(opts.stdin) : 'ignore',
  });
  return { code: proc.exitCode, out: proc.stdout.toString().trim(), err: proc.stderr.toString().trim() };
}

describe('turno CLI', () => {
  test('help and version', () => {
    expect(turno(['help']).out).toContain('token create');
    expect(turno(['version']).out).toMatch(/^turno \d/);
  });

  test('unknown command and bad flags are usage errors (exit 2) in one line', () => {
    const unknown = turno(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')).toHaveLength(1);
    expect(turno(['user', 'add', '--email', 'a@b.c']).code).toBe(2);
    expect(turno(['user', 'add', '--bogus']).code).toBe(2);
  });

  test('migrate, user add (password from env or stdin), token create', async () => {
    expect(turno(['migrate']).code).toBe(0);
    const add = turno(['user', 'add', '--email', 'ops@example.test', '--name', 'Ops', '--role', 'admin'], { env: { TURNO_PASSWORD: 'a very long password' } });
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^[0-9a-f-]{36}$/);
    const viaStdin = turno(['user', 'add', '--email', 'agent@example.test', '--name', 'Agent'], { stdin: 'another long password\n' });
    expect(viaStdin.code).toBe(0);
    const dup = turno(['user', 'add', '--email', 'ops@example.test', '--name', 'Again'], { env: { TURNO_PASSWORD: 'a very long password' } });
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');
    const weak = turno(['user', 'add', '--email', 'w@example.test', '--name', 'W'], { env: { TURNO_PASSWORD: 'short' } });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password');
    const token = turno(['token', 'create', '--email', 'ops@example.test', '--name', 'zapier']);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^turno_/);
    expect(turno(['token', 'create', '--email', 'ghost@example.test']).code).toBe(1);
    const readOnly = turno(['token', 'create', '--email', 'ops@example.test', '--name', 'bi', '--scopes', 'read']);
    expect(readOnly.code).toBe(0);
    const { Database } = await import('bun:sqlite');
    const db = new Database(join(dataDir, 'turno.db'), { readonly: true });
    expect(db.query<{ scopes: string }, []>("SELECT scopes FROM api_tokens WHERE name = 'bi'").get()!.scopes).toBe('["read"]');
    db.close();
    expect(turno(['token', 'create', '--email', 'ops@example.test', '--scopes', 'read,root']).code).toBe(2);
  });
});
