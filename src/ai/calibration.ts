/**
 * Confidence calibration: per-intent raw scores (cosines) become probabilities with a softmax whose
 * temperature is fitted by minimising the negative log-likelihood of leave-one-out scores of the
 * training examples, then the unknown decision is taken on those probabilities.
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
 * Picks the temperature (log grid from 0.003 to 1) minimising the mean negative log-likelihood of
 * the true class over `rows`. Returns 0.05 when there is nothing to fit on.
 */
export function fitTemperature(rows: Array<{ scores: ArrayLike<number>; truth: number }>): number {
  if (rows.length === 0) return 0.05;
  let best = 0.05;
  let bestNll = Infinity;
  for (let e = Math.log(0.003); e <= 0; e += 0.05) {
    const t = Math.exp(e);
    let nll = 0;
    for (const r of rows) nll -= Math.log(Math.max(softmax(r.scores, t)[r.truth]!, 1e-12));
    if (nll < bestNll) {
      bestNll = nll;
      best = t;
    }
  }
  return best;
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
