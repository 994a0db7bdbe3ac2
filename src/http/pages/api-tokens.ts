/**
 * API token pages: `/settings/tokens` for everyone's own tokens (create — the secret is rendered
 * once, never redirected into a URL — rename, revoke) and `/admin/tokens` for admins (every user's
 * tokens, revoke). Same core calls as `/api/v1/tokens`; every action is audited there.
 */
import { Elysia, t as schema } from 'elysia';
import { apiTokenInputSchema, createApiToken, listApiTokens, renameApiToken, revokeApiToken } from '../../core/api-tokens';
import { listUsers } from '../../core/users';
import { allTokensPage, tokensPage } from '../../../views/settings/api-tokens-page';
import { formFailure } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole, requireUser } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const BACK = new Set(['/settings/tokens', '/admin/tokens']);

/** The token pages. */
export function apiTokenPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'api-token-pages' })
    .use(requestContext(deps))
    .get('/settings/tokens', ({ auth, page, query }) => {
      const user = requireUser(auth);
      return htmlResponse(tokensPage(page, listApiTokens(core, user.id), { ok: query.ok ? page.t(query.ok === 'revoked' ? 'tokens.revoked_ok' : 'tokens.saved') : null }));
    }, { query: schema.Object({ ok: schema.Optional(schema.String({ maxLength: 20 })) }) })
    .post('/settings/tokens', ({ auth, ip, page, body }) => {
      const user = requireUser(auth);
      const scopes = body.scopes === undefined ? [] : Array.isArray(body.scopes) ? body.scopes : [body.scopes];
      try {
        const input = apiTokenInputSchema.parse({ name: body.name, scopes: scopes.filter((s) => s !== 'admin' || user.role === 'admin') });
        const created = createApiToken(core, user.id, input.name, actorOf(auth, ip), input.scopes);
        return htmlResponse(tokensPage(page, listApiTokens(core, user.id), { created: { name: created.record.name, token: created.token } }), 201);
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(tokensPage(page, listApiTokens(core, user.id), { error: failure.message ?? Object.values(failure.errors)[0] ?? null }), failure.status);
      }
    }, { body: schema.Object({ name: schema.String({ maxLength: 200 }), scopes: schema.Optional(schema.Union([schema.String(), schema.Array(schema.String())])), _csrf: schema.Optional(schema.String()) }) })
    .post('/settings/tokens/:id/rename', ({ auth, ip, params, body }) => {
      renameApiToken(core, requireUser(auth), params.id, body.name, actorOf(auth, ip));
      return redirect('/settings/tokens?ok=saved');
    }, { body: schema.Object({ name: schema.String({ maxLength: 100 }), _csrf: schema.Optional(schema.String()) }) })
    .post('/settings/tokens/:id/revoke', ({ auth, ip, params, body }) => {
      revokeApiToken(core, requireUser(auth), params.id, actorOf(auth, ip));
      return redirect(`${body.back && BACK.has(body.back) ? body.back : '/settings/tokens'}?ok=revoked`);
    }, { body: schema.Object({ back: schema.Optional(schema.String({ maxLength: 40 })), _csrf: schema.Optional(schema.String()) }) })
    .get('/admin/tokens', ({ auth, page, query }) => {
      requireRole(auth, 'admin');
      const owners = new Map(listUsers(core).map((u) => [u.id, u.name]));
      return htmlResponse(allTokensPage(page, listApiTokens(core, null), owners, query.ok ? page.t('tokens.revoked_ok') : null));
    }, { query: schema.Object({ ok: schema.Optional(schema.String({ maxLength: 20 })) }) });
}
