/**
 * API tokens API: list your tokens (admins: anyone's), create one (the secret is in this answer
 * only), rename, revoke. A token can only create tokens with scopes it has itself.
 */
import { z } from 'zod';
import { apiTokenInputSchema, apiTokenRenameSchema, createApiToken, getManagedTokenOrThrow, listApiTokens, renameApiToken, revokeApiToken } from '../../core/api-tokens';
import { fail } from '../../core/errors';
import { pageOf } from '../../core/pagination';
import { getUserOrThrow, hasRole } from '../../core/users';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { createdTokenOut, idParams, pageOut, pageQuery, tokenOut } from './schemas';
import { scopeError } from './token-limits';

/** The token management endpoints. */
export function tokensApi(deps: HttpDeps) {
  const { core } = deps;
  return apiFeature(deps, 'api-tokens')
    .get('/tokens', ({ query, auth }) => {
      const user = requireUser(auth);
      if (query.userId && query.userId !== user.id) requireRole(auth, 'admin');
      const owner = query.all ? (requireRole(auth, 'admin'), null) : (query.userId ?? user.id);
      return pageOf(listApiTokens(core, owner), query, (t) => -t.createdAt);
    }, {
      query: pageQuery.extend({ userId: z.string().max(64).optional(), all: z.stringbool().optional() }),
      ...doc('tokens', 'Your API tokens, newest first (admins: `userId=` or `all=true`); never the secrets', pageOut(tokenOut)),
    })
    .post('/tokens', ({ body, auth, ip, set }) => {
      const user = requireUser(auth);
      const ownerId = body.userId ?? user.id;
      if (ownerId !== user.id) requireRole(auth, 'admin');
      const owner = getUserOrThrow(core, ownerId);
      const missing = auth.token ? body.scopes.find((s) => !auth.token!.scopes.includes(s)) : undefined;
      if (missing) throw scopeError(missing);
      if (body.scopes.includes('admin') && !hasRole(owner.role, 'admin')) throw fail.unprocessable('Only admins\' tokens can have the admin scope', { field: 'scopes' });
      const created = createApiToken(core, owner.id, body.name, actorOf(auth, ip), body.scopes);
      set.status = 201;
      return { ...created.record, token: created.token };
    }, { body: apiTokenInputSchema, ...doc('tokens', 'Create a token (name, scopes read/write/admin); the secret `token` is shown in this answer only', createdTokenOut, 201) })
    .get('/tokens/:id', ({ params, auth }) => getManagedTokenOrThrow(core, requireUser(auth), params.id), { params: idParams, ...doc('tokens', 'One of your tokens (admins: anyone\'s)', tokenOut) })
    .patch('/tokens/:id', ({ params, body, auth, ip }) => renameApiToken(core, requireUser(auth), params.id, body.name, actorOf(auth, ip)),
      { params: idParams, body: apiTokenRenameSchema, ...doc('tokens', 'Rename a token', tokenOut) })
    .delete('/tokens/:id', ({ params, auth, ip }) => revokeApiToken(core, requireUser(auth), params.id, actorOf(auth, ip)),
      { params: idParams, ...doc('tokens', 'Revoke a token: it stops working at once', tokenOut) });
}
