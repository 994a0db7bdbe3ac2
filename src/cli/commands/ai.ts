/**
 * `turno ai eval <test.csv> [--train <train.csv>] [--backend embedded|transformer] [--no-abstain]
 * [--json]`: evaluates the intent classifier on a labelled CSV (text,intent). Without `--train`
 * the classifier is trained on the intents stored in the database (what production does); with
 * it, a throw-away classifier is trained on that file's intents — any labels, any number — and no
 * database is opened. Prints accuracy, macro-F1, coverage, answered-precision, per-intent metrics,
 * the most confused pairs, training time and latency percentiles; `--json` prints them as one object.
 * `turno ai intents …` (export/import as CSV) lives in ai-intents.ts.
 */
import { existsSync } from 'node:fs';
import { findModelFolder } from '../../ai/classifier-service';
import { parseLabelledCsv } from '../../ai/csv';
import { EmbeddedClassifier } from '../../ai/embedded-classifier';
import { evaluate, formatEvaluation } from '../../ai/evaluate';
import { loadTrainingExamples } from '../../ai/intent-store';
import { TransformerClassifier } from '../../ai/transformer-classifier';
import type { IntentClassifier, IntentExample } from '../../ai/types';
import { loadConfig } from '../../config';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';
import { INTENTS_USAGE, runIntentsCommand } from './ai-intents';

const USAGE = 'ai eval <test.csv> [--train <train.csv>] [--backend embedded|transformer] [--no-abstain] [--json]';

const HELP = `Usage: turno ${USAGE}

Evaluates the intent classifier on a labelled CSV file with a "text,intent" header.

  --train <file.csv>   train a throw-away classifier on this file's intents (any labels) instead
                       of the intents stored in the database; nothing is written
  --backend <name>     embedded (default, built in) or transformer (a model in TURNO_MODELS_DIR)
  --no-abstain         always answer the best intent (no "unknown"): raw accuracy
  --json               print one JSON object (accuracy, macroF1, coverage, answeredPrecision, …)
  --help               show this help

Coverage is the share of messages answered with an intent; answered-precision is the accuracy
over those answers. See docs/ai.md.`;

/** Reads and validates a labelled file; throws a one-line CliError. */
async function readRows(path: string, role: string): Promise<IntentExample[]> {
  if (!existsSync(path)) throw new CliError(`cannot read ${path}: no such file`);
  let rows: IntentExample[];
  try {
    rows = parseLabelledCsv(await Bun.file(path).text());
  } catch (error) {
    throw new CliError(`${path} is not a valid ${role} file: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new CliError(`${path} has no rows (expected a header "text,intent" and labelled rows)`);
  return rows;
}

/** Builds the chosen backend (the transformer loaded from the configured models folder). */
async function makeClassifier(backend: 'embedded' | 'transformer', modelsDir: string): Promise<IntentClassifier> {
  if (backend === 'embedded') return new EmbeddedClassifier();
  const modelId = findModelFolder(modelsDir);
  if (!modelId) throw new CliError(`no model in ${modelsDir}; run "turno models pull <owner/name>" first`);
  const transformer = new TransformerClassifier({ modelsDir, modelId });
  await transformer.load().catch((error: Error) => {
    throw new CliError(`model ${modelId} failed to load: ${error.message}`);
  });
  return transformer;
}

export const aiCommand: Command = {
  summary: 'Evaluate the intent classifier on a labelled CSV; export/import intents as CSV',
  usage: `${USAGE} | ${INTENTS_USAGE}`,
  async run(args) {
    if (args[0] === 'intents') return runIntentsCommand(args.slice(1));
    const { positionals, values } = parseFlags(args, {
      backend: { type: 'string' }, train: { type: 'string' }, 'no-abstain': { type: 'boolean' },
      json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [action, file, ...extra] = positionals;
    if (action !== 'eval' || !file || extra.length > 0) throw new CliError(`usage: turno ${USAGE} (see turno ai eval --help)`, 2);
    const backend = values.backend ?? 'embedded';
    if (backend !== 'embedded' && backend !== 'transformer') throw new CliError('--backend must be embedded or transformer', 2);
    const rows = await readRows(file, 'evaluation');
    const train = values.train ? await readRows(values.train, 'training') : null;

    const run = async (examples: IntentExample[], modelsDir: string) => {
      const classifier = await makeClassifier(backend, modelsDir);
      const t0 = performance.now();
      await classifier.train(examples);
      const trainMs = performance.now() - t0;
      if (values['no-abstain']) classifier.thresholds = { minConfidence: 0, minSimilarity: 0 };
      const result = { ...(await evaluate(classifier, rows)), trainExamples: examples.length, trainMs };
      if (values.json) console.log(JSON.stringify(result));
      else console.log(`${formatEvaluation(result)}\n\ntrained on ${examples.length} examples in ${trainMs.toFixed(0)} ms`);
      return 0;
    };
    if (train) return run(train, loadConfig().modelsDir);
    return withApp(async (app) => {
      await app.ai.ready;
      return run(loadTrainingExamples(app.core), app.core.config.modelsDir);
    });
  },
};
