/**
 * Classification latency per backend, and the embedded backend's quality on the sample CSV.
 *
 *   bun bench/classify.ts [eval.csv]
 *
 * Prints figures only (no assertions). The transformer figures use the generated tiny model
 * (scripts/make-tiny-model.ts), so they measure the transformers.js + onnxruntime overhead, not a
 * real model's cost or quality.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel } from '../scripts/make-tiny-model';
import { parseLabelledCsv } from '../src/ai/csv';
import { defaultIntentExamples } from '../src/ai/default-intents';
import { EmbeddedClassifier } from '../src/ai/embedded-classifier';
import { evaluate, formatEvaluation, percentile } from '../src/ai/evaluate';
import { TransformerClassifier } from '../src/ai/transformer-classifier';
import type { IntentClassifier } from '../src/ai/types';

const csvPath = process.argv[2] ?? join(import.meta.dir, '../docs/samples/intents-eval.csv');
const rows = parseLabelledCsv(await Bun.file(csvPath).text());
const examples = defaultIntentExamples();
/** ~400 training examples: the defaults repeated with small variations, the size the brief targets. */
const large = [0, 1, 2].flatMap((n) => examples.map((e) => ({ intent: e.intent, text: n ? `${e.text} ${'x'.repeat(n)}` : e.text })));

/** Times `runs` passes over the sample texts and prints p50/p95/mean in milliseconds. */
async function latency(label: string, clf: IntentClassifier, runs = 5): Promise<void> {
  for (const r of rows.slice(0, 20)) await clf.classify(r.text); // warm-up
  const times: number[] = [];
  for (let n = 0; n < runs; n++) {
    for (const r of rows) {
      const t0 = performance.now();
      await clf.classify(r.text);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${label.padEnd(44)} n=${String(times.length).padStart(4)}  p50 ${percentile(times, 0.5).toFixed(3)} ms  p95 ${percentile(times, 0.95).toFixed(3)} ms  mean ${mean.toFixed(3)} ms`,
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

console.log(`sample: ${csvPath} (${rows.length} rows); training examples: ${examples.length} / ${large.length}\n`);

const embedded = new EmbeddedClassifier();
console.log(`embedded train (${examples.length} ex): ${(await timed(() => embedded.train(examples))).toFixed(1)} ms`);
await latency(`embedded, ${examples.length} examples`, embedded);
const embeddedLarge = new EmbeddedClassifier();
console.log(`embedded train (${large.length} ex): ${(await timed(() => embeddedLarge.train(large))).toFixed(1)} ms`);
await latency(`embedded, ${large.length} examples`, embeddedLarge);

const dir = mkdtempSync(join(tmpdir(), 'turno-bench-ai-'));
try {
  makeTinyModel(join(dir, 'tiny'));
  const transformer = new TransformerClassifier({ modelsDir: dir, modelId: 'tiny' });
  console.log(`\ntransformer (tiny) load: ${(await timed(() => transformer.load())).toFixed(1)} ms, dim ${transformer.dim}`);
  console.log(`transformer train (${examples.length} ex): ${(await timed(() => transformer.train(examples))).toFixed(1)} ms`);
  await latency(`transformer (tiny model), ${examples.length} examples`, transformer);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n${formatEvaluation(await evaluate(embedded, rows))}`);
