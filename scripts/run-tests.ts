/**
 * `npm test`: type-checks the whole repo (`tsc --noEmit -p .`, incremental: the build info lives in
 * node_modules/.cache/tsc), then runs `bun test` over the whole suite (or the paths given) and
 * streams its output. The counts come from bun's JUnit report (never from the output, which tests
 * can print into): every type error counts as one failed test, skipped and todo tests are listed by
 * name, and a non-zero exit of `bun test` with no failed test in the report (an error outside any
 * test, e.g. a file that throws while loading) counts as one failure. Ends with the line
 * `N passed, N failed` that CI reads; exits non-zero when anything failed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOutcomes, countTypeErrors, parseJUnit, type TestCaseResult } from './junit-report';

const root = join(import.meta.dir, '..');
const args = process.argv.slice(2);

/** Runs the local TypeScript compiler; prints its errors and returns how many there are. */
async function typeCheck(): Promise<number> {
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
  const errors = countTypeErrors(output, code);
  if (errors === 0) console.log(`type check: ok (${seconds} s)\n`);
  else console.error(`${output}\n\ntype check: FAILED, ${errors} error${errors === 1 ? '' : 's'} (${seconds} s)\n`);
  return errors;
}

/** Runs bun test with a JUnit report; returns its exit code and the parsed test cases. */
async function runTests(): Promise<{ code: number; cases: TestCaseResult[] | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'turno-junit-'));
  const report = join(dir, 'report.xml');
  try {
    const proc = Bun.spawn([process.execPath, 'test', '--timeout', '60000', '--reporter=junit', `--reporter-outfile=${report}`, ...args], {
      stdout: 'inherit',
      stderr: 'inherit',
      env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
    });
    const code = await proc.exited;
    let xml: string | null = null;
    try { xml = readFileSync(report, 'utf8'); } catch { /* no report: counted below */ }
    return { code, cases: xml === null ? null : await parseJUnit(xml) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const typeErrors = await typeCheck();
const { code, cases } = await runTests();
const counts = countOutcomes(cases ?? []);
const notRun = cases?.filter((c) => c.outcome === 'skipped' || c.outcome === 'todo') ?? [];
if (notRun.length) {
  console.log(`\nnot run (${notRun.length}):`);
  for (const c of notRun) console.log(`  (${c.outcome}) ${c.file} > ${c.name}`);
}
let failed = counts.failed + typeErrors;
if (cases === null) {
  console.error('\nbun test wrote no JUnit report: counted as one failure');
  failed++;
} else if (code !== 0 && counts.failed === 0) {
  console.error(`\nbun test exited with code ${code} but no test in its report failed (an error outside any test, e.g. a file that throws while loading): counted as one failure`);
  failed++;
}
const passed = counts.passed + (typeErrors === 0 ? 1 : 0);
console.log(`\n${passed} passed, ${failed} failed${notRun.length ? `, ${notRun.length} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
