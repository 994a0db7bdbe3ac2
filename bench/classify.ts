/**
 * Intent classification: quality on BANKING77 (5-shot, 10-shot, full training data) and on the
 * bundled es/pt/en sample, training time and memory (including 10 k examples), and latency per
 * message — for every backend available. Each measurement runs in its own process
 * (bench/lib/classify-child.ts), training and evaluating through the classifier's public functions.
 *
 *   bun bench/classify.ts [--data ../shared/data/banking77]
 *
 * BANKING77 figures are on valid.csv (the only split tuned on); the held-out test set is measured
 * apart with `turno ai eval test.csv --train train_10.csv --no-abstain --json`. The published
 * numbers shown for comparison are test-set figures. The transformer rows use the generated tiny
 * model (scripts/make-tiny-model.ts, random token vectors): they check the pipeline and its cost,
 * not a real model's quality. Without the data folder only the sample and cost rows run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTinyModel } from '../scripts/make-tiny-model';
import { machine, report } from './lib/report';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const ROOT = join(import.meta.dir, '..');
const data = resolve(ROOT, values.data ?? '../shared/data/banking77');
const hasData = existsSync(join(data, 'valid.csv'));
const sample = join(ROOT, 'docs/samples/intents-eval.csv');
const m = machine();

/** Published BANKING77 test-set accuracy, for context (not comparable to valid.csv one-to-one). */
const PUBLISHED: Record<string, string> = {
  '5-shot': '—',
  '10-shot': 'USE+ConveRT 85.19, DNNC 86.71, CPFT 87.20, ICDA 89.79',
  full: 'BERT-large 93.66',
};

type Result = Record<string, number | string | undefined> & { trainMs: number; trainCpuMs: number; trainPeakMb: number };

async function child(args: string[]): Promise<Result> {
  const proc = Bun.spawn([process.execPath, join(import.meta.dir, 'lib/classify-child.ts'), ...args], { stdout: 'pipe', stderr: 'inherit' });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`classify-child ${args.join(' ')} failed`);
  return JSON.parse(out) as Result;
}

const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(1)} %` : '—');
const ms = (x: unknown) => (typeof x === 'number' ? `${x.toFixed(x < 1 ? 3 : 0)} ms` : '—');
const rows: (string | number)[][] = [];
const results: Record<string, Result> = {};

function row(name: string, backend: string, r: Result, published = '') {
  results[`${backend} ${name}`] = r;
  rows.push([
    name, backend, `${r.examples} / ${r.intents}`, pct(r.accuracy), typeof r.macroF1 === 'number' ? r.macroF1.toFixed(3) : '—',
    r.coverage === undefined ? '—' : `${pct(r.coverage)} at ${pct(r.answeredPrecision)}`,
    `${ms(r.trainMs)} (CPU ${ms(r.trainCpuMs)}), ${r.trainPeakMb.toFixed(0)} MB`, ms(r.p50Ms), published,
  ]);
}

if (hasData) {
  const valid = join(data, 'valid.csv');
  for (const [name, file] of [['5-shot', 'train_5.csv'], ['10-shot', 'train_10.csv'], ['full', 'train.csv']] as const) {
    row(`BANKING77 ${name}`, 'embedded', await child(['--train', join(data, file), '--eval', valid]), PUBLISHED[name]);
  }
} else {
  console.log(`(no BANKING77 data in ${data}: only the sample and cost rows run)`);
}
row('es/pt/en sample (default intents)', 'embedded', await child(['--sample', '--eval', sample]));
if (hasData) {
  const all = [join(data, 'train.csv'), join(data, 'valid.csv')].join(',');
  row('training cost: 10,162 examples (train + valid)', 'embedded', await child(['--train', all]));
  row('training cost: 10,162 examples relabelled into 8 intents', 'embedded', await child(['--train', all, '--intents', '8']));
}

const dir = mkdtempSync(join(tmpdir(), 'turno-bench-ai-'));
try {
  makeTinyModel(join(dir, 'tiny'));
  const tiny = ['--backend', 'transformer', '--models-dir', dir, '--model-id', 'tiny'];
  if (hasData) row('BANKING77 10-shot (tiny generated model)', 'transformer', await child([...tiny, '--train', join(data, 'train_10.csv'), '--eval', join(data, 'valid.csv')]));
  row('es/pt/en sample (tiny generated model)', 'transformer', await child([...tiny, '--sample', '--eval', sample]));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

report('classify', 'Intent classification (BANKING77 valid.csv, bundled sample)', m,
  ['data set', 'backend', 'examples / intents', 'accuracy, no abstention', 'macro-F1', 'coverage at answered-precision', 'training: wall time (CPU time), peak memory', 'p50 per message', 'published (test set)'],
  rows, { data: hasData ? data : null, results });
