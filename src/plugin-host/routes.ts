/**
 * A plugin's HTTP routes: two Elysia instances per plugin (signed-in and `public: true`), both
 * with the prefix `/plugins/<id>`, reached through the host's `/plugins/:id/*` route
 * (src/http/plugin-routes.ts) so that disabling a plugin removes them at once. The request
 * context (user, translator, CSRF token, permission-aware core) is attached per request.
 */
import { Elysia } from 'elysia';
import { DomainError } from '../core/errors';
import type { PluginApp, PluginRequestContext } from './types';

const contexts = new WeakMap<Request, PluginRequestContext>();

/** Attaches the context a plugin route will see to `request`. */
export function attachContext(request: Request, context: PluginRequestContext): void {
  contexts.set(request, context);
}

/**
 * A new Elysia instance for plugin `id`'s routes. `onFailure` hears about errors that are the
 * plugin's fault (not validation, not a refused domain action), which count towards disabling it;
 * `statusOf` gives a refused domain action's HTTP status (the host's mapping).
 */
export function createPluginApp(id: string, onFailure: (error: unknown) => void, statusOf: (error: DomainError) => number): PluginApp {
  return new Elysia({ prefix: `/plugins/${id}` })
    .onError(({ code, error, set }) => {
      if (error instanceof DomainError) {
        set.status = statusOf(error);
        return { error: { code: error.code, message: error.message, ...error.details } };
      }
      if (code === 'VALIDATION' || code === 'NOT_FOUND' || code === 'PARSE') return;
      onFailure(error);
      set.status = 500;
      return { error: { code: 'plugin_error', message: `The plugin "${id}" failed to answer; an administrator can see why on Admin → Plugins.` } };
    })
    .resolve(({ request }) => {
      const context = contexts.get(request);
      if (!context) throw new Error('plugin route reached without the host');
      return context;
    }) as unknown as PluginApp;
}

/** Whether one of `app`'s routes matches the method and path (used to find public routes). */
export function hasRoute(app: PluginApp, method: string, pathname: string): boolean {
  return (app.routes as Array<{ method: string; path: string }>).some((route) =>
    (route.method === method || route.method === 'ALL' || (method === 'HEAD' && route.method === 'GET')) && pathPattern(route.path).test(pathname));
}

function pathPattern(path: string): RegExp {
  const body = path.split('/').map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^${body}/?$`);
}
