/**
 * Conventions every /api/v1 route shares, applied in one place: `Idempotency-Key` on POST (the
 * first answer is stored and replayed to retries, marked `Idempotent-Replayed: true`), and the
 * ETag / If-Match helpers of the contact and conversation updates (412 on a stale ETag).
 */
import { Elysia } from 'elysia';
import { abandonIdempotent, beginIdempotent, finishIdempotent } from '../../core/idempotency';
import { fail } from '../../core/errors';
import { sha256Hex } from '../../lib/crypto';
import type { HttpDeps } from '../deps';
import { requestContext } from '../request-context';

const pending = new WeakMap<Request, { owner: string; key: string }>();
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A stable hash of a parsed body (files count by name, type and size). */
function bodyHash(method: string, path: string, body: unknown): string {
  const text = JSON.stringify(body ?? null, (_k, v) => (v instanceof File ? { file: v.name, type: v.type, size: v.size } : v));
  return sha256Hex(`${method} ${path}\n${text}`);
}

/** The Elysia plugin that applies the idempotency convention to POSTs under /api/v1. */
export function apiConventions(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'api-conventions' })
    .use(requestContext(deps))
    .onBeforeHandle({ as: 'global' }, ({ request, auth, body, pathname }) => {
      const key = request.headers.get('idempotency-key');
      if (request.method !== 'POST' || key === null || !pathname.startsWith('/api/v1/') || !auth.user) return;
      if (!KEY_PATTERN.test(key)) throw fail.badRequest('Idempotency-Key must be 1–255 visible ASCII characters', { field: 'Idempotency-Key' });
      const owner = auth.token ? `token:${auth.token.id}` : `user:${auth.user.id}`;
      const start = beginIdempotent(core, owner, key, bodyHash(request.method, pathname, body));
      if (start.kind === 'replay') {
        return new Response(start.body, { status: start.status, headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' } });
      }
      pending.set(request, { owner, key });
    })
    // After response validation, so the stored answer is exactly the normalised one the client got.
    .mapResponse({ as: 'global' }, ({ request, set, responseValue }) => {
      const claim = pending.get(request);
      if (!claim) return;
      if (responseValue instanceof Response) return releaseIdempotencyClaim(core, request);
      const status = typeof set.status === 'number' ? set.status : 200;
      finishIdempotent(core, claim.owner, claim.key, status, JSON.stringify(responseValue ?? null));
      pending.delete(request);
    });
}

/** Frees the Idempotency-Key of a request that failed (called by the error handler): the client may retry with it. */
export function releaseIdempotencyClaim(core: HttpDeps['core'], request: Request): void {
  const claim = pending.get(request);
  if (!claim) return;
  pending.delete(request);
  abandonIdempotent(core, claim.owner, claim.key);
}

/** The (weak) entity tag of a resource's stored state. */
export function etagOf(state: unknown): string {
  return `W/"${sha256Hex(JSON.stringify(state)).slice(0, 24)}"`;
}

/**
 * Enforces `If-Match` against the resource's current ETag: absent = no check, `*` = any, else one
 * of the listed tags must equal it (weak comparison), or `precondition_failed` (412).
 */
export function checkIfMatch(request: Request, currentEtag: string): void {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '*') return;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  if (header.split(',').some((tag) => strip(tag) === strip(currentEtag))) return;
  throw fail.preconditionFailed('The resource changed since you read it; fetch it again and retry', { etag: currentEtag });
}
