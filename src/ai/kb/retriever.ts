/**
 * Retrieval over knowledge-base articles with the embedded classifier's machinery: every question
 * variant (and the title) is one document of character-n-gram TF-IDF features (text-features.ts,
 * sparse-vectors.ts) in an inverted index (inverted-index.ts). An article's similarity is its best
 * variant's cosine.
 *
 * Confidence: the best article's cosine times its share of a two-way softmax against the runner-up
 * (temperature 0.05). A close second article therefore lowers confidence (the question is
 * ambiguous), and an unrelated question keeps the low cosine it has. With one article the share is 1.
 */
import { InvertedIndex } from '../inverted-index';
import { TfidfVectorizer } from '../sparse-vectors';
import { extractFeatures, type FeatureCounts } from '../text-features';
import type { KbArticle } from './articles';

export const RETRIEVAL_TEMPERATURE = 0.05;

/** One ranked article. */
export interface RetrievalHit {
  article: KbArticle;
  /** Cosine of the closest question variant, in [0, 1]. */
  similarity: number;
  /** Calibrated confidence (see the file comment); only the first hit's is meaningful for decisions. */
  confidence: number;
}

/** Confidence of the best of two similarities (see the file comment). */
export function calibratedConfidence(best: number, second: number): number {
  const share = 1 / (1 + Math.exp((second - best) / RETRIEVAL_TEMPERATURE));
  return best * share;
}

/** An index over enabled articles; rebuild it (cheap) whenever articles change. */
export class KbRetriever {
  private readonly vectorizer = new TfidfVectorizer();
  private readonly index: InvertedIndex;
  private readonly owners: number[] = [];

  constructor(private readonly articles: KbArticle[]) {
    const docs: FeatureCounts[] = [];
    articles.forEach((a, i) => {
      for (const text of [a.title, ...a.questions]) {
        docs.push(extractFeatures(text));
        this.owners.push(i);
      }
    });
    this.index = new InvertedIndex(this.vectorizer.fitTransform(docs));
  }

  /** Number of indexed articles. */
  get size(): number {
    return this.articles.length;
  }

  /**
   * Ranks the articles for `query`, best first, keeping those with a positive similarity. With
   * `language`, only articles in that language are ranked.
   */
  search(query: string, opts: { language?: string | null; limit?: number } = {}): RetrievalHit[] {
    const vector = this.vectorizer.transform(extractFeatures(query));
    if (vector.idx.length === 0) return [];
    const sims = this.index.similarities(vector);
    const best = new Float64Array(this.articles.length);
    sims.forEach((s, doc) => {
      const owner = this.owners[doc]!;
      if (s > best[owner]!) best[owner] = s;
    });
    const ranked = this.articles
      .map((article, i) => ({ article, similarity: Math.min(1, best[i]!) }))
      .filter((h) => h.similarity > 0 && (!opts.language || h.article.language === opts.language))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, opts.limit ?? 5);
    return ranked.map((h, i) => ({ ...h, confidence: calibratedConfidence(h.similarity, ranked[i + 1]?.similarity ?? 0) }));
  }
}
