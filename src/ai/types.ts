/**
 * Contracts of the intent classification layer. Backends ("embedded" n-gram model, "transformer"
 * sentence embeddings) are interchangeable behind `IntentClassifier`; callers never know which one
 * answered except through `Classification.backend`.
 */

/** One labelled phrase used for few-shot training. */
export interface IntentExample {
  intent: string;
  text: string;
}

/** Names of the classifier backends. */
export type ClassifierBackend = 'embedded' | 'transformer';

/** Result of classifying one message. */
export interface Classification {
  /** Winning intent id, or `null` when the classifier is not sure enough ("unknown"). */
  intent: string | null;
  /** Calibrated probability of the best intent, in [0, 1] (also set when `intent` is null). */
  confidence: number;
  backend: ClassifierBackend;
  /** Per-intent calibrated probabilities, best first; they sum to 1. */
  scores: Array<{ intent: string; score: number }>;
}

/**
 * Thresholds for the unknown outcome: the answer is `intent: null` when the best calibrated
 * probability is below `minConfidence`, or when the raw similarity to the closest training material
 * is below `minSimilarity` (out-of-domain text: gibberish, another topic).
 */
export interface UnknownThresholds {
  minConfidence: number;
  minSimilarity: number;
}

/** A trainable intent classifier. */
export interface IntentClassifier {
  readonly backend: ClassifierBackend;
  /** Current unknown thresholds (may be changed by the caller at any time). */
  thresholds: UnknownThresholds;
  /** Replaces what the classifier knows with `examples`. Must be called before `classify`. */
  train(examples: IntentExample[]): Promise<void>;
  /** Classifies one message; never throws for ordinary text (empty text gives `intent: null`). */
  classify(text: string): Promise<Classification>;
}
