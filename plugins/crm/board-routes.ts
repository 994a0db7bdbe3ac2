/**
 * The board page, its no-JavaScript move form, and the two static files it loads (served by the
 * plugin itself from assets/, so the plugin folder is all an installation needs).
 */
import { join } from 'node:path';
import type { PluginApp } from 'turno/plugin';
import { boardPage } from './board';
import { htmlResponse, type Crm } from './context';

const ASSETS: Record<string, string> = {
  'crm.css': 'text/css; charset=utf-8',
  'board.js': 'text/javascript; charset=utf-8',
};

/** Mounts `/board`, `/board/deals/:id/move` and `/assets/:file` on the plugin's signed-in routes. */
export function boardRoutes(crm: Crm) {
  return (app: PluginApp) => app
    .get('/board', ({ query, user, core, locale, csrfToken }) => {
      const t = crm.tr(locale);
      const pipelines = crm.store.listPipelines();
      const pipeline = pipelines.find((p) => p.id === query.pipeline) ?? pipelines[0];
      if (!pipeline) return htmlResponse(t('crm.error.pipeline'), 404);
      const canSee = crm.deals.visibleFilter({ user: user!, core });
      return htmlResponse(boardPage({
        pipelines, pipeline, deals: crm.store.dealsOfPipeline(pipeline.id).filter(canSee),
        user: user!, t, locale, csrfToken, defaultCurrency: crm.settings().currency,
        rottingDays: crm.settings().rottingDays, now: Date.now(),
        error: typeof query.error === 'string' && /^crm\.error\.\w+$/.test(query.error) ? t(query.error) : undefined,
      }));
    })
    .post('/board/deals/:id/move', ({ params, body, user, core, redirect }) => {
      const result = crm.deals.move(params.id, body, { user: user!, core });
      const back = new URLSearchParams(result.ok ? { pipeline: result.value.stage.pipelineId } : { error: result.key });
      return redirect(`/plugins/crm/board?${back}`, 303);
    })
    .get('/assets/:file', ({ params, status }) => {
      const type = ASSETS[params.file];
      if (!type) return status(404, 'Not found');
      return new Response(Bun.file(join(import.meta.dir, 'assets', params.file)), { headers: { 'content-type': type, 'cache-control': 'no-cache' } });
    });
}
