import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dir, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'turno-cli-channel-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function turno(args: string[], env: Record<string, string> = {}) {
  const proc = Bun.spawnSync([process.execPath, 'src/main.ts', ...args], {
    cwd: root, env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'silent', ...env }, stdin: 'ignore',
  });
  return { code: proc.exitCode, out: proc.stdout.toString().trim(), err: proc.stderr.toString().trim() };
}

const ADD = ['channel', 'add', 'whatsapp', '--name', 'Ventas', '--phone-number-id', '106540352242922', '--waba-id', '102290129340398',
  '--access-token', 'EAAG-secret-access-token', '--app-secret', 'app-secret-1234567', '--verify-token', 'verify-token-abcdef'];

describe('turno channel', () => {
  test('add prints the id; list shows id, name, status and phone number id but never secrets', () => {
    const add = turno([...ADD, '--graph-version', 'v24.0']);
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^[0-9a-f-]{36}$/);
    const list = turno(['channel', 'list']);
    expect(list.code).toBe(0);
    const [header, row] = list.out.split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+STATUS\s+PHONE NUMBER ID$/);
    expect(row).toMatch(new RegExp(`^${add.out}\\s+Ventas\\s+active\\s+106540352242922$`));
    for (const secret of ['EAAG-secret-access-token', 'app-secret-1234567', 'verify-token-abcdef']) expect(list.out).not.toContain(secret);
  }, 60_000);

  test('a duplicate number or an invalid value is one line on stderr and exit 1', () => {
    const dup = turno(ADD);
    expect(dup.code).toBe(1);
    expect(dup.err).toBe('turno channel: A channel with this phone number ID already exists');
    const invalid = turno([...ADD.slice(0, 5), '--phone-number-id', 'abc', ...ADD.slice(7)]);
    expect(invalid.code).toBe(1);
    expect(invalid.err.split('\n')).toHaveLength(1);
    expect(invalid.err).toContain('phoneNumberId');
  }, 60_000);

  test('usage errors exit 2: missing flags, unknown flags, unknown subcommand', () => {
    const missing = turno(['channel', 'add', 'whatsapp', '--name', 'X']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--phone-number-id');
    expect(missing.err.split('\n')).toHaveLength(1);
    expect(turno(['channel', 'add', 'whatsapp', '--bogus', 'x']).code).toBe(2);
    expect(turno(['channel', 'remove']).code).toBe(2);
    expect(turno(['channel', 'add', 'telegram']).code).toBe(2);
  }, 60_000);

  test('secrets can come from the environment instead of flags (kept out of ps and shell history)', () => {
    const add = turno(['channel', 'add', 'whatsapp', '--name', 'Soporte', '--phone-number-id', '106540352242999', '--waba-id', '102290129340398'],
      { TURNO_ACCESS_TOKEN: 'EAAG-env-access-token', TURNO_APP_SECRET: 'env-app-secret-123', TURNO_VERIFY_TOKEN: 'env-verify-token' });
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^[0-9a-f-]{36}$/);
    expect(turno(['channel', 'add', 'whatsapp', '--name', 'X', '--phone-number-id', '106540352242998', '--waba-id', '102290129340398']).err).toContain('--access-token');
  }, 60_000);
});
