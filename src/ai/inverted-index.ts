/**
 * Inverted index over sparse unit vectors: the similarity of a query to every indexed vector costs
 * one pass over the postings of the query's features instead of one merge per vector.
 */
import type { SparseVector } from './sparse-vectors';

/** Postings (document, weight) of each feature. */
export class InvertedIndex {
  private readonly postings = new Map<number, { docs: number[]; weights: number[] }>();
  readonly count: number;

  /** Indexes `vectors`; document ids are their positions. */
  constructor(vectors: SparseVector[]) {
    this.count = vectors.length;
    vectors.forEach((v, doc) => {
      for (let k = 0; k < v.idx.length; k++) {
        let p = this.postings.get(v.idx[k]!);
        if (!p) this.postings.set(v.idx[k]!, (p = { docs: [], weights: [] }));
        p.docs.push(doc);
        p.weights.push(v.val[k]!);
      }
    });
  }

  /** Cosine similarity of `query` to every indexed vector (all vectors being unit length). */
  similarities(query: SparseVector): Float32Array {
    const sims = new Float32Array(this.count);
    for (let k = 0; k < query.idx.length; k++) {
      const p = this.postings.get(query.idx[k]!);
      if (!p) continue;
      const q = query.val[k]!;
      for (let n = 0; n < p.docs.length; n++) sims[p.docs[n]!]! += q * p.weights[n]!;
    }
    return sims;
  }
}
