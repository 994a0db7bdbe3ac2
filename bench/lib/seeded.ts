/** A data dir seeded with `turno seed` for the at-scale figures (or a reused one given with --data). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../test/helpers/server-process';

export interface SeedFlags {
  conversations?: string;
  messages?: string;
  agents?: string;
  data?: string;
}

/** Seeds a fresh temp dir (default 100 k conversations, 1 M messages, 50 agents) unless `data` holds a database; prints and returns the seed line. */
export function seededDataDir(flags: SeedFlags, prefix: string): { dataDir: string; seedLine: string } {
  const dataDir = flags.data ?? mkdtempSync(join(tmpdir(), prefix));
  let seedLine = `reused ${dataDir}`;
  if (!flags.data || !existsSync(join(dataDir, 'turno.db'))) {
    const args = ['seed', '--conversations', flags.conversations ?? '100000', '--messages', flags.messages ?? '1000000', '--agents', flags.agents ?? '50'];
    const proc = Bun.spawnSync([process.execPath, join(ROOT, 'src/main.ts'), ...args], { env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'warn' }, stdout: 'pipe', stderr: 'inherit' });
    seedLine = proc.stdout.toString().trim();
    if (proc.exitCode !== 0) throw new Error(`seed failed: ${seedLine}`);
  }
  console.log(seedLine);
  return { dataDir, seedLine };
}
