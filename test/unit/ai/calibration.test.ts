import { describe, expect, test } from 'bun:test';
import { fitConfidenceThreshold, fitTemperature, softmax } from '../../../src/ai/calibration';

describe('fitTemperature', () => {
  test('recovers the temperature that generated the labels', () => {
    // Two classes, logit gap g: class 0 is right in exactly round(100 · p(g, T=2)) of 100 rows.
    const rows: Array<{ scores: number[]; truth: number }> = [];
    for (const gap of [0.5, 1, 2, 3, 4]) {
      const right = Math.round(100 * softmax([gap, 0], 2)[0]!);
      for (let i = 0; i < 100; i++) rows.push({ scores: [gap, 0], truth: i < right ? 0 : 1 });
    }
    expect(fitTemperature(rows)).toBeCloseTo(2, 1);
  });

  test('nothing to fit on gives the default', () => {
    expect(fitTemperature([])).toBe(0.05);
  });
});

describe('fitConfidenceThreshold', () => {
  const answers = (spec: Array<[number, boolean]>) => spec.map(([confidence, correct]) => ({ confidence, correct }));

  test('the lowest threshold whose answered precision reaches the target', () => {
    // Sorted by confidence: ✓ ✓ ✓ ✓ ✗ ✓ ✓ ✗ ✗ ✗ → precision at each cut: 1 1 1 1 .8 .83 .86 .75 .67 .6
    const a = answers([[0.95, true], [0.9, true], [0.85, true], [0.8, true], [0.7, false], [0.65, true], [0.6, true], [0.5, false], [0.4, false], [0.3, false]]);
    expect(fitConfidenceThreshold(a, 0.85)).toBe(0.6);
    expect(fitConfidenceThreshold(a, 0.9)).toBe(0.8);
    expect(fitConfidenceThreshold(a, 0.5)).toBe(0.3);
  });

  test('ties are kept together: a cut never splits answers of equal confidence', () => {
    const a = answers([[0.9, true], [0.5, true], [0.5, false], [0.5, false]]);
    expect(fitConfidenceThreshold(a, 0.9)).toBe(0.9);
  });

  test('unreachable target: the most precise cut keeping at least 5 % of the answers', () => {
    const a = answers(Array.from({ length: 40 }, (_, i) => [1 - i / 40, i % 3 === 1] as [number, boolean]));
    // Precision by cut: 0/1, 1/2, 1/3, 1/4, 2/5 … — the best cut of ≥ 2 answers keeps the first two.
    expect(fitConfidenceThreshold(a, 0.99)).toBe(1 - 1 / 40);
    expect(fitConfidenceThreshold([], 0.9)).toBe(0);
  });
});
