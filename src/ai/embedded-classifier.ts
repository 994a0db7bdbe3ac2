/**
 * The default backend, needing no model file: TF-IDF over character n-grams and words (see
 * text-features.ts), few-shot scoring against the training examples (few-shot.ts) and a softmax
 * calibrated on leave-one-out scores (calibration.ts). Training 400 examples takes a few
 * milliseconds and a classification well under one.
 */
import { decide, emptyClassification, fitTemperature, softmax } from './calibration';
import { FewShotScorer, type FewShotMethod } from './few-shot';
import { InvertedIndex } from './inverted-index';
import { TfidfVectorizer, type SparseVector } from './sparse-vectors';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions } from './text-features';
import type { Classification, IntentClassifier, IntentExample, UnknownThresholds } from './types';

/** Options of the embedded classifier; every field has a measured default. */
export interface EmbeddedClassifierOptions {
  features?: FeatureOptions;
  method?: FewShotMethod;
  thresholds?: UnknownThresholds;
}

/** Defaults measured on docs/samples/intents-eval.csv with the default intents. */
export const EMBEDDED_DEFAULTS = {
  method: { kind: 'knn', k: 3 } as FewShotMethod,
  thresholds: { minConfidence: 0.35, minSimilarity: 0.2 } as UnknownThresholds,
};

/** In-process n-gram classifier; see the file comment. */
export class EmbeddedClassifier implements IntentClassifier {
  readonly backend = 'embedded' as const;
  thresholds: UnknownThresholds;
  /** Softmax temperature fitted by the last `train`. */
  temperature = 0.05;
  private readonly features: FeatureOptions;
  private readonly method: FewShotMethod;
  private vectorizer = new TfidfVectorizer();
  private index = new InvertedIndex([]);
  private scorer: FewShotScorer | null = null;

  constructor(opts: EmbeddedClassifierOptions = {}) {
    this.features = opts.features ?? DEFAULT_FEATURE_OPTIONS;
    this.method = opts.method ?? EMBEDDED_DEFAULTS.method;
    this.thresholds = { ...(opts.thresholds ?? EMBEDDED_DEFAULTS.thresholds) };
  }

  /** Fits the vocabulary, indexes the examples and fits the confidence temperature. */
  async train(examples: IntentExample[]): Promise<void> {
    const docs = examples.map((e) => extractFeatures(e.text, this.features));
    this.vectorizer = new TfidfVectorizer();
    this.vectorizer.fit(docs);
    const vectors: SparseVector[] = docs.map((d) => this.vectorizer.transform(d));
    this.index = new InvertedIndex(vectors);
    const simRows = vectors.map((v) => this.index.similarities(v));
    const labels = examples.map((e) => e.intent);
    this.scorer = new FewShotScorer(labels, (i, j) => simRows[i]![j]!, this.method);
    const scorer = this.scorer;
    const pos = new Map(scorer.intents.map((id, i) => [id, i]));
    this.temperature = fitTemperature(
      simRows.map((sims, i) => ({ scores: scorer.score(sims, i).scores, truth: pos.get(labels[i]!)! })),
    );
  }

  /** Classifies `text`; text without any known feature is unknown with confidence 0. */
  async classify(text: string): Promise<Classification> {
    if (!this.scorer) throw new Error('EmbeddedClassifier.classify called before train()');
    const query = this.vectorizer.transform(extractFeatures(text, this.features));
    if (query.idx.length === 0) return emptyClassification(this.backend);
    const { scores, maxSimilarity } = this.scorer.score(this.index.similarities(query));
    const probs = softmax(scores, this.temperature);
    return decide(this.scorer.intents, probs, maxSimilarity, this.thresholds, this.backend);
  }
}
