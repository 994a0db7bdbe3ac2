/**
 * Maps every error to a response: JSON `{error:{code,message,details}}` for the API (`/api/`),
 * `{error:{code,message,field?}}` for the UI's own scripts and other non-page clients, a friendly
 * HTML page (or a redirect to sign in) for browsers. Messages are English under /api/ and
 * /webhooks/ (developer-facing) and in the user's language elsewhere (page endpoints that answer
 * JSON to the UI's own scripts, and HTML error pages). A failed request frees its Idempotency-Key.
 */
import { Elysia } from 'elysia';
import { ZodError } from 'zod';
import { DomainError } from '../core/errors';
import { storageFailureMessage, storageFailureReason } from '../db/storage-health';
import { errorPage } from '../../views/errors';
import { localizeIssue, localizeMessage, pickLocale, translator, type Locale } from '../../views/i18n';
import type { PageContext } from '../../views/context';
import type { HttpDeps } from './deps';
import { htmlResponse, jsonError, readCookie, redirect, STATUS_OF } from './respond';
import { SESSION_COOKIE } from './request-context';
import { releaseIdempotencyClaim } from './api/conventions';
import { resolveSession } from '../core/auth';

const isMachinePath = (path: string) => path.startsWith('/api/') || path.startsWith('/webhooks/');

function wantsJson(request: Request, path: string): boolean {
  if (isMachinePath(path)) return true;
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function fieldOf(error: unknown): string | undefined {
  if (error instanceof ZodError) return error.issues[0]?.path.join('.');
  const e = error as { valueError?: { path?: string }; all?: Array<{ path?: string }> };
  const path = e.valueError?.path ?? e.all?.[0]?.path;
  return path ? String(path).replace(/^\//, '').replace(/\//g, '.') : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof ZodError) return error.issues[0]?.message ?? 'Invalid input';
  const e = error as { all?: Array<{ summary?: string; message?: string }>; message?: string };
  return e.all?.[0]?.summary ?? e.all?.[0]?.message ?? 'Invalid input';
}

/** Every failed check of a validation error (`issues: [{path, message}]`), for the API's `details`. */
function issuesOf(error: unknown): { issues?: Array<{ path: string; message: string }> } {
  if (error instanceof ZodError) return { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const all = (error as { all?: Array<{ path?: string | Array<string | number>; summary?: string; message?: string }> }).all;
  if (!Array.isArray(all)) return {};
  return { issues: all.map((i) => ({ path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? '').replace(/^\//, '').replace(/\//g, '.'), message: i.summary ?? i.message ?? 'Invalid' })) };
}

/** Global error handling plugin. */
export function errorHandler(deps: HttpDeps) {
  /** The signed-in user's language, if any; an error page must render even when the database cannot be read. */
  const sessionLocale = (request: Request): Locale | null | undefined => {
    try {
      return resolveSession(deps.core, readCookie(request.headers.get('cookie'), SESSION_COOKIE))?.user.locale as Locale | undefined;
    } catch {
      return null;
    }
  };
  return new Elysia({ name: 'error-handler' }).onError({ as: 'global' }, (context) => {
    const { code, error, request, path } = context;
    releaseIdempotencyClaim(deps.core, request);
    const pathname = path ?? new URL(request.url).pathname;
    const json = wantsJson(request, pathname);
    const page = (): PageContext => {
      // The user's language when requestContext resolved it before the error; for unknown routes
      // (no route ran) the session's user is looked up here; else Accept-Language's.
      const locale = (context as { locale?: Locale }).locale ?? pickLocale(sessionLocale(request), request.headers.get('accept-language'));
      return { t: translator(locale), locale, user: null, csrfToken: null, path: pathname };
    };
    const localize = (message: string) => (isMachinePath(pathname) ? message : localizeMessage(page().t, message));
    /** The API's `{error:{code,message,details}}`; other JSON clients keep `{code,message,field?,…}`. */
    const errorJson = (status: number, errorCode: string, message: string, details: Record<string, unknown> = {}) => {
      const res = pathname.startsWith('/api/') ? jsonError(status, errorCode, message, { details }) : jsonError(status, errorCode, message, details);
      for (const [k, v] of Object.entries(context.set.headers)) if (k.startsWith('ratelimit-')) res.headers.set(k, String(v));
      return res;
    };
    if (error instanceof DomainError) {
      const status = STATUS_OF[error.code];
      if (json) {
        const res = errorJson(status, (error as { csrf?: boolean }).csrf ? 'csrf' : error.code, localize(error.message), error.details);
        if (error.code === 'rate_limited') res.headers.set('retry-after', String(Math.ceil(Number(error.details.retryAfterMs ?? 60_000) / 1000)));
        return res;
      }
      if (error.code === 'unauthorized') {
        const next = encodeURIComponent(pathname + new URL(request.url).search);
        return redirect(`/login?next=${next}`, request.headers.get('hx-request') === 'true');
      }
      const ctx = page();
      const text = (error as { csrf?: boolean }).csrf ? ctx.t('error.csrf') : error.code === 'not_found' ? ctx.t('error.not_found_text') : localize(error.message);
      return htmlResponse(errorPage(ctx, error.code === 'not_found' ? ctx.t('error.not_found') : ctx.t('error.generic'), text), status);
    }
    if (code === 'VALIDATION' && (error as { type?: string }).type === 'response') {
      deps.core.log.error('response does not match its documented schema', { path: pathname, error: messageOf(error), field: fieldOf(error) });
      return errorJson(500, 'internal', 'Internal error; it was logged');
    }
    if ((code === 'VALIDATION' || error instanceof ZodError) && !json && request.method === 'GET' && request.headers.get('hx-request') !== 'true') {
      // A person following a link (not the UI's scripts, not htmx) gets a page saying what to change.
      const ctx = page();
      return htmlResponse(errorPage(ctx, ctx.t('error.bad_link'), ctx.t('error.bad_link_text', { field: fieldOf(error) ?? '?', message: localize(messageOf(error)) }), { retry: pathname }), 400);
    }
    if (error instanceof ZodError && error.issues[0] && !isMachinePath(pathname)) {
      return errorJson(422, 'validation', localizeIssue(page().t, error.issues[0]), { field: fieldOf(error), ...issuesOf(error) });
    }
    if (code === 'VALIDATION' || error instanceof ZodError) {
      return errorJson(422, 'validation', localize(messageOf(error)), { field: fieldOf(error), ...issuesOf(error) });
    }
    if (code === 'PARSE') return errorJson(400, 'bad_request', 'The request body could not be parsed (malformed JSON or form data)');
    if (code === 'NOT_FOUND') {
      if (json) return errorJson(404, 'not_found', 'No such route');
      const ctx = page();
      return htmlResponse(errorPage(ctx, ctx.t('error.not_found'), ctx.t('error.not_found_text')), 404);
    }
    const storage = storageFailureReason(error);
    if (storage) {
      deps.core.log.error('write failed: storage full or read-only', { path: pathname, error: storage });
      if (json) return errorJson(503, 'storage_unavailable', storageFailureMessage(storage));
      const ctx = page();
      return htmlResponse(errorPage(ctx, ctx.t('error.generic'), ctx.t('error.storage')), 503);
    }
    deps.core.log.error('unhandled error', { path: pathname, code: String(code), error });
    if (json) return errorJson(500, 'internal', 'Internal error; it was logged');
    const ctx = page();
    return htmlResponse(errorPage(ctx, ctx.t('error.generic'), ctx.t('error.generic')), 500);
  });
}
