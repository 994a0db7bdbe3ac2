import { describe, expect, test } from 'bun:test';
import { evaluate, formatEvaluation, percentile, UNKNOWN_LABEL } from '../../../src/ai/evaluate';
import type { Classification, IntentClassifier } from '../../../src/ai/types';

/** A classifier answering from a fixed table (text → intent or null). */
function stub(answers: Record<string, string | null>): IntentClassifier {
  return {
    backend: 'embedded',
    thresholds: { minConfidence: 0, minSimilarity: 0 },
    train: async () => {},
    classify: async (text): Promise<Classification> => ({
      intent: answers[text] ?? null,
      confidence: 1,
      backend: 'embedded',
      scores: [],
    }),
  };
}

describe('evaluate', () => {
  // truth:      a  a  a  b  b     c
  // predicted:  a  a  b  b  null  a
  const rows = [
    { text: '1', intent: 'a' },
    { text: '2', intent: 'a' },
    { text: '3', intent: 'a' },
    { text: '4', intent: 'b' },
    { text: '5', intent: 'b' },
    { text: '6', intent: 'c' },
  ];
  const clf = stub({ '1': 'a', '2': 'a', '3': 'b', '4': 'b', '5': null, '6': 'a' });

  test('metrics match the hand computation', async () => {
    const e = await evaluate(clf, rows);
    expect(e.total).toBe(6);
    expect(e.accuracy).toBeCloseTo(3 / 6, 10);
    expect(e.unknownShare).toBeCloseTo(1 / 6, 10);
    expect(e.coverage).toBeCloseTo(5 / 6, 10);
    expect(e.answeredPrecision).toBeCloseTo(3 / 5, 10);
    expect(e.confusionPairs).toEqual([
      { truth: 'a', predicted: 'b', count: 1 },
      { truth: 'c', predicted: 'a', count: 1 },
    ]);
    expect(e.labels).toEqual(['a', 'b', 'c']);
    // columns: a, b, c, (unknown)
    expect(e.confusion).toEqual([
      [2, 1, 0, 0],
      [0, 1, 0, 1],
      [1, 0, 0, 0],
    ]);
    const [a, b, c] = e.perIntent;
    expect(a).toMatchObject({ intent: 'a', support: 3 });
    expect(a!.precision).toBeCloseTo(2 / 3, 10);
    expect(a!.recall).toBeCloseTo(2 / 3, 10);
    expect(a!.f1).toBeCloseTo(2 / 3, 10);
    expect(b!.precision).toBeCloseTo(1 / 2, 10);
    expect(b!.recall).toBeCloseTo(1 / 2, 10);
    expect(b!.f1).toBeCloseTo(1 / 2, 10);
    expect(c).toMatchObject({ intent: 'c', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(e.macroF1).toBeCloseTo(7 / 18, 10);
    expect(e.latencyMs.p95).toBeGreaterThanOrEqual(e.latencyMs.p50);
  });

  test('formatEvaluation renders summary, table and confusion matrix', async () => {
    const text = formatEvaluation(await evaluate(clf, rows));
    expect(text).toContain('accuracy 50.0%');
    expect(text).toContain('macro-F1 0.389');
    expect(text).toContain(UNKNOWN_LABEL.slice(0, 8));
    expect(text.split('\n').some((l) => /^a\s+0\.667\s+0\.667\s+0\.667\s+3$/.test(l))).toBe(true);
  });

  test('empty input gives zeros', async () => {
    const e = await evaluate(clf, []);
    expect(e).toMatchObject({ total: 0, accuracy: 0, macroF1: 0, unknownShare: 0 });
  });

  test('percentile uses nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(percentile([], 0.5)).toBe(0);
  });
});
