/**
 * `npm test`: type-checks the whole repo (`tsc --noEmit -p .`, incremental: the build info lives in
 * node_modules/.cache/tsc), then runs `bun test` over the whole suite (or the paths given) and
 * streams its output. Ends with the line `N passed, N failed` that CI reads; a type-check failure
 * counts as one failed test. Exits non-zero when either step fails.
 */
import { join } from 'node:path';

const root = join(import.meta.dir, '..');
const args = process.argv.slice(2);

/** Runs the local TypeScript compiler; prints its errors and returns whether the repo type-checks. */
async function typeCheck(): Promise<boolean> {
  const started = performance.now();
  let output: string;
  let code: number;
  try {
    const proc = Bun.spawn([join(root, 'node_modules/.bin/tsc'), '--noEmit', '-p', root], { cwd: root, stdout: 'pipe', stderr: 'pipe' });
    const [out, err] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
    output = (out + err).trim();
    code = await proc.exited;
  } catch (error) {
    output = `could not run node_modules/.bin/tsc (run npm install): ${(error as Error).message}`;
    code = 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    console.log(`type check: ok (${seconds} s)\n`);
    return true;
  }
  const errors = output.match(/error TS\d+/g)?.length ?? 0;
  console.error(`${output}\n\ntype check: FAILED, ${errors} error${errors === 1 ? '' : 's'} (${seconds} s)\n`);
  return false;
}

let tail = '';
async function pump(stream: ReadableStream<Uint8Array>, out: NodeJS.WriteStream) {
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true });
    out.write(text);
    tail = (tail + text).slice(-4000);
  }
}

const typesOk = await typeCheck();
const proc = Bun.spawn([process.execPath, 'test', '--timeout', '60000', ...args], {
  stdout: 'pipe',
  stderr: 'pipe',
  env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
});
await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
const code = await proc.exited;
const count = (label: string) => Number(new RegExp(`(\\d+) ${label}\\b`).exec(tail)?.[1] ?? 0);
const passed = count('pass') + (typesOk ? 1 : 0);
const failed = count('fail');
const skipped = count('skip');
const testsFailed = failed === 0 && code !== 0 ? 1 : failed;
console.log(`\n${passed} passed, ${testsFailed + (typesOk ? 0 : 1)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 ? code : typesOk ? 0 : 1);
