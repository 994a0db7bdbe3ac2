import { beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { parseLabelledCsv } from '../../../src/ai/csv';
import { defaultIntentExamples } from '../../../src/ai/default-intents';
import { EmbeddedClassifier } from '../../../src/ai/embedded-classifier';
import { evaluate } from '../../../src/ai/evaluate';

const SAMPLE = join(import.meta.dir, '../../../docs/samples/intents-eval.csv');

describe('EmbeddedClassifier', () => {
  const clf = new EmbeddedClassifier();
  beforeAll(() => clf.train(defaultIntentExamples()));

  test('accuracy on the held-out sample stays above the measured floor', async () => {
    // Measured with the defaults (k-NN k=3, thresholds 0.35/0.2): accuracy 0.783, macro-F1 0.815.
    const rows = parseLabelledCsv(await Bun.file(SAMPLE).text());
    expect(rows.length).toBeGreaterThanOrEqual(100);
    const e = await evaluate(clf, rows);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.72);
    expect(e.unknownShare).toBeLessThan(0.15);
  });

  test('gibberish and empty text are unknown', async () => {
    for (const text of ['asdkjh qwpeoiru', 'fjdksla', '', '   ', '?!...']) {
      const c = await clf.classify(text);
      expect(c.intent).toBeNull();
      expect(c.backend).toBe('embedded');
    }
  });

  test('an unknown answer still reports the scores, which sum to 1', async () => {
    const c = await clf.classify('asdkjh qwpeoiru');
    const sum = c.scores.reduce((a, s) => a + s.score, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(c.confidence).toBe(c.scores[0]!.score);
  });

  test('thresholds are applied: minConfidence 1 makes everything unknown', async () => {
    const strict = new EmbeddedClassifier({ thresholds: { minConfidence: 1, minSimilarity: 0 } });
    await strict.train(defaultIntentExamples());
    expect((await strict.classify('donde esta mi pedido?')).intent).toBeNull();
  });

  test.each([
    ['dónde está mi pedido?', 'order_status'],
    ['DONDE ESTA MI PEDIDOOOO', 'order_status'],
    ['dnde esta mi pedidoo', 'order_status'],
    ['me cobraron 2 veses', 'billing'],
    ['fui cobrada duas vezes no cartao', 'billing'],
    ['kiero ablar con una persona', 'human'],
    ['quero falar com atendente', 'human'],
    ['esqueci a senha', 'support'],
    ['quanto custa?', 'sales'],
    ['quero agendar um horario', 'appointment'],
    ['pésimo servício', 'complaint'],
    ['muchas grasias', 'other'],
  ])('robust to accents, typos and inflection: %p → %p', async (text, intent) => {
    expect((await clf.classify(text)).intent).toBe(intent);
  });

  test('calibrated: the fitted temperature is positive and an exact example is confident', async () => {
    expect(clf.temperature).toBeGreaterThan(0);
    const c = await clf.classify('where is my order');
    expect(c.intent).toBe('order_status');
    expect(c.confidence).toBeGreaterThan(0.5);
  });

  test('classify before train throws', async () => {
    await expect(new EmbeddedClassifier().classify('hola')).rejects.toThrow('before train');
  });
});
