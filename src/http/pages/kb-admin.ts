/** /admin/kb (admins only): knowledge-base articles — list, create, edit, delete, enable, CSV import. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import {
  createArticle, deleteArticle, getArticleOrThrow, importArticlesCsv, listArticles, setArticleEnabled, splitQuestions, splitTags,
  updateArticle, type ArticleInput,
} from '../../ai/kb/articles';
import { fail } from '../../core/errors';
import { kbEditPage, kbListPage } from '../../../views/ai/admin-kb';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';
import { formFailureText } from '../form-errors';

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const articleForm = z.object({
  title: z.string().default(''), questions: z.string().default(''), answer: z.string().default(''),
  language: z.string().default('es'), tags: z.string().default(''), enabled: z.string().optional(),
});

/** Form fields → article input (validated by core). */
function toInput(body: unknown): ArticleInput {
  const f = articleForm.parse(body ?? {});
  return {
    title: f.title, questions: splitQuestions(f.questions), answer: f.answer, language: f.language as ArticleInput['language'],
    tags: splitTags(f.tags), enabled: f.enabled === 'true' || f.enabled === 'on',
  };
}

/** Knowledge-base admin pages. */
export function kbAdminPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'kb-admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth, path }) => {
      if (path.startsWith('/admin/kb')) requireRole(auth, 'admin');
    })
    .get('/admin/kb', ({ page, query }) => {
      const ok = typeof query.ok === 'string' && /^[a-z_]+$/.test(query.ok) ? { kind: 'success' as const, text: page.t(`kb.ok.${query.ok}`, { n: String(query.n ?? '') }) } : null;
      return htmlResponse(kbListPage(page, listArticles(core), ok));
    })
    .post('/admin/kb', ({ body, page, auth, ip }) => {
      const input = toInput(body);
      try {
        createArticle(core, input, actorOf(auth, ip));
        return redirect('/admin/kb?ok=created');
      } catch (error) {
        return htmlResponse(kbListPage(page, listArticles(core), { kind: 'error', text: formFailureText(error, page.t) }, input as never), 422);
      }
    })
    .post('/admin/kb/import', async ({ body, page, auth, ip }) => {
      try {
        const file = (body as Record<string, unknown> | null)?.file;
        if (!(file instanceof Blob) || file.size === 0) throw fail.unprocessable(page.t('ai.eval_no_file'), { field: 'file' });
        if (file.size > MAX_IMPORT_BYTES) throw fail.unprocessable(page.t('ai.eval_too_big'), { field: 'file' });
        const n = importArticlesCsv(core, await file.text(), actorOf(auth, ip));
        return redirect(`/admin/kb?ok=imported&n=${n}`);
      } catch (error) {
        return htmlResponse(kbListPage(page, listArticles(core), { kind: 'error', text: formFailureText(error, page.t) }), 422);
      }
    })
    .get('/admin/kb/:id', ({ params, page }) => htmlResponse(kbEditPage(page, getArticleOrThrow(core, params.id))))
    .post('/admin/kb/:id', ({ params, body, page, auth, ip }) => {
      try {
        updateArticle(core, params.id, toInput(body), actorOf(auth, ip));
        return redirect('/admin/kb?ok=updated');
      } catch (error) {
        return htmlResponse(kbEditPage(page, getArticleOrThrow(core, params.id), { kind: 'error', text: formFailureText(error, page.t) }), 422);
      }
    })
    .post('/admin/kb/:id/enabled', ({ params, body, auth, ip }) => {
      setArticleEnabled(core, params.id, (body as Record<string, string> | null)?.enabled === 'true', actorOf(auth, ip));
      return redirect('/admin/kb?ok=updated');
    })
    .post('/admin/kb/:id/delete', ({ params, auth, ip }) => {
      deleteArticle(core, params.id, actorOf(auth, ip));
      return redirect('/admin/kb?ok=deleted');
    });
}
