/**
 * /admin/ai (admins only): classifier status, bot settings and stats, generative settings, intents
 * and their examples (and their CSV export/import), the learning queue, CSV evaluation and a "try a
 * message" box. Routes only
 * translate forms into calls on the AI runtime and core; every change is audited there.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { parseLabelledCsv } from '../../ai/csv';
import { evaluate, type Evaluation } from '../../ai/evaluate';
import { exportIntentsCsv, importIntentsCsv, MAX_INTENT_CSV_BYTES } from '../../ai/intent-csv';
import { findIntent, listExamples, listIntents } from '../../ai/intent-store';
import { botStats } from '../../ai/kb/ratings';
import { approveSuggestion, listSuggestions, rejectSuggestion } from '../../ai/learning';
import { count, eq } from 'drizzle-orm';
import { intentExamples } from '../../db/schema';
import { fail } from '../../core/errors';
import { getSetting, setSetting } from '../../core/settings';
import { listTeams } from '../../core/teams';
import { encryptSecret } from '../../lib/crypto';
import { aiAdminPage, tryResult, type AiPageData } from '../../../views/ai/admin-ai';
import { intentPage } from '../../../views/ai/admin-intent';
import type { PageContext } from '../../../views/context';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';
import { formFailureText } from '../form-errors';

const MAX_EVAL_BYTES = 2 * 1024 * 1024;
const checkbox = z.preprocess((v) => v === 'true' || v === 'on' || v === true, z.boolean());
const botForm = z.object({ enabled: checkbox, threshold: z.coerce.number().min(0).max(1), mode: z.enum(['always', 'after_hours']) });
const generativeForm = z.object({
  enabled: checkbox,
  baseUrl: z.union([z.literal(''), z.url({ message: 'Write the endpoint as a full URL, e.g. http://localhost:11434' })]),
  model: z.string().trim().max(200),
  apiKey: z.string().max(1000).default(''),
}).refine((v) => !v.enabled || (v.baseUrl && v.model), { message: 'Set the base URL and the model to enable generative answers', path: ['baseUrl'] });
const intentForm = z.object({ targetTeamId: z.string().default(''), labels: z.string().default(''), priority: z.coerce.number().int().min(0).max(100), enabled: checkbox });
const textForm = z.object({ text: z.string().trim().min(1, 'Write a message').max(1000) });

type Flash = AiPageData['flash'];

/** Admin pages of the AI layer. */
export function aiAdminPages(deps: HttpDeps) {
  const { core, ai } = deps;

  const pageData = (extra: Partial<AiPageData> = {}): AiPageData => {
    const counts = new Map(core.db.select({ id: intentExamples.intentId, n: count() }).from(intentExamples).groupBy(intentExamples.intentId).all().map((r) => [r.id, r.n]));
    const gen = getSetting(core, 'ai.generative');
    return {
      status: ai.classifier.status(), exampleCount: ai.intents.exampleCount, stats: botStats(core),
      bot: getSetting(core, 'ai.bot'), allowModelDownloads: getSetting(core, 'ai.allowModelDownloads'),
      generative: { enabled: gen.enabled, baseUrl: gen.baseUrl, model: gen.model, hasKey: gen.apiKeySealed !== '' },
      intents: listIntents(core).map((i) => ({ ...i, examples: counts.get(i.id) ?? 0 })),
      teams: listTeams(core), suggestions: listSuggestions(core), ...extra,
    };
  };
  const page = (ctx: PageContext, extra: Partial<AiPageData> = {}, status = 200) => htmlResponse(aiAdminPage(ctx, pageData(extra)), status);
  const flashOf = (ctx: PageContext, ok: unknown): Flash => (typeof ok === 'string' && /^[a-z_]+$/.test(ok) ? { kind: 'success', text: ctx.t(`ai.ok.${ok}`) } : null);
  const intentView = (ctx: PageContext, id: string, flash: Flash = null, status = 200) => {
    const intent = findIntent(core, id);
    if (!intent) throw fail.notFound('Intent');
    return htmlResponse(intentPage(ctx, intent, listExamples(core, id), listTeams(core), flash), status);
  };

  return new Elysia({ name: 'ai-admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth, path }) => {
      if (path.startsWith('/admin/ai')) requireRole(auth, 'admin');
    })
    .get('/admin/ai', ({ page: ctx, query }) => page(ctx, { flash: flashOf(ctx, query.ok) }))
    .post('/admin/ai/bot', ({ body, page: ctx, auth, ip }) => {
      try {
        setSetting(core, 'ai.bot', botForm.parse(body ?? {}), actorOf(auth, ip));
        return redirect('/admin/ai?ok=bot_saved');
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .post('/admin/ai/generative', ({ body, page: ctx, auth, ip }) => {
      try {
        const form = generativeForm.parse(body ?? {});
        const current = getSetting(core, 'ai.generative');
        const apiKeySealed = form.apiKey ? encryptSecret(core.config.secretKey, form.apiKey) : current.apiKeySealed;
        setSetting(core, 'ai.generative', { enabled: form.enabled, baseUrl: form.baseUrl, model: form.model, apiKeySealed }, actorOf(auth, ip));
        return redirect('/admin/ai?ok=generative_saved');
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .post('/admin/ai/downloads', ({ body, auth, ip }) => {
      setSetting(core, 'ai.allowModelDownloads', (body as Record<string, string> | null)?.allow === 'true', actorOf(auth, ip));
      return redirect('/admin/ai?ok=downloads_saved');
    })
    .post('/admin/ai/try', async ({ body, page: ctx, isHtmx }) => {
      try {
        const { text } = textForm.parse(body ?? {});
        const tried = { text, result: await ai.classifyIntent(text) };
        return isHtmx ? htmlResponse(tryResult(ctx, tried)) : page(ctx, { tried });
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .post('/admin/ai/eval', async ({ body, page: ctx }) => {
      const file = (body as Record<string, unknown> | null)?.file;
      let evaluation: Evaluation;
      try {
        if (!(file instanceof Blob) || file.size === 0) throw fail.unprocessable(ctx.t('ai.eval_no_file'), { field: 'file' });
        if (file.size > MAX_EVAL_BYTES) throw fail.unprocessable(ctx.t('ai.eval_too_big'), { field: 'file' });
        let rows: Array<{ text: string; intent: string }>;
        try {
          rows = parseLabelledCsv(await file.text());
        } catch (error) {
          throw fail.unprocessable((error as Error).message, { field: 'file' });
        }
        if (rows.length === 0) throw fail.unprocessable(ctx.t('ai.eval_empty'), { field: 'file' });
        await ai.intents.whenTrained();
        const active = ai.classifier.status().active === 'transformer' ? ai.classifier.transformer! : ai.classifier.embedded;
        evaluation = await evaluate(active, rows);
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
      return page(ctx, { evaluation });
    })
    .get('/admin/ai/intents.csv', () => new Response(exportIntentsCsv(core), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="intents.csv"' },
    }))
    .post('/admin/ai/import', async ({ body, page: ctx, auth, ip }) => {
      const form = (body ?? {}) as Record<string, unknown>;
      try {
        const file = form.file;
        if (!(file instanceof Blob) || file.size === 0) throw fail.unprocessable(ctx.t('intents_csv.no_file'), { field: 'file' });
        if (file.size > MAX_INTENT_CSV_BYTES) throw fail.unprocessable(ctx.t('intents_csv.too_big'), { field: 'file' });
        const options = { dryRun: checkbox.parse(form.dryRun), replace: checkbox.parse(form.replace) };
        const importReport = await importIntentsCsv(ai.intents, await file.text(), options, actorOf(auth, ip));
        return page(ctx, { importReport }, importReport.invalidRows > 0 && !importReport.dryRun ? 422 : 200);
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .post('/admin/ai/suggestions/:id/approve', async ({ params, body, auth, ip, page: ctx }) => {
      try {
        const intentId = z.object({ intentId: z.string().default('') }).parse(body ?? {}).intentId || null;
        await approveSuggestion(core, ai.intents, params.id, intentId, actorOf(auth, ip));
        return redirect('/admin/ai?ok=suggestion_approved');
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .post('/admin/ai/suggestions/:id/reject', ({ params, auth, ip, page: ctx }) => {
      try {
        rejectSuggestion(core, params.id, actorOf(auth, ip));
        return redirect('/admin/ai?ok=suggestion_rejected');
      } catch (error) {
        return page(ctx, { flash: { kind: 'error', text: formFailureText(error, ctx.t) } }, 422);
      }
    })
    .get('/admin/ai/intents/:id', ({ params, page: ctx, query }) => intentView(ctx, params.id, flashOf(ctx, query.ok)))
    .post('/admin/ai/intents/:id', async ({ params, body, auth, ip, page: ctx }) => {
      try {
        const form = intentForm.parse(body ?? {});
        await ai.intents.updateIntent(params.id, {
          targetTeamId: form.targetTeamId || null, priority: form.priority, enabled: form.enabled,
          labels: form.labels.split(',').map((l) => l.trim()).filter(Boolean),
        }, actorOf(auth, ip));
        return redirect(`/admin/ai/intents/${params.id}?ok=intent_saved`);
      } catch (error) {
        return intentView(ctx, params.id, { kind: 'error', text: formFailureText(error, ctx.t) }, 422);
      }
    })
    .post('/admin/ai/intents/:id/examples', async ({ params, body, auth, ip, page: ctx }) => {
      try {
        await ai.intents.addExample(params.id, textForm.parse(body ?? {}).text, 'admin', actorOf(auth, ip));
        return redirect(`/admin/ai/intents/${params.id}?ok=example_added`);
      } catch (error) {
        return intentView(ctx, params.id, { kind: 'error', text: formFailureText(error, ctx.t) }, 422);
      }
    })
    .post('/admin/ai/examples/:id/delete', async ({ params, auth, ip }) => {
      const intentId = core.db.select({ intentId: intentExamples.intentId }).from(intentExamples).where(eq(intentExamples.id, params.id)).get()?.intentId;
      await ai.intents.removeExample(params.id, actorOf(auth, ip));
      return redirect(`/admin/ai/intents/${intentId}?ok=example_removed`);
    });
}
