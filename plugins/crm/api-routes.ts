/**
 * The JSON API for integrators, under `/plugins/crm/api/`. Callers authenticate like the rest of
 * Turno's API (a session with the X-CSRF-Token header, or `Authorization: Bearer <API token>`)
 * and see what the user behind them sees (deals.ts). Errors have Turno's shape:
 * `{ "error": { "code", "message", "field"? } }`.
 */
import type { Locale, PluginApp } from 'turno/plugin';
import type { Crm } from './context';
import type { Refusal } from './deals';
import { nameOf } from './format';
import { listQuerySchema, validate } from './schemas';
import type { Pipeline } from './store';

const CODES = { 404: 'not_found', 422: 'unprocessable' } as const;

/** Mounts `/api/pipelines` and `/api/deals…` on the plugin's signed-in routes. */
export function apiRoutes(crm: Crm) {
  const refusal = (r: Refusal, locale: Locale) =>
    Response.json({ error: { code: CODES[r.status], message: crm.tr(locale)(r.key), ...(r.field ? { field: r.field } : {}) } }, { status: r.status });

  /** Pipelines with display names in the caller's language. */
  const named = (pipelines: Pipeline[], locale: Locale) => {
    const t = crm.tr(locale);
    return pipelines.map((p) => ({ ...p, displayName: nameOf(p, t), stages: p.stages.map((s) => ({ ...s, displayName: nameOf(s, t) })) }));
  };

  return (app: PluginApp) => app
    .get('/api/pipelines', ({ locale }) => ({ pipelines: named(crm.store.listPipelines(), locale) }))
    .get('/api/deals', ({ query, user, core, locale }) => {
      const parsed = validate(listQuerySchema, query);
      if (!parsed.ok) return refusal({ ok: false, status: 422, key: parsed.key, field: parsed.field }, locale);
      // A page can hold fewer than `limit` deals when some are hidden from the caller; follow nextCursor until null.
      const page = crm.store.listDeals(parsed.data);
      return { deals: page.deals.filter(crm.deals.visibleFilter({ user: user!, core })), nextCursor: page.nextCursor };
    })
    .post('/api/deals', ({ body, user, core, locale }) => {
      const result = crm.deals.create(body, { user: user!, core });
      return result.ok ? Response.json(result.value, { status: 201 }) : refusal(result, locale);
    })
    .get('/api/deals/:id', ({ params, user, core, locale }) => {
      const deal = crm.deals.visible(params.id, { user: user!, core });
      if (!deal) return refusal({ ok: false, status: 404, key: 'crm.error.deal' }, locale);
      return { ...deal, history: crm.store.historyOf(deal.id) };
    })
    .patch('/api/deals/:id', ({ params, body, user, core, locale }) => {
      const result = crm.deals.update(params.id, body, { user: user!, core });
      return result.ok ? result.value : refusal(result, locale);
    })
    .post('/api/deals/:id/move', ({ params, body, user, core, locale }) => {
      const result = crm.deals.move(params.id, body, { user: user!, core });
      return result.ok ? result.value.deal : refusal(result, locale);
    });
}
