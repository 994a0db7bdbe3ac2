/**
 * One classifier measurement in its own process (so its memory figure is its own), used by
 * bench/classify.ts. Trains through the classifier's public `train` on the given CSVs, reports the
 * training time and memory, then — when an evaluation file is given — evaluates through `evaluate`
 * twice on the same training: with the fitted unknown threshold and with abstention off.
 *
 *   bun bench/lib/classify-child.ts --train a.csv[,b.csv] [--eval valid.csv] [--backend embedded|transformer]
 *     [--models-dir DIR --model-id ID] [--intents N] [--sample]
 *
 * `--intents N` relabels the training rows into N intents (cost measurements only); `--sample`
 * trains on the seeded default intents instead of `--train`. Prints one JSON object.
 */
import { parseArgs } from 'node:util';
import { parseLabelledCsv } from '../../src/ai/csv';
import { defaultIntentExamples } from '../../src/ai/default-intents';
import { EmbeddedClassifier } from '../../src/ai/embedded-classifier';
import { evaluate } from '../../src/ai/evaluate';
import { TransformerClassifier } from '../../src/ai/transformer-classifier';
import type { IntentClassifier, IntentExample } from '../../src/ai/types';

const { values } = parseArgs({
  options: {
    train: { type: 'string' }, eval: { type: 'string' }, backend: { type: 'string' }, 'models-dir': { type: 'string' },
    'model-id': { type: 'string' }, intents: { type: 'string' }, sample: { type: 'boolean' },
  },
});

const read = async (path: string) => parseLabelledCsv(await Bun.file(path).text());
let examples: IntentExample[] = values.sample ? defaultIntentExamples() : (await Promise.all((values.train ?? '').split(',').map(read))).flat();
if (values.intents) {
  const n = Number(values.intents);
  const ids = [...new Set(examples.map((e) => e.intent))];
  examples = examples.map((e) => ({ text: e.text, intent: `intent_${ids.indexOf(e.intent) % n}` }));
}
const rows = values.eval ? await read(values.eval) : [];

let classifier: IntentClassifier;
if (values.backend === 'transformer') {
  const t = new TransformerClassifier({ modelsDir: values['models-dir']!, modelId: values['model-id']! });
  await t.load();
  classifier = t;
} else {
  classifier = new EmbeddedClassifier();
}

Bun.gc(true);
const mb = (bytes: number) => bytes / 1024 / 1024;
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await classifier.train(examples);
const trainMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const peakRss = process.resourceUsage().maxRSS * 1024;
Bun.gc(true);
const result: Record<string, unknown> = {
  backend: classifier.backend,
  examples: examples.length,
  intents: new Set(examples.map((e) => e.intent)).size,
  trainMs,
  trainCpuMs: (cpu.user + cpu.system) / 1000,
  trainPeakMb: Math.max(0, mb(peakRss - rssBefore)),
  modelHeapMb: mb(process.memoryUsage().heapUsed - heapBefore),
  thresholds: { ...classifier.thresholds },
};
if (rows.length) {
  for (const r of rows.slice(0, 50)) await classifier.classify(r.text); // warm-up
  const abstain = await evaluate(classifier, rows);
  classifier.thresholds = { minConfidence: 0, minSimilarity: 0 };
  const open = await evaluate(classifier, rows);
  Object.assign(result, {
    rows: rows.length,
    accuracy: open.accuracy,
    macroF1: open.macroF1,
    coverage: abstain.coverage,
    answeredPrecision: abstain.answeredPrecision,
    accuracyWithAbstention: abstain.accuracy,
    p50Ms: open.latencyMs.p50,
    p95Ms: open.latencyMs.p95,
    complaintRecall: open.perIntent.find((m) => m.intent === 'complaint')?.recall,
    confusionPairs: open.confusionPairs.slice(0, 5),
  });
}
console.log(JSON.stringify(result));
