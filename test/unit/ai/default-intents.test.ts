import { describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { parseLabelledCsv } from '../../../src/ai/csv';
import { DEFAULT_INTENT_IDS, DEFAULT_INTENTS, defaultIntentExamples } from '../../../src/ai/default-intents';
import { normalizeText } from '../../../src/ai/text-features';

describe('default intents', () => {
  test('stable ids, names in three languages, 15–30 examples each', () => {
    expect(DEFAULT_INTENTS.map((i) => i.id)).toEqual([...DEFAULT_INTENT_IDS]);
    for (const i of DEFAULT_INTENTS) {
      expect(i.names.en && i.names.es && i.names.pt).toBeTruthy();
      expect(i.examples.length).toBeGreaterThanOrEqual(15);
      expect(i.examples.length).toBeLessThanOrEqual(30);
    }
  });

  test('the evaluation sample is held out: no phrase equals a training example', async () => {
    const rows = parseLabelledCsv(await Bun.file(join(import.meta.dir, '../../../docs/samples/intents-eval.csv')).text());
    const training = new Set(defaultIntentExamples().map((e) => normalizeText(e.text)));
    expect(rows.filter((r) => training.has(normalizeText(r.text)))).toEqual([]);
    expect(new Set(rows.map((r) => r.intent))).toEqual(new Set(DEFAULT_INTENT_IDS));
  });
});
