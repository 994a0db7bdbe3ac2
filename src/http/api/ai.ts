/**
 * Intents and knowledge-base API (admins, like /admin/ai and /admin/kb): intents with their
 * settings and training phrases (changes retrain the classifier), CSV export/import of intents and
 * examples, and KB articles.
 */
import { t as schema } from 'elysia';
import { z } from 'zod';
import { exportIntentsCsv, importIntentsCsv, MAX_INTENT_CSV_BYTES } from '../../ai/intent-csv';
import { findIntent, intentSettingsSchema, listExamples, listIntents } from '../../ai/intent-store';
import { articleInputSchema, createArticle, deleteArticle, getArticleOrThrow, listArticles, updateArticle } from '../../ai/kb/articles';
import { fail } from '../../core/errors';
import { pageOf } from '../../core/pagination';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole } from '../request-context';
import { apiFeature, doc } from './base';
import { idParams, intentExampleOut, intentOut, kbArticleOut, okOut, pageOut, pageQuery } from './schemas';

const flag = z.enum(['true', 'false', '1', '0']).optional();
const importQuery = z.object({ dryRun: flag, replace: flag });
const isOn = (v: string | undefined) => v === 'true' || v === '1';
const importOut = z.object({
  rows: z.number().int(), intentsCreated: z.array(z.string()), intentsRenamed: z.array(z.string()),
  examplesAdded: z.number().int(), duplicates: z.number().int(), examplesRemoved: z.number().int(), invalidRows: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })), dryRun: z.boolean(), replace: z.boolean(), applied: z.boolean(),
});

/** The CSV text of an import request: a multipart `file` or the raw text/csv body (422 when missing or too big). */
async function importedCsv(body: unknown): Promise<string> {
  const file = body && typeof body === 'object' ? (body as { file?: unknown }).file : undefined;
  const text = typeof body === 'string' ? body : file instanceof Blob ? await file.text() : null;
  if (text === null || text.trim() === '') throw fail.unprocessable('Send the CSV as a multipart "file" or as a text/csv body', { field: 'file' });
  if (new TextEncoder().encode(text).length > MAX_INTENT_CSV_BYTES) throw fail.unprocessable('The file is larger than 5 MB', { field: 'file' });
  return text;
}

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
    .get('/intents/export', () => new Response(exportIntentsCsv(core), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="intents.csv"' },
    }), { detail: { tags: ['ai'], summary: 'Every intent and training phrase as CSV: intent, example, name_en, name_es, name_pt (UTF-8 with BOM; admin)', responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } } } })
    .post('/intents/import', async ({ body, query, auth, ip }) => {
      const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const form = importQuery.parse({ dryRun: fields.dryRun, replace: fields.replace });
      const options = { dryRun: isOn(query.dryRun) || isOn(form.dryRun), replace: isOn(query.replace) || isOn(form.replace) };
      const report = await importIntentsCsv(ai.intents, await importedCsv(body), options, actorOf(auth, ip));
      if (report.invalidRows > 0 && !report.dryRun) {
        const first = report.errors[0]!;
        throw fail.unprocessable(`${report.invalidRows} line(s) are invalid; nothing was imported (first: line ${first.line}: ${first.message})`, { field: 'file', line: first.line, invalidRows: report.invalidRows, errors: report.errors });
      }
      return report;
    }, {
      query: importQuery,
      body: schema.Union([schema.String(), schema.Object({ file: schema.File(), dryRun: schema.Optional(schema.String()), replace: schema.Optional(schema.String()) })]),
      ...doc('ai', 'Import intents and examples from CSV (multipart `file` or a text/csv body; columns intent, example and optional name_en/name_es/name_pt). '
        + 'Adds examples, skips duplicates, creates missing intents; `replace=true` also removes the examples of the named intents that the file lacks; '
        + '`dryRun=true` only reports. 422 lists the invalid lines (the first 100; `invalidRows` counts them) and stores nothing (admin; retrains)', importOut),
    })
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
