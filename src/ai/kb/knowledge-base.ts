/**
 * The bot's view of the knowledge base: a retriever over the enabled articles, rebuilt lazily when
 * the articles change (detected by their count and latest update time, so any writer — admin page,
 * CSV import, CLI — is picked up without explicit invalidation).
 */
import { count, eq, max } from 'drizzle-orm';
import { kbArticles } from '../../db/schema';
import type { Core } from '../../core/context';
import { KbRetriever, type RetrievalHit } from './retriever';

/** Cached retrieval over enabled articles. */
export class KnowledgeBase {
  private cached: { signature: string; retriever: KbRetriever } | null = null;

  constructor(private readonly core: Core) {}

  private signature(): string {
    const row = this.core.db.select({ n: count(), at: max(kbArticles.updatedAt) }).from(kbArticles).where(eq(kbArticles.enabled, true)).get();
    return `${row?.n ?? 0}:${row?.at ?? 0}`;
  }

  /** The retriever for the current articles. */
  retriever(): KbRetriever {
    const signature = this.signature();
    if (this.cached?.signature !== signature) {
      const articles = this.core.db.select().from(kbArticles).where(eq(kbArticles.enabled, true)).all();
      this.cached = { signature, retriever: new KbRetriever(articles) };
    }
    return this.cached.retriever;
  }

  /**
   * Best articles for `question`: those in `language` when the best of them reaches `threshold`,
   * otherwise the best over every language. The first hit is the one to answer with.
   */
  search(question: string, language: string | null, threshold: number): RetrievalHit[] {
    const retriever = this.retriever();
    if (language) {
      const own = retriever.search(question, { language });
      if (own[0] && own[0].confidence >= threshold) return own;
    }
    return retriever.search(question);
  }
}
