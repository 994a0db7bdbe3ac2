/**
 * A calibrated intent head shared by both backends: a linear model (linear-model.ts) over the
 * examples' vectors — sparse TF-IDF for the embedded backend, sentence embeddings for the
 * transformer — plus the calibration fitted on held-out answers (calibration.ts).
 *
 * Calibration data come from stratified cross-validation: the examples are split in `folds`
 * groups, a model trained without one group answers that group, and this is repeated until at
 * least `minHeldOut` answers exist (all five folds for small sets, a single one from 5 k examples
 * on, where training then costs ~1.8× one fit; always O(n · k)). The softmax temperature and the
 * unknown threshold (`minConfidence`) are fitted on those answers; the final model trains on all.
 */
import { fitConfidenceThreshold, fitTemperature, softmax, type HeldOutAnswer } from './calibration';
import { LINEAR_DEFAULTS, LinearModel, type LinearOptions } from './linear-model';
import type { SparseVector } from './sparse-vectors';

/** Settings of `LinearHead.train`. */
export interface LinearHeadOptions {
  linear: LinearOptions;
  /** Precision the answered (non-unknown) held-out answers must reach. */
  targetPrecision: number;
  folds: number;
  /** Fewest held-out answers to calibrate on before stopping the cross-validation early. */
  minHeldOut: number;
}

export const HEAD_DEFAULTS: LinearHeadOptions = { linear: LINEAR_DEFAULTS, targetPrecision: 0.92, folds: 5, minHeldOut: 1000 };

/** What the calibration saw, for reports. */
export interface HeldOutSummary {
  answers: number;
  accuracy: number;
}

/** Per-intent probabilities of one text and its closeness to the training material. */
export interface HeadOutput {
  probs: Float64Array;
  /** Highest cosine to an intent centroid (the out-of-domain signal). */
  maxSimilarity: number;
}

/** A trained, calibrated head; see the file comment. */
export class LinearHead {
  private constructor(
    /** Intent ids in first-seen order; `probs` is aligned with it. */
    readonly intents: string[],
    private readonly model: LinearModel,
    readonly temperature: number,
    /** Fitted unknown threshold on the calibrated confidence. */
    readonly minConfidence: number,
    readonly heldOut: HeldOutSummary,
  ) {}

  /** Trains and calibrates on `vectors` labelled `labels` (feature ids < `dim`). */
  static train(vectors: SparseVector[], labels: string[], dim: number, opts: LinearHeadOptions = HEAD_DEFAULTS): LinearHead {
    const intents = [...new Set(labels)];
    const pos = new Map(intents.map((id, i) => [id, i]));
    const y = Int32Array.from(labels, (l) => pos.get(l)!);
    const rows = heldOutScores(vectors, y, intents.length, dim, opts);
    const temperature = fitTemperature(rows);
    const answers: HeldOutAnswer[] = rows.map((r) => {
      const p = softmax(r.scores, temperature);
      const best = argmax(p);
      return { confidence: p[best]!, correct: best === r.truth };
    });
    const minConfidence = fitConfidenceThreshold(answers, opts.targetPrecision);
    const accuracy = answers.length ? answers.filter((a) => a.correct).length / answers.length : 0;
    const model = LinearModel.train(vectors, y, intents.length, dim, opts.linear);
    return new LinearHead(intents, model, temperature, minConfidence, { answers: answers.length, accuracy });
  }

  /** Calibrated probabilities of `x` (aligned with `intents`) and its max centroid cosine. */
  classify(x: SparseVector): HeadOutput {
    return { probs: softmax(this.model.scores(x), this.temperature), maxSimilarity: this.model.maxCentroidSimilarity(x) };
  }
}

/** Held-out logits from stratified folds, stopping once `opts.minHeldOut` answers exist. */
function heldOutScores(vectors: SparseVector[], y: Int32Array, k: number, dim: number, opts: LinearHeadOptions) {
  const fold = stratifiedFolds(y, k, opts.folds);
  const rows: Array<{ scores: Float64Array; truth: number }> = [];
  for (let f = 0; f < opts.folds && rows.length < opts.minHeldOut; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    fold.forEach((g, i) => (g === f ? testIdx : trainIdx).push(i));
    if (testIdx.length === 0 || trainIdx.length === 0) continue;
    const model = LinearModel.train(trainIdx.map((i) => vectors[i]!), Int32Array.from(trainIdx, (i) => y[i]!), k, dim, opts.linear);
    for (const i of testIdx) rows.push({ scores: model.scores(vectors[i]!), truth: y[i]! });
  }
  return rows;
}

/** Fold of each example: each intent's examples are dealt round-robin, starting at a rotating fold. */
function stratifiedFolds(y: Int32Array, k: number, folds: number): Int32Array {
  const next = Int32Array.from({ length: k }, (_, c) => c % folds);
  return y.map((c) => {
    const f = next[c]!;
    next[c] = (f + 1) % folds;
    return f;
  });
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}
