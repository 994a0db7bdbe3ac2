/**
 * Keeps open sockets in step with who may still use them: a tab holds a copy of its user taken
 * when the socket opened, so logout, session revocation, deactivation and role changes are
 * applied here. Ended sessions and deactivated users lose their sockets (the browser's reconnect
 * is then refused); other changes (role, name) replace the tab's copy so the next push is checked
 * against the new role. `activeFilter` is the cheap per-push re-check of `active`.
 */
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { Core } from '../core/context';
import type { PublicUser } from '../core/types';
import type { Realtime } from './realtime';

/** Subscribes the socket access rules to the bus. */
export function registerSocketAccess(realtime: Realtime): void {
  const { core, hub } = realtime;
  core.bus.on('session.revoked', ({ sessionIds }) => {
    const ended = new Set(sessionIds);
    hub.closeWhere((tab) => !!tab.sessionId && ended.has(tab.sessionId));
  });
  core.bus.on('user.updated', ({ user }) => {
    if (!user.active) {
      hub.closeWhere((tab) => tab.user.id === user.id);
      return;
    }
    for (const tab of hub.tabsOf(user.id)) tab.user = user;
  });
}

/**
 * A predicate over users, built once per push: false for users deactivated since their socket
 * opened (one query over the few inactive ids, whatever the number of tabs).
 */
export function activeFilter(core: Core): (user: PublicUser) => boolean {
  const inactive = new Set(core.db.select({ id: users.id }).from(users).where(eq(users.active, false)).all().map((r) => r.id));
  return (user) => !inactive.has(user.id);
}
