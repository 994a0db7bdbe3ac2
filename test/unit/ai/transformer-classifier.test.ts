import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel } from '../../../scripts/make-tiny-model';
import { defaultIntentExamples } from '../../../src/ai/default-intents';
import { TransformerClassifier } from '../../../src/ai/transformer-classifier';

describe('TransformerClassifier on the generated tiny model', () => {
  let modelsDir: string;
  let clf: TransformerClassifier;

  beforeAll(async () => {
    modelsDir = mkdtempSync(join(tmpdir(), 'turno-ai-'));
    makeTinyModel(join(modelsDir, 'tiny'), 24);
    // k = 1 so an exact training phrase (cosine 1) decides on its own; the tiny model has no semantics.
    clf = new TransformerClassifier({ modelsDir, modelId: 'tiny', method: { kind: 'knn', k: 1 } });
  });
  afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

  test('loads offline through transformers.js and reports ready', async () => {
    expect(clf.state).toBe('idle');
    await clf.load();
    expect(clf.state).toBe('ready');
    expect(clf.ready).toBe(true);
  });

  test('returns unit embeddings of the model dimension', async () => {
    const [a, b] = await clf.embed(['donde esta mi pedido', 'quiero hablar con una persona']);
    expect(a!.length).toBe(24);
    expect(b!.length).toBe(24);
    const norm = Math.sqrt(a!.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 4);
  });

  test('classifies an exact example phrase to its intent', async () => {
    await clf.train(defaultIntentExamples());
    const c = await clf.classify('me cobraron dos veces');
    expect(c.backend).toBe('transformer');
    expect(c.intent).toBe('billing');
    expect(c.scores[0]!.intent).toBe('billing');
    expect(c.scores.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
  });

  test('retraining embeds only the new texts (embeddings cached per example) and refits the threshold', async () => {
    const embedded: string[] = [];
    const embed = clf.embed.bind(clf);
    clf.embed = async (texts) => (embedded.push(...texts), embed(texts));
    const examples = [...defaultIntentExamples(), { intent: 'billing', text: 'factura duplicada este mes' }];
    await clf.train(examples);
    expect(embedded).toEqual(['factura duplicada este mes']);
    expect(clf.thresholds.minConfidence).toBeGreaterThan(0);
    expect((await clf.classify('factura duplicada este mes')).scores[0]!.intent).toBe('billing');
  });

  test('empty text is unknown', async () => {
    expect((await clf.classify('  ')).intent).toBeNull();
  });

  test('a missing model fails to load without downloading', async () => {
    const missing = new TransformerClassifier({ modelsDir, modelId: 'does-not-exist' });
    await expect(missing.load()).rejects.toThrow();
    expect(missing.state).toBe('failed');
    expect(missing.error?.message).toMatch(/local|not found|allowRemoteModels/i);
  });
});
