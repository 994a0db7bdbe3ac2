import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from '../helpers/turno-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'turno-ai-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const turno = cliOn(dataDir);

test('ai eval prints accuracy, macro-F1, per-intent metrics, confusion, unknown share and latency', async () => {
  const r = await turno('ai', 'eval', 'docs/samples/intents-eval.csv');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/backend embedded: 120 rows, accuracy \d+\.\d%, macro-F1 0\.\d{3}, unknown \d+\.\d%, latency p50 [\d.]+ ms p95 [\d.]+ ms/);
  expect(r.stdout).toMatch(/^order_status\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+15$/m);
  expect(r.stdout).toContain('confusion (rows = truth, columns = predicted)');
});

test('ai eval --train trains a throw-away classifier on any labels; --json and --no-abstain', async () => {
  const train = join(dataDir, 'pets-train.csv');
  const test = join(dataDir, 'pets-test.csv');
  writeFileSync(train, 'text,intent\n' + [
    'my dog barks all night,dog', 'the puppy chewed my shoes,dog', 'walking the dog in the park,dog', 'a dog that fetches sticks,dog',
    'my cat sleeps all day,cat', 'the kitten scratched the sofa,cat', 'cat litter smells bad,cat', 'a cat that purrs loudly,cat',
    'the parrot talks a lot,bird', 'my canary sings in the morning,bird', 'a bird cage for a parrot,bird', 'feeding seeds to the canary,bird',
  ].join('\n'));
  writeFileSync(test, 'text,intent\nwhy does my dog bark,dog\nthe kitten purrs,cat\nthe parrot sings,bird\n');
  const r = await turno('ai', 'eval', test, '--train', train, '--no-abstain', '--json');
  expect(r.code).toBe(0);
  const e = JSON.parse(r.stdout);
  expect(e).toMatchObject({ backend: 'embedded', total: 3, coverage: 1, trainExamples: 12 });
  expect(e.accuracy).toBe(e.answeredPrecision);
  expect(e.accuracy).toBeGreaterThanOrEqual(2 / 3);
  expect(typeof e.macroF1).toBe('number');
  expect(e.labels).toEqual(expect.arrayContaining(['dog', 'cat', 'bird']));
  const text = await turno('ai', 'eval', test, '--train', train);
  expect(text.stdout).toMatch(/coverage \d+\.\d%, answered-precision \d+\.\d%/);
  expect(text.stdout).toMatch(/trained on 12 examples in \d+ ms/);
});

test('ai eval --help explains the flags', async () => {
  const r = await turno('ai', 'eval', '--help');
  expect(r.code).toBe(0);
  for (const flag of ['--train', '--backend', '--no-abstain', '--json']) expect(r.stdout).toContain(flag);
});

test('ai eval: missing or invalid file and bad flags give one-line errors', async () => {
  const missing = await turno('ai', 'eval', 'nope.csv');
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe('turno ai: cannot read nope.csv: no such file');
  const file = join(dataDir, 'bad.csv');
  writeFileSync(file, 'foo,bar\n1,2\n');
  const invalid = await turno('ai', 'eval', file);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
  expect(invalid.stderr).toContain('header must contain "text" and "intent"');
  expect((await turno('ai', 'eval', file, '--backend', 'gpt')).code).toBe(2);
  const noModel = await turno('ai', 'eval', 'docs/samples/intents-eval.csv', '--backend', 'transformer');
  expect(noModel.code).toBe(1);
  expect(noModel.stderr).toContain('run "turno models pull <owner/name>" first');
});

test('models pull validates its argument and explains an offline failure', async () => {
  expect((await turno('models', 'pull')).code).toBe(2);
  const bad = await turno('models', 'pull', '../etc/passwd');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('is not a Hub model id');
  const offline = await turno('models', 'pull', 'Xenova/multilingual-e5-small');
  expect(offline.code).toBe(1);
  expect(offline.stderr).toContain('could not download Xenova/multilingual-e5-small');
  expect(offline.stderr).toContain('check internet access');
});
