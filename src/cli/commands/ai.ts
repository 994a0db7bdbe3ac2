/**
 * `turno ai eval <file.csv> [--backend embedded|transformer]`: evaluates the intent classifier,
 * trained on the intents stored in the database (seeded defaults on a fresh install), on a
 * labelled CSV (text,intent) and prints accuracy, macro-F1, per-intent precision/recall, the
 * confusion table, the unknown share and latency percentiles.
 */
import { existsSync } from 'node:fs';
import { findModelFolder } from '../../ai/classifier-service';
import { parseLabelledCsv } from '../../ai/csv';
import { EmbeddedClassifier } from '../../ai/embedded-classifier';
import { evaluate, formatEvaluation } from '../../ai/evaluate';
import { loadTrainingExamples } from '../../ai/intent-store';
import { TransformerClassifier } from '../../ai/transformer-classifier';
import type { IntentClassifier } from '../../ai/types';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';

const USAGE = 'usage: turno ai eval <file.csv> [--backend embedded|transformer]';

/** Reads and validates the labelled file; throws a one-line CliError. */
async function readRows(path: string) {
  if (!existsSync(path)) throw new CliError(`cannot read ${path}: no such file`);
  let rows: Array<{ text: string; intent: string }>;
  try {
    rows = parseLabelledCsv(await Bun.file(path).text());
  } catch (error) {
    throw new CliError(`${path} is not a valid evaluation file: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new CliError(`${path} has no rows to evaluate (expected a header "text,intent" and labelled rows)`);
  return rows;
}

export const aiCommand: Command = {
  summary: 'Evaluate the intent classifier on a labelled CSV (text,intent)',
  usage: 'ai eval <file.csv> [--backend embedded|transformer]',
  async run(args) {
    const { positionals, values } = parseFlags(args, { backend: { type: 'string' } });
    const [action, file, ...extra] = positionals;
    if (action !== 'eval' || !file || extra.length > 0) throw new CliError(USAGE, 2);
    const backend = values.backend ?? 'embedded';
    if (backend !== 'embedded' && backend !== 'transformer') throw new CliError('--backend must be embedded or transformer', 2);
    const rows = await readRows(file);
    return withApp(async (app) => {
      await app.ai.ready;
      const examples = loadTrainingExamples(app.core);
      let classifier: IntentClassifier;
      if (backend === 'transformer') {
        const modelsDir = app.core.config.modelsDir;
        const modelId = findModelFolder(modelsDir);
        if (!modelId) throw new CliError(`no model in ${modelsDir}; run "turno models pull <owner/name>" first`);
        const transformer = new TransformerClassifier({ modelsDir, modelId });
        await transformer.load().catch((error: Error) => {
          throw new CliError(`model ${modelId} failed to load: ${error.message}`);
        });
        classifier = transformer;
      } else {
        classifier = new EmbeddedClassifier();
      }
      await classifier.train(examples);
      console.log(formatEvaluation(await evaluate(classifier, rows)));
      return 0;
    });
  },
};
