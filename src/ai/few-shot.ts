/**
 * Few-shot scoring of the transformer backend (the embedded one uses a trained linear head,
 * linear-head.ts). Everything is expressed with cosine similarities between unit vectors:
 *
 * - `knn`: an intent's score is the mean of the query's `k` highest similarities to that intent's
 *   examples;
 * - `centroid`: cosine to the (unnormalised) sum of the intent's example vectors, computed from
 *   similarities only: Σ_j sim(q, j) / sqrt(Σ_i Σ_j sim(i, j)).
 *
 * `exclude` drops one training example (leave-one-out), used to fit the calibration honestly.
 */

/** How per-intent scores are derived from example similarities. */
export type FewShotMethod = { kind: 'knn'; k: number } | { kind: 'centroid' };

/** Per-intent scores of one query. */
export interface FewShotScores {
  /** Raw score per intent, aligned with `FewShotScorer.intents`. */
  scores: Float64Array;
  /** Highest similarity to any single (non-excluded) example: the out-of-domain signal. */
  maxSimilarity: number;
}

/** Turns query-to-example similarities into per-intent scores. */
export class FewShotScorer {
  /** Distinct intent ids, in order of first appearance in the training labels. */
  readonly intents: string[];
  private readonly labelIdx: Int32Array;
  private readonly members: number[][];
  /** Σ_i Σ_j sim(i, j) per intent (squared norm of the intent's summed vector). */
  private readonly sumGram: Float64Array;
  /** Σ_j sim(i, j) over i's own intent, per example (for leave-one-out centroids). */
  private readonly rowSum: Float64Array;

  /**
   * @param labels intent of each training example
   * @param gram   similarity of example i to example j (only pairs of the same intent are asked)
   */
  constructor(
    labels: string[],
    gram: (i: number, j: number) => number,
    readonly method: FewShotMethod,
  ) {
    this.intents = [...new Set(labels)];
    const pos = new Map(this.intents.map((id, i) => [id, i]));
    this.labelIdx = Int32Array.from(labels, (l) => pos.get(l)!);
    this.members = this.intents.map(() => []);
    labels.forEach((l, i) => this.members[pos.get(l)!]!.push(i));
    this.sumGram = new Float64Array(this.intents.length);
    this.rowSum = new Float64Array(labels.length);
    if (method.kind === 'centroid') {
      this.members.forEach((m, c) => {
        for (const i of m) {
          let s = 0;
          for (const j of m) s += i === j ? 1 : gram(i, j);
          this.rowSum[i] = s;
          this.sumGram[c]! += s;
        }
      });
    }
  }

  /** Scores one query from its similarity to every training example (`sims[i]` for example i). */
  score(sims: ArrayLike<number>, exclude = -1): FewShotScores {
    const scores = new Float64Array(this.intents.length);
    let maxSimilarity = 0;
    for (let i = 0; i < sims.length; i++) if (i !== exclude && sims[i]! > maxSimilarity) maxSimilarity = sims[i]!;
    this.members.forEach((m, c) => {
      if (this.method.kind === 'centroid') {
        let dot = 0;
        for (const j of m) if (j !== exclude) dot += sims[j]!;
        let norm2 = this.sumGram[c]!;
        if (exclude >= 0 && this.labelIdx[exclude] === c) norm2 -= 2 * this.rowSum[exclude]! - 1;
        scores[c] = norm2 > 1e-12 ? dot / Math.sqrt(norm2) : 0;
      } else {
        const top = topK(m, sims, exclude, this.method.k);
        scores[c] = top;
      }
    });
    return { scores, maxSimilarity };
  }
}

/** Mean of the `k` largest `sims[j]` over `members` (skipping `exclude`); 0 when none. */
function topK(members: number[], sims: ArrayLike<number>, exclude: number, k: number): number {
  const best: number[] = [];
  for (const j of members) {
    if (j === exclude) continue;
    const s = sims[j]!;
    if (best.length < k) {
      best.push(s);
      best.sort((a, b) => b - a);
    } else if (s > best[k - 1]!) {
      best[k - 1] = s;
      best.sort((a, b) => b - a);
    }
  }
  if (best.length === 0) return 0;
  return best.reduce((a, b) => a + b, 0) / best.length;
}
