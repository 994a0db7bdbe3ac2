/**
 * `/plugins/<id>/…`: requests are answered by the active plugin's own Elysia instances (see
 * src/plugin-host/routes.ts), before the host's routing and body parsing, so the plugin reads the
 * untouched request. Signed-in routes get the host's authentication (session cookie or Bearer API
 * token) and CSRF check on state-changing requests; `public: true` routes get neither. A disabled
 * or unknown plugin answers 404.
 */
import { Elysia } from 'elysia';
import { DomainError } from '../core/errors';
import { constantTimeEqual } from '../lib/crypto';
import { pluginCoreAsPlugin, pluginCoreAsUser } from '../plugin-host/plugin-core';
import { attachContext, hasRoute } from '../plugin-host/routes';
import type { PluginApp } from '../plugin-host/types';
import { pickLocale, type Locale, type Translate } from '../../views/i18n';
import type { HttpDeps } from './deps';
import { jsonError, STATUS_OF } from './respond';
import { clientIp, resolveCaller } from './request-context';
import { requireMethodScope } from './api/token-limits';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PLUGIN_PATH = /^\/plugins\/([a-z][a-z0-9-]{1,39})(?:\/|$)/;

/** The CSRF token a browser sent: the X-CSRF-Token header, or a form's `_csrf` field. */
async function sentCsrfToken(request: Request): Promise<string> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return '';
  const form = await request.clone().formData().catch(() => null);
  return String(form?.get('_csrf') ?? '');
}

/** `t` of a plugin route: the plugin's own messages first, then the host's. */
function pluginTranslator(deps: HttpDeps, id: string, locale: Locale): Translate {
  return (key, vars) => deps.plugins.translate(id, key, locale, vars);
}

/** Answers one plugin request, or null when the path is not a plugin's. */
async function handlePluginRequest(deps: HttpDeps, request: Request, ip: string): Promise<Response | null> {
  const pathname = new URL(request.url).pathname;
  const id = PLUGIN_PATH.exec(pathname)?.[1];
  if (!id) return null;
  const reg = deps.plugins.active(id)?.reg;
  if (!reg) return jsonError(404, 'not_found', `No active plugin "${id}"`);
  const locale = pickLocale(null, request.headers.get('accept-language'));
  const isPublic = reg.publicApp !== null && hasRoute(reg.publicApp, request.method, pathname);
  if (isPublic) {
    attachContext(request, { user: null, t: pluginTranslator(deps, id, locale), locale, csrfToken: '', core: pluginCoreAsPlugin(deps.core, id) });
    return reg.publicApp!.handle(request);
  }
  if (!reg.privateApp) return jsonError(404, 'not_found', 'Not found');
  const auth = resolveCaller(deps, request.headers, ip);
  if (!auth.user) return jsonError(401, 'unauthorized', 'Sign in required');
  if (auth.token) requireMethodScope(auth.token, request.method);
  if (UNSAFE_METHODS.has(request.method) && auth.via === 'session') {
    const sent = await sentCsrfToken(request);
    if (!sent || !constantTimeEqual(sent, auth.csrfToken)) return jsonError(403, 'forbidden', 'Missing or invalid CSRF token. Reload the page and try again.');
  }
  const userLocale = pickLocale(auth.user.locale, request.headers.get('accept-language'));
  attachContext(request, { user: auth.user, t: pluginTranslator(deps, id, userLocale), locale: userLocale, csrfToken: auth.csrfToken, core: pluginCoreAsUser(deps.core, auth.user) });
  return (reg.privateApp as PluginApp).handle(request);
}

/** The host side of plugin routes (mount early: it answers before routing). */
export function pluginRoutes(deps: HttpDeps) {
  return new Elysia({ name: 'plugin-routes' }).onRequest(async ({ request, server }) => {
    try {
      return (await handlePluginRequest(deps, request, clientIp(deps, request, server?.requestIP(request)?.address))) ?? undefined;
    } catch (error) {
      if (error instanceof DomainError) return jsonError(STATUS_OF[error.code], error.code, error.message);
      deps.core.log.error('plugin request failed', { path: new URL(request.url).pathname, error });
      return jsonError(500, 'internal', 'Something went wrong');
    }
  });
}
