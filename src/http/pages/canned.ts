/**
 * `/settings/canned`: manage canned responses (core `canned.ts` enforces who may change what and
 * audits). Classic form posts; validation failures re-render the page with inline errors.
 */
import { Elysia, t as schema } from 'elysia';
import { createCanned, deleteCanned, listCanned, updateCanned } from '../../core/canned';
import type { PublicUser } from '../../core/types';
import { cannedPage, type CannedPageState } from '../../../views/settings/canned-page';
import type { PageContext } from '../../../views/context';
import { formFailure, formStrings } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireUser } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const cannedForm = schema.Object({
  shortcut: schema.String({ maxLength: 60 }), title: schema.String({ maxLength: 200 }), content: schema.String({ maxLength: 5000 }),
  shared: schema.Optional(schema.String()), _csrf: schema.Optional(schema.String()),
});

/** Canned response management routes. */
export function cannedPages(deps: HttpDeps) {
  const { core } = deps;
  const render = (page: PageContext, user: PublicUser, state: CannedPageState, status = 200) => htmlResponse(cannedPage(page, listCanned(core, user), state), status);
  const failed = (page: PageContext, user: PublicUser, form: string, body: unknown, error: unknown) => {
    const failure = formFailure(error, page.t);
    if (!failure) throw error;
    return render(page, user, { failed: { form, errors: failure.errors, message: failure.message, values: formStrings(body) } }, failure.status);
  };
  return new Elysia({ name: 'canned-pages' })
    .use(requestContext(deps))
    .get('/settings/canned', ({ auth, page, query }) => render(page, requireUser(auth), { ok: query.ok ? page.t('canned.saved') : null }),
      { query: schema.Object({ ok: schema.Optional(schema.String({ maxLength: 10 })) }) })
    .post('/settings/canned', ({ auth, ip, page, body }) => {
      const user = requireUser(auth);
      try {
        createCanned(core, user, { shortcut: body.shortcut, title: body.title, content: body.content, shared: body.shared === 'true' }, actorOf(auth, ip));
        return redirect('/settings/canned?ok=1');
      } catch (error) { return failed(page, user, 'new', body, error); }
    }, { body: cannedForm })
    .post('/settings/canned/:id', ({ auth, ip, page, params, body }) => {
      const user = requireUser(auth);
      try {
        updateCanned(core, user, params.id, { shortcut: body.shortcut, title: body.title, content: body.content }, actorOf(auth, ip));
        return redirect('/settings/canned?ok=1');
      } catch (error) { return failed(page, user, params.id, body, error); }
    }, { body: cannedForm })
    .post('/settings/canned/:id/delete', ({ auth, ip, params }) => {
      deleteCanned(core, requireUser(auth), params.id, actorOf(auth, ip));
      return redirect('/settings/canned?ok=1');
    });
}
