/**
 * The default backend, needing no model file: TF-IDF over character n-grams and words (see
 * text-features.ts) and a calibrated linear head (linear-head.ts) — a softmax regression whose
 * weights start at the intent centroids, trained per intent set, so words that tell two close
 * intents apart ("limit" in *disposable card limits* vs *get a disposable card*) get the weight
 * that similarity alone cannot give them. Training is O(n · k) in time and memory (10 k examples:
 * ~1.3 s of CPU with 8 intents, calibration included, < 130 MB at peak; bench/classify.ts); a
 * classification costs one pass over the text's features (p50 ≈ 0.02–0.05 ms).
 */
import { decide, emptyClassification } from './calibration';
import { HEAD_DEFAULTS, LinearHead, type LinearHeadOptions } from './linear-head';
import { TfidfVectorizer } from './sparse-vectors';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions } from './text-features';
import type { Classification, IntentClassifier, IntentExample, UnknownThresholds } from './types';

/** Options of the embedded classifier; every field has a measured default. */
export interface EmbeddedClassifierOptions {
  features?: FeatureOptions;
  head?: Partial<LinearHeadOptions>;
  /**
   * Fixed unknown thresholds. Without them `minConfidence` is fitted at each training (the
   * threshold whose held-out answers reach `head.targetPrecision`) and `minSimilarity` is the default.
   */
  thresholds?: UnknownThresholds;
}

/** Out-of-domain floor: cosine to the closest intent centroid (measured on gibberish and the samples). */
export const EMBEDDED_MIN_SIMILARITY = 0.1;

/** In-process n-gram classifier; see the file comment. */
export class EmbeddedClassifier implements IntentClassifier {
  readonly backend = 'embedded' as const;
  thresholds: UnknownThresholds;
  private readonly features: FeatureOptions;
  private readonly head: LinearHeadOptions;
  private readonly fixedThresholds: boolean;
  private vectorizer = new TfidfVectorizer();
  private trained: LinearHead | null = null;

  constructor(opts: EmbeddedClassifierOptions = {}) {
    this.features = opts.features ?? DEFAULT_FEATURE_OPTIONS;
    this.head = { ...HEAD_DEFAULTS, ...opts.head };
    this.fixedThresholds = opts.thresholds !== undefined;
    this.thresholds = { ...(opts.thresholds ?? { minConfidence: 0, minSimilarity: EMBEDDED_MIN_SIMILARITY }) };
  }

  /** Softmax temperature fitted by the last `train` (0 before). */
  get temperature(): number {
    return this.trained?.temperature ?? 0;
  }

  /** The calibration of the last `train` (null before). */
  get calibration(): { temperature: number; minConfidence: number; heldOutAnswers: number; heldOutAccuracy: number } | null {
    const t = this.trained;
    return t && { temperature: t.temperature, minConfidence: t.minConfidence, heldOutAnswers: t.heldOut.answers, heldOutAccuracy: t.heldOut.accuracy };
  }

  /** Fits the vocabulary, trains and calibrates the head; sets the fitted `minConfidence`. */
  async train(examples: IntentExample[]): Promise<void> {
    const docs = examples.map((e) => extractFeatures(e.text, this.features));
    const vectorizer = new TfidfVectorizer();
    const vectors = vectorizer.fitTransform(docs);
    const head = LinearHead.train(vectors, examples.map((e) => e.intent), vectorizer.size, this.head);
    this.vectorizer = vectorizer;
    this.trained = head;
    if (!this.fixedThresholds) this.thresholds.minConfidence = head.minConfidence;
  }

  /** Classifies `text`; text without any known feature is unknown with confidence 0. */
  async classify(text: string): Promise<Classification> {
    const head = this.trained;
    if (!head) throw new Error('EmbeddedClassifier.classify called before train()');
    const query = this.vectorizer.transform(extractFeatures(text, this.features));
    if (query.idx.length === 0) return emptyClassification(this.backend);
    const { probs, maxSimilarity } = head.classify(query);
    return decide(head.intents, probs, maxSimilarity, this.thresholds, this.backend);
  }
}
