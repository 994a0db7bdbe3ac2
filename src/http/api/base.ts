/** What every /api/v1 feature starts from: the prefix, the request context and a signed-in caller. */
import { Elysia } from 'elysia';
import type { z } from 'zod';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { responses } from './schemas';

/** An Elysia instance for one API feature under /api/v1 whose routes all need a signed-in caller. */
export function apiFeature(deps: HttpDeps, name: string) {
  return new Elysia({ name, prefix: '/api/v1' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireUser(auth);
    });
}

/** Route options: OpenAPI tag and summary, and the documented (and enforced) response shapes. */
export function doc<T extends z.ZodType>(tag: string, summary: string, ok: T, status = 200) {
  return { detail: { tags: [tag], summary }, response: responses(ok, status) as { 200: T; 201: T; 202: T } };
}
