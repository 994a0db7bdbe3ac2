/**
 * `GET /ws`: the browser tab's WebSocket (Elysia's built-in `.ws()`), authenticated by the session
 * cookie; anonymous upgrades are refused with 401. One socket per tab. Client frames are small
 * JSON commands (view, typing, activity, catch-up) handled by `client-commands.ts`; server frames
 * are HTML fragments with `hx-swap-oob` for the htmx ws extension. The socket is closed when its
 * session ends or its user is deactivated (realtime/access.ts).
 */
import { Elysia } from 'elysia';
import type { HttpDeps } from '../http/deps';
import { requestContext } from '../http/request-context';
import { handleClientCommand, parseClientCommand } from './client-commands';
import type { Realtime } from './realtime';

/** The `/ws` endpoint bound to a realtime service. */
export function socketRoute(deps: HttpDeps, realtime: Realtime) {
  return new Elysia({ name: 'realtime-socket' })
    .use(requestContext(deps))
    .ws('/ws', {
      beforeHandle({ auth, set }) {
        if (!auth.user || auth.via !== 'session') {
          set.status = 401;
          return 'Sign in required';
        }
      },
      open(ws) {
        const user = ws.data.auth.user!;
        realtime.hub.add({
          id: ws.id, user, viewing: null, locale: ws.data.locale, idle: false, sessionId: ws.data.auth.session?.id ?? null,
          send: (text) => { ws.send(text); },
          close: () => { ws.close(4401, 'session ended'); },
        });
      },
      message(ws, raw) {
        const command = parseClientCommand(raw);
        const tab = realtime.hub.get(ws.id);
        if (command && tab) handleClientCommand(realtime, tab, command);
      },
      close(ws) {
        realtime.hub.remove(ws.id);
      },
    });
}
