/**
 * Confidence calibration: per-intent raw scores (logits or cosines) become probabilities with a
 * softmax whose temperature is fitted by minimising the negative log-likelihood of held-out scores
 * (scores of examples the model did not train on), and the confidence below which the answer is
 * "unknown" is chosen on those same held-out answers so that the answered ones reach a target
 * precision. Both follow the intent set: with 77 fine-grained intents the probabilities spread
 * thinner than with 8 broad ones, and the fitted threshold drops with them.
 */
import type { Classification, ClassifierBackend, UnknownThresholds } from './types';

/** Softmax of `scores / temperature` (numerically stable). */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/**
 * Picks the temperature in [0.003, 30] minimising the mean negative log-likelihood of the true
 * class over `rows`, by golden-section search on log(temperature) (the likelihood is unimodal in
 * it: convex in 1/temperature). Returns 0.05 when there is nothing to fit on.
 */
export function fitTemperature(rows: Array<{ scores: ArrayLike<number>; truth: number }>): number {
  if (rows.length === 0) return 0.05;
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    let sum = 0;
    for (const r of rows) sum -= Math.log(Math.max(softmax(r.scores, t)[r.truth]!, 1e-12));
    return sum;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.003);
  let hi = Math.log(30);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  while (hi - lo > 0.01) {
    if (fa <= fb) (hi = b), (b = a), (fb = fa), (a = hi - ratio * (hi - lo)), (fa = nll(a));
    else (lo = a), (a = b), (fa = fb), (b = lo + ratio * (hi - lo)), (fb = nll(b));
  }
  return Math.exp((lo + hi) / 2);
}

/** One held-out answer: its calibrated confidence and whether it was right. */
export interface HeldOutAnswer {
  confidence: number;
  correct: boolean;
}

/**
 * The lowest confidence threshold at which the held-out answers with `confidence >= threshold`
 * are right at least `targetPrecision` of the time (the threshold of largest coverage meeting the
 * target). When no threshold reaches the target, returns the one of best precision among those
 * keeping at least 5 % of the answers; with no answers at all, 0.
 */
export function fitConfidenceThreshold(answers: HeldOutAnswer[], targetPrecision: number): number {
  if (answers.length === 0) return 0;
  const sorted = [...answers].sort((a, b) => b.confidence - a.confidence);
  const minKept = Math.max(1, Math.ceil(sorted.length * 0.05));
  let correct = 0;
  let best = -1;
  let bestPrecision = -1;
  let fallback = sorted[0]!.confidence;
  sorted.forEach((a, i) => {
    if (a.correct) correct++;
    const tied = i + 1 < sorted.length && sorted[i + 1]!.confidence === a.confidence;
    if (tied) return;
    const precision = correct / (i + 1);
    if (precision >= targetPrecision) best = i;
    if (i + 1 >= minKept && precision > bestPrecision) (bestPrecision = precision), (fallback = a.confidence);
  });
  return best >= 0 ? sorted[best]!.confidence : fallback;
}

/**
 * Builds the public `Classification`: probabilities sorted best first; `intent` is null when the
 * best probability is below `minConfidence` or `maxSimilarity` is below `minSimilarity`.
 */
export function decide(
  intents: string[],
  probs: ArrayLike<number>,
  maxSimilarity: number,
  thresholds: UnknownThresholds,
  backend: ClassifierBackend,
): Classification {
  const scores = intents
    .map((intent, i) => ({ intent, score: probs[i]! }))
    .sort((a, b) => b.score - a.score);
  const top = scores[0];
  if (!top) return { intent: null, confidence: 0, backend, scores };
  const known = top.score >= thresholds.minConfidence && maxSimilarity >= thresholds.minSimilarity;
  return { intent: known ? top.intent : null, confidence: top.score, backend, scores };
}

/** A classification for text that carries nothing to classify (empty, only punctuation). */
export function emptyClassification(backend: ClassifierBackend): Classification {
  return { intent: null, confidence: 0, backend, scores: [] };
}
