import { describe, expect, test } from 'bun:test';
import { HEAD_DEFAULTS, LinearHead } from '../../../src/ai/linear-head';
import { LINEAR_DEFAULTS, LinearModel } from '../../../src/ai/linear-model';
import { TfidfVectorizer, type SparseVector } from '../../../src/ai/sparse-vectors';
import { extractFeatures } from '../../../src/ai/text-features';

/** Two intents that share most words and differ by one ("limit"), plus an unrelated one. */
const EXAMPLES = [
  ...['what is the limit on disposable cards', 'disposable card limit', 'how many disposable cards can i have, is there a limit', 'limit of disposable virtual cards', 'is there a limit to disposable cards per day']
    .map((text) => ({ text, intent: 'disposable_card_limits' })),
  ...['how do i get a disposable card', 'i want a disposable virtual card', 'where can i order disposable cards', 'give me a disposable card please', 'can i have disposable virtual cards']
    .map((text) => ({ text, intent: 'get_disposable_virtual_card' })),
  ...['what is the exchange rate today', 'exchange rate for euros', 'how much is the dollar exchange rate', 'rate to exchange pounds', 'current exchange rates']
    .map((text) => ({ text, intent: 'exchange_rate' })),
];

function vectorize(texts: string[]): { vectors: SparseVector[]; dim: number; vectorizer: TfidfVectorizer } {
  const docs = texts.map((t) => extractFeatures(t));
  const vectorizer = new TfidfVectorizer();
  vectorizer.fit(docs);
  return { vectors: docs.map((d) => vectorizer.transform(d)), dim: vectorizer.size, vectorizer };
}

const argmax = (v: Float64Array) => v.indexOf(Math.max(...v));

describe('LinearModel', () => {
  const { vectors, dim, vectorizer } = vectorize(EXAMPLES.map((e) => e.text));
  const intents = [...new Set(EXAMPLES.map((e) => e.intent))];
  const labels = Int32Array.from(EXAMPLES, (e) => intents.indexOf(e.intent));

  test('learns the word that separates two close intents, which the centroid start misses', () => {
    const query = vectorizer.transform(extractFeatures('limit for disposable card'));
    const trained = LinearModel.train(vectors, labels, intents.length, dim);
    const scores = trained.scores(query);
    expect(intents[argmax(scores)]).toBe('disposable_card_limits');
    const margin = (m: LinearModel) => m.scores(query)[0]! - m.scores(query)[1]!;
    const centroidOnly = LinearModel.train(vectors, labels, intents.length, dim, { ...LINEAR_DEFAULTS, epochs: 0 });
    expect(margin(trained)).toBeGreaterThan(margin(centroidOnly));
    // Every training example is classified as its own intent.
    vectors.forEach((x, i) => expect(argmax(trained.scores(x))).toBe(labels[i]!));
  });

  test('training is reproducible (seeded shuffles)', () => {
    const a = LinearModel.train(vectors, labels, intents.length, dim);
    const b = LinearModel.train(vectors, labels, intents.length, dim);
    expect([...a.scores(vectors[3]!)]).toEqual([...b.scores(vectors[3]!)]);
  });

  test('closeness to the training material is the best centroid cosine', () => {
    const model = LinearModel.train(vectors, labels, intents.length, dim);
    expect(model.maxCentroidSimilarity(vectorizer.transform(extractFeatures('exchange rate')))).toBeGreaterThan(0.3);
    expect(model.maxCentroidSimilarity(vectorizer.transform(extractFeatures('zzqx')))).toBe(0);
  });
});

describe('LinearHead', () => {
  const { vectors, dim } = vectorize(EXAMPLES.map((e) => e.text));
  const labels = EXAMPLES.map((e) => e.intent);

  test('calibrates on cross-validated answers of every example of a small set', () => {
    const head = LinearHead.train(vectors, labels, dim);
    expect(head.intents).toEqual(['disposable_card_limits', 'get_disposable_virtual_card', 'exchange_rate']);
    expect(head.heldOut.answers).toBe(EXAMPLES.length);
    expect(head.temperature).toBeGreaterThan(0);
    expect(head.minConfidence).toBeGreaterThan(0);
    expect(head.minConfidence).toBeLessThan(1);
    const out = head.classify(vectors[0]!);
    expect(out.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  test('stops the cross-validation once enough held-out answers exist', () => {
    const head = LinearHead.train(vectors, labels, dim, { ...HEAD_DEFAULTS, minHeldOut: 3 });
    expect(head.heldOut.answers).toBe(3); // one fold of 15 examples, one per intent
  });

  test('a stricter target precision never lowers the threshold', () => {
    const loose = LinearHead.train(vectors, labels, dim, { ...HEAD_DEFAULTS, targetPrecision: 0.5 });
    const strict = LinearHead.train(vectors, labels, dim, { ...HEAD_DEFAULTS, targetPrecision: 1 });
    expect(strict.minConfidence).toBeGreaterThanOrEqual(loose.minConfidence);
  });
});
