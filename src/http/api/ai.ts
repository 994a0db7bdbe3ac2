/**
 * Intents and knowledge-base API (admins, like /admin/ai and /admin/kb): intents with their
 * settings and training phrases (changes retrain the classifier), and KB articles.
 */
import { z } from 'zod';
import { findIntent, intentSettingsSchema, listExamples, listIntents } from '../../ai/intent-store';
import { articleInputSchema, createArticle, deleteArticle, getArticleOrThrow, listArticles, updateArticle } from '../../ai/kb/articles';
import { fail } from '../../core/errors';
import { pageOf } from '../../core/pagination';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole } from '../request-context';
import { apiFeature, doc } from './base';
import { idParams, intentExampleOut, intentOut, kbArticleOut, okOut, pageOut, pageQuery } from './schemas';

const intentOrThrow = (intent: ReturnType<typeof findIntent>) => {
  if (!intent) throw fail.notFound('Intent');
  return intent;
};

/** The intents and knowledge-base endpoints. */
export function aiApi(deps: HttpDeps) {
  const { core, ai } = deps;
  return apiFeature(deps, 'api-ai')
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/intents', ({ query }) => pageOf(listIntents(core), query, (i) => i.position), { query: pageQuery, ...doc('ai', 'Intents in order (admin; cursor pages)', pageOut(intentOut)) })
    .get('/intents/:id', ({ params }) => intentOrThrow(findIntent(core, params.id)), { params: idParams, ...doc('ai', 'One intent (admin)', intentOut) })
    .patch('/intents/:id', ({ params, body, auth, ip }) => {
      const current = intentOrThrow(findIntent(core, params.id));
      const { targetTeamId, labels, priority, enabled } = { ...current, ...body };
      return ai.intents.updateIntent(params.id, { targetTeamId, labels, priority, enabled }, actorOf(auth, ip));
    }, { params: idParams, body: intentSettingsSchema.partial(), ...doc('ai', 'Change the target team, labels, priority or enabled flag (admin; retrains)', intentOut) })
    .get('/intents/:id/examples', ({ params, query }) => {
      intentOrThrow(findIntent(core, params.id));
      return pageOf(listExamples(core, params.id), query);
    }, { params: idParams, query: pageQuery, ...doc('ai', 'Training phrases of an intent (admin; cursor pages)', pageOut(intentExampleOut)) })
    .post('/intents/:id/examples', async ({ params, body, auth, ip, set }) => {
      const row = await ai.intents.addExample(params.id, body.text, 'admin', actorOf(auth, ip));
      set.status = 201;
      return row;
    }, { params: idParams, body: z.object({ text: z.string() }), ...doc('ai', 'Add a training phrase (admin; retrains; 409 when the intent already has it)', intentExampleOut, 201) })
    .delete('/intent-examples/:id', async ({ params, auth, ip }) => {
      await ai.intents.removeExample(params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('ai', 'Remove a training phrase (admin; retrains)', okOut) })
    .get('/kb/articles', ({ query }) => pageOf(listArticles(core), query), { query: pageQuery, ...doc('kb', 'Knowledge-base articles (admin; cursor pages)', pageOut(kbArticleOut)) })
    .get('/kb/articles/:id', ({ params }) => getArticleOrThrow(core, params.id), { params: idParams, ...doc('kb', 'One article (admin)', kbArticleOut) })
    .post('/kb/articles', ({ body, auth, ip, set }) => {
      set.status = 201;
      return createArticle(core, body, actorOf(auth, ip));
    }, { body: articleInputSchema, ...doc('kb', 'Add an article the bot answers from (admin)', kbArticleOut, 201) })
    .put('/kb/articles/:id', ({ params, body, auth, ip }) => updateArticle(core, params.id, body, actorOf(auth, ip)),
      { params: idParams, body: articleInputSchema, ...doc('kb', 'Replace an article (admin)', kbArticleOut) })
    .delete('/kb/articles/:id', ({ params, auth, ip }) => {
      deleteArticle(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('kb', 'Delete an article (admin)', okOut) });
}
