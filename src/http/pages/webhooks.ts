/** Admin → Failed webhooks: dead-lettered webhook events, their raw bodies, and audited replay. */
import { Elysia } from 'elysia';
import { getWebhookEventOrThrow, listDeadWebhookEvents, replayWebhookEvents, type WebhookReplayer } from '../../core/webhook-events';
import { deadWebhooksPage, webhookDetailPage } from '../../../views/channels/webhooks';
import type { HttpDeps } from '../deps';
import { formList } from '../form-errors';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse } from '../respond';

/** Failed-webhook pages; `ingest` is the worker that re-applies replayed events. */
export function webhookAdminPages(deps: HttpDeps, ingest: WebhookReplayer) {
  const { core } = deps;
  return new Elysia({ name: 'webhook-admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/webhooks', ({ page }) => htmlResponse(deadWebhooksPage(page, listDeadWebhookEvents(core))))
    .get('/admin/webhooks/:id', ({ params, page }) => htmlResponse(webhookDetailPage(page, getWebhookEventOrThrow(core, params.id))))
    .post('/admin/webhooks/replay', ({ body, page, auth, ip }) => {
      const ids = formList((body as Record<string, unknown> | null)?.ids);
      if (ids.length === 0) return htmlResponse(deadWebhooksPage(page, listDeadWebhookEvents(core), { error: page.t('webhooks.none_selected') }), 422);
      const count = replayWebhookEvents(core, ingest, ids, actorOf(auth, ip));
      return htmlResponse(deadWebhooksPage(page, listDeadWebhookEvents(core), { success: page.t('webhooks.replayed', { count }) }));
    });
}
