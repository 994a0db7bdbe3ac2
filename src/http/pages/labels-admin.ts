/**
 * `/settings/labels` for supervisors and admins: create, rename/recolour and delete labels
 * (core `labels.ts` validates and audits; deleting removes the label from every conversation).
 */
import { Elysia, t as schema } from 'elysia';
import { sql } from 'drizzle-orm';
import { createLabel, deleteLabel, listLabels, updateLabel } from '../../core/labels';
import { conversationLabels } from '../../db/schema';
import { labelsPage, type LabelsPageState } from '../../../views/settings/labels-page';
import type { PageContext } from '../../../views/context';
import { formFailure, formStrings } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const labelForm = schema.Object({ name: schema.String({ maxLength: 100 }), color: schema.String({ maxLength: 20 }), _csrf: schema.Optional(schema.String()) });

/** Label management routes. */
export function labelsAdminPages(deps: HttpDeps) {
  const { core } = deps;
  const render = (page: PageContext, state: LabelsPageState, status = 200) => {
    const usage = new Map(core.db.select({ id: conversationLabels.labelId, n: sql<number>`count(*)` }).from(conversationLabels)
      .groupBy(conversationLabels.labelId).all().map((r) => [r.id, r.n]));
    return htmlResponse(labelsPage(page, listLabels(core), usage, state), status);
  };
  const failed = (page: PageContext, form: string, body: unknown, error: unknown) => {
    const failure = formFailure(error, page.t);
    if (!failure) throw error;
    return render(page, { failed: { form, errors: failure.errors, message: failure.message, values: formStrings(body) } }, failure.status);
  };
  return new Elysia({ name: 'labels-admin' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth, pathname }) => { if (pathname.startsWith('/settings/labels')) requireRole(auth, 'supervisor'); })
    .get('/settings/labels', ({ page, query }) => render(page, { ok: query.ok ? page.t('labels.saved') : null }),
      { query: schema.Object({ ok: schema.Optional(schema.String({ maxLength: 10 })) }) })
    .post('/settings/labels', ({ auth, ip, page, body }) => {
      try {
        createLabel(core, { name: body.name, color: body.color }, actorOf(auth, ip));
        return redirect('/settings/labels?ok=1');
      } catch (error) { return failed(page, 'new', body, error); }
    }, { body: labelForm })
    .post('/settings/labels/:id', ({ auth, ip, page, params, body }) => {
      try {
        updateLabel(core, params.id, { name: body.name, color: body.color }, actorOf(auth, ip));
        return redirect('/settings/labels?ok=1');
      } catch (error) { return failed(page, params.id, body, error); }
    }, { body: labelForm })
    .post('/settings/labels/:id/delete', ({ auth, ip, params }) => {
      deleteLabel(core, params.id, actorOf(auth, ip));
      return redirect('/settings/labels?ok=1');
    });
}
