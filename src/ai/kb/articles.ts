/**
 * Knowledge-base articles: question variants, one answer, a language and tags. Admins edit them at
 * /admin/kb or import a CSV (question,answer,language,tags; several question variants separated by
 * `|`, several tags by `|` or `;`). Every change is audited; `onChange` lets the retriever rebuild.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { kbArticles } from '../../db/schema';
import { transaction } from '../../db/client';
import { newId } from '../../lib/ids';
import { recordAudit } from '../../core/audit';
import type { Core } from '../../core/context';
import { fail } from '../../core/errors';
import type { Actor } from '../../core/types';
import { readCsvFile } from '../../core/csv-file';

export type KbArticle = typeof kbArticles.$inferSelect;
export const KB_LANGUAGES = ['es', 'pt', 'en'] as const;

const splitList = (value: string, sep: RegExp) => value.split(sep).map((s) => s.trim()).filter(Boolean);

export const articleInputSchema = z.object({
  title: z.string().trim().max(200).default(''),
  questions: z.array(z.string().trim().min(1).max(500)).min(1, 'Write at least one question').max(50),
  answer: z.string().trim().min(1, 'Write the answer').max(4000, 'A WhatsApp message holds at most 4096 characters'),
  language: z.enum(KB_LANGUAGES, { message: 'Choose es, pt or en' }),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  enabled: z.boolean().default(true),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

/** Parses the textarea/CSV forms: one question per line or separated by `|`. */
export function splitQuestions(value: string): string[] {
  return splitList(value, /\r?\n|\|/);
}

/** Parses a tag list separated by commas, `|` or `;`. */
export function splitTags(value: string): string[] {
  return splitList(value, /[,|;]/);
}

/** Every article, newest edit first. */
export function listArticles(core: Core): KbArticle[] {
  return core.db.select().from(kbArticles).orderBy(asc(kbArticles.title), asc(kbArticles.id)).all();
}

/** One article or `not_found`. */
export function getArticleOrThrow(core: Core, id: string): KbArticle {
  const row = core.db.select().from(kbArticles).where(eq(kbArticles.id, id)).get();
  if (!row) throw fail.notFound('Article');
  return row;
}

/** Creates an article (audited). The title defaults to the first question. */
export function createArticle(core: Core, input: ArticleInput, actor: Actor | null): KbArticle {
  const data = articleInputSchema.parse(input);
  const now = core.clock.now();
  const row: KbArticle = { id: newId(), ...data, title: data.title || data.questions[0]!, createdAt: now, updatedAt: now };
  transaction(core.db, () => {
    core.db.insert(kbArticles).values(row).run();
    recordAudit(core, actor, 'kb.article.create', { type: 'kb_article', id: row.id }, { title: row.title, language: row.language });
  });
  return row;
}

/** Replaces an article's content (audited). */
export function updateArticle(core: Core, id: string, input: ArticleInput, actor: Actor | null): KbArticle {
  const data = articleInputSchema.parse(input);
  const before = getArticleOrThrow(core, id);
  const changes = { ...data, title: data.title || data.questions[0]!, updatedAt: core.clock.now() };
  transaction(core.db, () => {
    core.db.update(kbArticles).set(changes).where(eq(kbArticles.id, id)).run();
    recordAudit(core, actor, 'kb.article.update', { type: 'kb_article', id }, { title: changes.title, enabled: changes.enabled });
  });
  return { ...before, ...changes };
}

/** Turns an article on or off (audited). */
export function setArticleEnabled(core: Core, id: string, enabled: boolean, actor: Actor | null): void {
  getArticleOrThrow(core, id);
  transaction(core.db, () => {
    core.db.update(kbArticles).set({ enabled, updatedAt: core.clock.now() }).where(eq(kbArticles.id, id)).run();
    recordAudit(core, actor, enabled ? 'kb.article.enable' : 'kb.article.disable', { type: 'kb_article', id });
  });
}

/** Deletes an article (audited). */
export function deleteArticle(core: Core, id: string, actor: Actor | null): void {
  const row = getArticleOrThrow(core, id);
  transaction(core.db, () => {
    core.db.delete(kbArticles).where(eq(kbArticles.id, id)).run();
    recordAudit(core, actor, 'kb.article.delete', { type: 'kb_article', id }, { title: row.title });
  });
}

/**
 * Imports articles from CSV text with a header holding `question` and `answer` (and optionally
 * `language`, `tags`, `title`). All rows are validated first; nothing is stored when one is
 * invalid, and the error names the line. Returns the number of articles created.
 */
export function importArticlesCsv(core: Core, csv: string, actor: Actor | null, defaultLanguage: (typeof KB_LANGUAGES)[number] = 'es'): number {
  const { header, body } = readCsvFile(csv);
  const names = header.map((h) => h.toLowerCase());
  const col = (name: string) => names.indexOf(name);
  if (col('question') < 0 || col('answer') < 0) throw fail.unprocessable('The CSV header must contain "question" and "answer" columns', { field: 'file' });
  const inputs = body.map((r, i) => {
    const cell = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? '').trim() : '');
    const parsed = articleInputSchema.safeParse({
      title: cell('title'), questions: splitQuestions(cell('question')), answer: cell('answer'),
      language: (cell('language') || defaultLanguage).toLowerCase().slice(0, 2), tags: splitTags(cell('tags')),
    });
    if (!parsed.success) throw fail.unprocessable(`Line ${i + 2}: ${parsed.error.issues[0]!.message}`, { field: 'file' });
    return parsed.data;
  });
  if (inputs.length === 0) throw fail.unprocessable('The CSV has no articles', { field: 'file' });
  transaction(core.db, () => {
    for (const input of inputs) createArticle(core, input, actor);
  });
  return inputs.length;
}
