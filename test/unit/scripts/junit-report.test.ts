/**
 * `npm test` counts from bun's JUnit report: a test that prints "7 pass" or "3 fail" cannot change
 * the count, skipped and todo tests are told apart, and a failing afterEach fails its test.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOutcomes, countTypeErrors, parseJUnit } from '../../../scripts/junit-report';

const dir = mkdtempSync(join(tmpdir(), 'turno-junit-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = `
import { afterEach, describe, expect, test } from 'bun:test';
test('prints a misleading count', () => { console.log('7 pass'); console.error('0 fail'); });
test.skip('skipped <one> & "quoted"', () => {});
test.todo('still to write');
test('fails', () => { expect(1).toBe(2); });
describe('group', () => {
  let n = 0;
  afterEach(() => { if (++n === 1) throw new Error('handler failed after the test'); });
  test('broken by its afterEach', () => {});
  test('passes', () => {});
});
`;

/** Runs bun test on the sample file with the JUnit reporter; returns the report text. */
async function sampleReport(): Promise<string> {
  writeFileSync(join(dir, 'sample.test.ts'), SAMPLE);
  const report = join(dir, 'report.xml');
  const proc = Bun.spawn([process.execPath, 'test', '--reporter=junit', `--reporter-outfile=${report}`, './sample.test.ts'], { cwd: dir, stdout: 'pipe', stderr: 'pipe' });
  await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  expect(await proc.exited).toBe(1);
  return readFileSync(report, 'utf8');
}

describe('JUnit report', () => {
  test('counts come from the report, not from what tests print', async () => {
    const cases = await parseJUnit(await sampleReport());
    expect(countOutcomes(cases)).toEqual({ passed: 2, failed: 2, skipped: 1, todo: 1 });
    expect(cases.map((c) => `${c.outcome}: ${c.name}`)).toEqual([
      'passed: prints a misleading count',
      'skipped: skipped <one> & "quoted"',
      'todo: still to write',
      'failed: fails',
      'failed: broken by its afterEach',
      'passed: passes',
    ]);
    expect(cases.find((c) => c.name === 'broken by its afterEach')?.message).toBe('handler failed after the test');
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(['sample.test.ts']));
  });

  test('every type error counts, and a failed tsc without diagnostics counts once', () => {
    const output = "a.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\nb.ts(2,1): error TS2304: Cannot find name 'x'.";
    expect(countTypeErrors(output, 2)).toBe(2);
    expect(countTypeErrors('tsc: out of memory', 1)).toBe(1);
    expect(countTypeErrors('', 0)).toBe(0);
  });
});
