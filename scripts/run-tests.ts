/**
 * `npm test`: runs `bun test` over the whole suite (or the paths given), streams its output, and
 * ends with the line `N passed, N failed` that CI reads. Exit code is bun's.
 */
const args = process.argv.slice(2);
const proc = Bun.spawn([process.execPath, 'test', '--timeout', '60000', ...args], {
  stdout: 'pipe',
  stderr: 'pipe',
  env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
});

let tail = '';
async function pump(stream: ReadableStream<Uint8Array>, out: typeof process.stdout) {
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true });
    out.write(text);
    tail = (tail + text).slice(-4000);
  }
}
await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
const code = await proc.exited;
const count = (label: string) => Number(new RegExp(`(\\d+) ${label}\\b`).exec(tail)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail');
const skipped = count('skip');
const failedOrCrashed = failed === 0 && code !== 0 ? 1 : failed;
console.log(`\n${passed} passed, ${failedOrCrashed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);
