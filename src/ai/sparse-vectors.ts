/**
 * Sparse vectors and a TF-IDF vectoriser over hashed feature ids (see text-features.ts). Vectors
 * are L2-normalised so that a dot product is a cosine similarity.
 */
import type { FeatureCounts } from './text-features';

/** A sparse vector: feature indices in ascending order and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Dot product of two sparse vectors (merge over the sorted indices). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) sum += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf) and smoothed idf (ln((1+N)/(1+df)) + 1), as in
 * scikit-learn. Features never seen in `fit` are ignored by `transform`.
 */
export class TfidfVectorizer {
  private vocab = new Map<number, number>();
  private idf: Float64Array = new Float64Array(0);

  /** Number of distinct features learnt by `fit`. */
  get size(): number {
    return this.vocab.size;
  }

  /** Learns the vocabulary and idf weights from the feature counts of the training documents. */
  fit(docs: FeatureCounts[]): void {
    this.vocab = new Map();
    const df: number[] = [];
    let n = 0;
    for (const doc of docs) {
      n++;
      for (const f of doc.ids) {
        let id = this.vocab.get(f);
        if (id === undefined) {
          id = this.vocab.size;
          this.vocab.set(f, id);
          df.push(0);
        }
        df[id]!++;
      }
    }
    this.idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  }

  /** Turns feature counts into a unit-length TF-IDF vector. */
  transform(doc: FeatureCounts): SparseVector {
    const ids: number[] = [];
    const tfs: number[] = [];
    doc.ids.forEach((f, k) => {
      const id = this.vocab.get(f);
      if (id !== undefined) ids.push(id), tfs.push(doc.counts[k]!);
    });
    const order = Float64Array.from(ids, (id, k) => id * 65536 + k).sort();
    const idx = new Int32Array(ids.length);
    const val = new Float32Array(ids.length);
    let norm = 0;
    order.forEach((key, k) => {
      const pos = key % 65536;
      idx[k] = ids[pos]!;
      const v = (1 + Math.log(tfs[pos]!)) * this.idf[idx[k]!]!;
      val[k] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < val.length; k++) val[k]! /= norm;
    return { idx, val };
  }
}
