/** The notification bell: its fragment, mark one read (then open the conversation), mark all read. Any signed-in user. */
import { Elysia } from 'elysia';
import { markAllNotificationsRead, markNotificationRead, recentNotifications, unreadCount } from '../../core/routing/notify';
import { notificationBell } from '../../../views/routing/notifications';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse, redirect } from '../respond';
import { idParams } from '../api/schemas';

/** Routes under /notifications. */
export function notificationRoutes(deps: HttpDeps) {
  const { core } = deps;
  const bell = (userId: string, t: Parameters<typeof notificationBell>[0]) => htmlResponse(notificationBell(t, unreadCount(core, userId), recentNotifications(core, userId)));
  return new Elysia({ name: 'notification-routes' })
    .use(requestContext(deps))
    .get('/notifications/bell', ({ auth, page }) => bell(requireUser(auth).id, page.t))
    .post('/notifications/read-all', ({ auth, page }) => {
      const user = requireUser(auth);
      markAllNotificationsRead(core, user.id);
      return bell(user.id, page.t);
    })
    .post('/notifications/:id/read', ({ auth, params, isHtmx }) => {
      const row = markNotificationRead(core, requireUser(auth).id, params.id);
      return redirect(row.conversationId ? `/inbox/c/${row.conversationId}` : adminPageOf(row) ?? '/inbox', isHtmx);
    }, { params: idParams });
}

/** Where a notification about an admin matter (no conversation) leads. */
function adminPageOf(row: { kind: string; details: unknown }): string | null {
  if (row.kind === 'plugin.disabled') return '/admin/plugins';
  const subscriptionId = (row.details as { subscriptionId?: unknown }).subscriptionId;
  if (row.kind === 'webhook.disabled' && typeof subscriptionId === 'string') return `/admin/outbound-webhooks/${encodeURIComponent(subscriptionId)}`;
  return null;
}
