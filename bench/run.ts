/**
 * `npm run bench`: runs every figure, one process each (so one figure's server never shares a
 * process with the next), and prints their tables. JSON lands in bench/results/<name>.json.
 * Pass `--quick` for smaller sizes (pages: 10 k conversations / 100 k messages).
 */
import { join } from 'node:path';
import { machineLine } from './lib/report';

const quick = process.argv.includes('--quick');
const figures: [string, string[]][] = [
  ['ingest.ts', quick ? ['--count', '5000', '--seconds', '3'] : []],
  ['push.ts', quick ? ['--messages', '10'] : []],
  ['pages.ts', quick ? ['--conversations', '10000', '--messages', '100000', '--iterations', '50'] : []],
  ['footprint.ts', quick ? ['--starts', '3'] : []],
  ['outbound.ts', quick ? ['--count', '500'] : []],
  ['classify.ts', []],
  ['routing-fairness.ts', []],
  ['supervisor-board.ts', quick ? ['--conversations', '500'] : []],
  ['plugins.ts', quick ? ['--count', '3000', '--pairs', '1'] : []],
  ['reports.ts', quick ? ['--conversations', '10000', '--messages', '100000', '--iterations', '10'] : []],
  ['webhooks.ts', quick ? ['--count', '3000', '--pairs', '1'] : []],
];
console.log(`# Turno benchmarks\n\n${machineLine()}`);
let failed = 0;
for (const [file, args] of figures) {
  const proc = Bun.spawn([process.execPath, join(import.meta.dir, file), ...args], { stdout: 'inherit', stderr: 'inherit' });
  if ((await proc.exited) !== 0) {
    failed++;
    console.error(`bench/${file} failed`);
  }
}
process.exit(failed ? 1 : 0);
