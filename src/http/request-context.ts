/**
 * Per-request context shared by every feature: who is calling (session cookie or Bearer API
 * token), the CSRF token they must echo, the UI language and translator. Also enforces CSRF on
 * state-changing browser requests, an API token's scopes and rate limit, and the first-run setup
 * gate (pages redirect to /setup; `/api/*` answers JSON 503 `setup_required`).
 */
import { Elysia } from 'elysia';
import { resolveSession } from '../core/auth';
import { resolveApiToken, type PublicApiToken } from '../core/api-tokens';
import { fail } from '../core/errors';
import { hasRole } from '../core/users';
import { countUsers } from '../core/users';
import type { PublicUser, Session } from '../core/types';
import type { Role } from '../db/schema/enums';
import { constantTimeEqual } from '../lib/crypto';
import { randomToken } from '../lib/ids';
import { pickLocale, translator, type Locale } from '../../views/i18n';
import type { PageContext } from '../../views/context';
import type { HttpDeps } from './deps';
import { cookie, readCookie } from './respond';
import { limitTokenRate, requireMethodScope, scopeError } from './api/token-limits';

export const SESSION_COOKIE = 'turno_session';
export const PRE_AUTH_CSRF_COOKIE = 'turno_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Paths that work before the first admin exists. */
const SETUP_OPEN = [/^\/setup/, /^\/static\//, /^\/healthz$/, /^\/readyz$/, /^\/webhooks\//, /^\/manifest\.webmanifest$/, /^\/sw\.js$/];
/** Paths that carry their own authentication (provider signatures) and are exempt from CSRF. */
const CSRF_EXEMPT = [/^\/webhooks\//];

export interface Auth {
  user: PublicUser | null;
  session: Session | null;
  via: 'session' | 'token' | null;
  /** The API token of a Bearer request (its scopes limit what the request may do). */
  token: PublicApiToken | null;
  /** Token the browser must echo on unsafe requests (session's, or the pre-login cookie's). */
  csrfToken: string;
}

/**
 * The client's address: the socket peer, or — only when TURNO_TRUST_PROXY is set, behind a proxy
 * that overwrites the header — the right-most X-Forwarded-For hop (or X-Real-IP). Anything else
 * lets a client pick its own address and dodge the per-IP login throttle.
 */
export function clientIp(deps: HttpDeps, request: Request, peer: string | undefined): string {
  if (deps.core.config.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    const real = request.headers.get('x-real-ip')?.trim();
    if (forwarded || real) return (forwarded ?? real)!;
  }
  return peer ?? 'unknown';
}

/** True for requests from secure origins or when configured so; decides the cookie's Secure flag. */
export function wantsSecureCookie(deps: HttpDeps, request: Request): boolean {
  const setting = deps.core.config.secureCookies;
  if (setting !== 'auto') return setting === 'true';
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

/**
 * Who is calling, from the request headers: a Bearer API token (throws `unauthorized` when it is
 * unknown or revoked), else the session cookie, else nobody (with the pre-login CSRF cookie's token).
 */
export function resolveCaller(deps: HttpDeps, headers: Headers, ip: string): Auth {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  if (bearer !== undefined) {
    const resolved = resolveApiToken(deps.core, bearer, ip);
    if (!resolved) throw fail.unauthorized('Invalid or revoked API token');
    return { user: resolved.user, session: null, via: 'token', token: resolved.token, csrfToken: '' };
  }
  const resolved = resolveSession(deps.core, readCookie(headers.get('cookie'), SESSION_COOKIE));
  if (resolved) return { user: resolved.user, session: resolved.session, via: 'session', token: null, csrfToken: resolved.session.csrfToken };
  return { user: null, session: null, via: null, token: null, csrfToken: readCookie(headers.get('cookie'), PRE_AUTH_CSRF_COOKIE) ?? '' };
}

/** Navigation entries plugins added that `user` may see, with their labels translated. */
function pluginNavFor(deps: HttpDeps, user: PublicUser | null, locale: Locale): PageContext['pluginNav'] {
  if (!user) return [];
  return deps.plugins.slots.navEntries()
    .filter((entry) => hasRole(user.role, entry.role ?? 'agent'))
    .map((entry) => ({ href: entry.href, label: deps.plugins.translate(entry.owner, entry.label, locale) }));
}

/** The Elysia plugin that resolves `auth`, `ip`, `locale`, `t`, `isHtmx`, `page` for every route. */
export function requestContext(deps: HttpDeps) {
  let setupDone = false;
  const isSetupDone = () => (setupDone ||= countUsers(deps.core) > 0);
  return new Elysia({ name: 'request-context' })
    .resolve({ as: 'global' }, ({ request, server, set }) => {
      const headers = request.headers;
      const url = new URL(request.url);
      const ip = clientIp(deps, request, server?.requestIP(request)?.address);
      let auth = resolveCaller(deps, headers, ip);
      if (auth.token) {
        limitTokenRate(deps, auth.token.id, set.headers);
        requireMethodScope(auth.token, request.method);
      }
      if (!auth.user && !auth.csrfToken && request.method === 'GET') {
        const pre = randomToken(24);
        set.headers['set-cookie'] = cookie(PRE_AUTH_CSRF_COOKIE, pre, { secure: wantsSecureCookie(deps, request) });
        auth = { ...auth, csrfToken: pre };
      }
      const locale = pickLocale(auth.user?.locale, headers.get('accept-language'));
      const t = translator(locale);
      const page: PageContext = { t, locale, user: auth.user, csrfToken: auth.csrfToken || null, path: url.pathname, pluginNav: pluginNavFor(deps, auth.user, locale) };
      return { auth, ip, locale, t, page, isHtmx: headers.get('hx-request') === 'true', pathname: url.pathname };
    })
    // CSRF is also checked before body validation, so a forged request gets 403 rather than a
    // 422 that reveals what the route expects (test/reliability/security-matrix).
    .onTransform({ as: 'global' }, ({ request, body }) => {
      if (!UNSAFE_METHODS.has(request.method) || !isSetupDone()) return;
      const headers = request.headers;
      if (/^Bearer\s/i.test(headers.get('authorization') ?? '')) return;
      const pathname = new URL(request.url).pathname;
      if (CSRF_EXEMPT.some((re) => re.test(pathname))) return;
      const expected = resolveSession(deps.core, readCookie(headers.get('cookie'), SESSION_COOKIE))?.session.csrfToken
        ?? readCookie(headers.get('cookie'), PRE_AUTH_CSRF_COOKIE) ?? '';
      const sent = headers.get('x-csrf-token') ?? (body && typeof body === 'object' ? String((body as Record<string, unknown>)._csrf ?? '') : '');
      if (!expected || !sent || !constantTimeEqual(sent, expected)) {
        throw Object.assign(fail.forbidden('Missing or invalid CSRF token. Reload the page and try again.'), { csrf: true });
      }
    })
    .onBeforeHandle({ as: 'global' }, ({ request, auth, pathname, body, set }) => {
      if (!isSetupDone() && !SETUP_OPEN.some((re) => re.test(pathname))) {
        if (pathname.startsWith('/api/')) {
          set.status = 503;
          return { error: { code: 'setup_required', message: 'Finish the first-run setup at /setup', details: { setupUrl: '/setup' } } };
        }
        set.status = 303;
        set.headers.location = '/setup';
        return '';
      }
      if (!UNSAFE_METHODS.has(request.method) || auth.via === 'token' || CSRF_EXEMPT.some((re) => re.test(pathname))) return;
      const sent = request.headers.get('x-csrf-token') ?? (body && typeof body === 'object' ? String((body as Record<string, unknown>)._csrf ?? '') : '');
      if (!auth.csrfToken || !sent || !constantTimeEqual(sent, auth.csrfToken)) {
        throw Object.assign(fail.forbidden('Missing or invalid CSRF token. Reload the page and try again.'), { csrf: true });
      }
    });
}

/** The signed-in user, or throws `unauthorized`. */
export function requireUser(auth: Auth): PublicUser {
  if (!auth.user) throw fail.unauthorized();
  return auth.user;
}

/** The signed-in user when their role is at least `role`, else throws `forbidden`. */
export function requireRole(auth: Auth, role: Role): PublicUser {
  const user = requireUser(auth);
  if (!hasRole(user.role, role)) throw fail.forbidden();
  if (role === 'admin' && auth.token && !auth.token.scopes.includes('admin')) throw scopeError('admin');
  return user;
}

/** The audit/authorship actor of a request. */
export function actorOf(auth: Auth, ip: string) {
  return { type: 'user' as const, user: requireUser(auth), ip };
}
