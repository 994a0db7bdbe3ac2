/** First-run setup, sign in and sign out. */
import { Elysia } from 'elysia';
import { createSession, revokeSession, verifyLogin } from '../../core/auth';
import { DomainError } from '../../core/errors';
import { countUsers, createUser, newUserSchema } from '../../core/users';
import { loginPage, setupPage } from '../../../views/auth';
import type { HttpDeps } from '../deps';
import { formFailure } from '../form-errors';
import { requestContext, SESSION_COOKIE, wantsSecureCookie } from '../request-context';
import { cookie, htmlResponse, redirect } from '../respond';

/** Only same-site relative paths are allowed as post-login destinations. */
export function safeNext(next: unknown): string {
  const value = typeof next === 'string' ? next : '';
  if (!value.startsWith('/') || /[\u0000-\u001f\\]/.test(value)) return '/inbox';
  const url = new URL(value, 'http://turno.invalid');
  return url.origin === 'http://turno.invalid' ? url.pathname + url.search + url.hash : '/inbox';
}

function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== 'password') out[k] = v;
  }
  return out;
}

/** Routes for setup, login and logout. */
export function authPages(deps: HttpDeps) {
  const sessionCookie = (request: Request, token: string) =>
    cookie(SESSION_COOKIE, token, { secure: wantsSecureCookie(deps, request), maxAgeSec: Math.floor(deps.core.config.sessionMaxMs / 1000) });

  return new Elysia({ name: 'auth-pages' })
    .use(requestContext(deps))
    .get('/', ({ auth }) => redirect(auth.user ? '/inbox' : '/login'))
    .get('/setup', ({ page }) => (countUsers(deps.core) > 0 ? redirect('/login') : htmlResponse(setupPage(page))))
    .post('/setup', async ({ body, page, request, ip }) => {
      if (countUsers(deps.core) > 0) return redirect('/login');
      const values = formValues(body);
      try {
        const form = typeof body === 'object' && body !== null ? body : {};
        const input = newUserSchema.parse({ ...form, role: 'admin', locale: values.locale || null });
        const user = await createUser(deps.core, input, { type: 'system', name: 'setup' }, { onlyIfFirst: true });
        const { token } = createSession(deps.core, user.id, { ip, userAgent: request.headers.get('user-agent') ?? undefined });
        if (values.simulator === 'on') await deps.simulators.createChannel({ type: 'user', user, ip }).catch((error) => deps.core.log.error('simulator channel failed', { error }));
        return new Response(null, { status: 303, headers: { location: '/inbox', 'set-cookie': sessionCookie(request, token) } });
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(setupPage(page, { values, ...failure }), failure.status);
      }
    })
    .get('/login', ({ page, query, auth }) => {
      if (auth.user) return redirect(safeNext(query.next));
      return htmlResponse(loginPage(page, { next: safeNext(query.next), message: query.expired ? page.t('login.expired') : null }));
    })
    .post('/login', async ({ body, page, request, ip }) => {
      const form = (body ?? {}) as Record<string, string>;
      const values = formValues(body);
      try {
        const user = await verifyLogin(deps.core, deps.loginGuard, form.email ?? '', form.password ?? '', ip);
        const { token } = createSession(deps.core, user.id, { ip, userAgent: request.headers.get('user-agent') ?? undefined });
        return new Response(null, { status: 303, headers: { location: safeNext(form.next), 'set-cookie': sessionCookie(request, token) } });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const throttled = error.code === 'rate_limited';
        const message = throttled
          ? page.t('login.throttled', { minutes: Math.max(1, Math.ceil(Number(error.details.retryAfterMs) / 60_000)) })
          : page.t('login.failed');
        return htmlResponse(loginPage(page, { values, next: safeNext(form.next), message }), throttled ? 429 : 401);
      }
    })
    .post('/logout', ({ auth, request }) => {
      if (auth.session) revokeSession(deps.core, auth.session.id);
      return new Response(null, {
        status: 303,
        headers: { location: '/login', 'set-cookie': cookie(SESSION_COOKIE, '', { maxAgeSec: 0, secure: wantsSecureCookie(deps, request) }) },
      });
    });
}
