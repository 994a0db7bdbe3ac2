/**
 * Outbound webhooks REST API (`/api/v1/webhooks`, admins only): subscriptions (the secret is in
 * the creation answer only), their delivery log and replays. docs/webhooks.md describes deliveries.
 */
import { z } from 'zod';
import { listDeliveries } from '../../core/webhooks/deliveries';
import { getSubscriptionOrThrow, listSubscriptions, publicSubscription, webhookInputSchema, webhookPatchSchema } from '../../core/webhooks/subscriptions';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole } from '../request-context';
import { apiFeature, doc } from './base';
import { createdWebhookOut, idParams, okOut, pageOut, webhookDeliveryOut, webhookOut } from './schemas';

/** The outbound webhooks API. */
export function webhooksApi(deps: HttpDeps) {
  const { core, webhooks } = deps;
  return apiFeature(deps, 'api-webhooks')
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/webhooks', () => ({ items: listSubscriptions(core).map(publicSubscription) }), doc('webhooks', 'List outbound webhook subscriptions (admin; a single page)', z.object({ items: z.array(webhookOut) })))
    .post('/webhooks', async ({ body, auth, ip, set }) => {
      const { subscription, secret } = await webhooks.create(body, actorOf(auth, ip));
      set.status = 201;
      return { ...publicSubscription(subscription), secret };
    }, { body: webhookInputSchema, ...doc('webhooks', 'Subscribe a URL to events (admin); the answer carries the signing secret, shown only once', createdWebhookOut, 201) })
    .get('/webhooks/:id', ({ params }) => publicSubscription(getSubscriptionOrThrow(core, params.id)), { params: idParams, ...doc('webhooks', 'One subscription (admin)', webhookOut) })
    .patch('/webhooks/:id', async ({ params, body, auth, ip }) => publicSubscription(await webhooks.update(params.id, body, actorOf(auth, ip))), {
      params: idParams, body: webhookPatchSchema, ...doc('webhooks', 'Change the URL, the events or the active flag (admin)', webhookOut),
    })
    .delete('/webhooks/:id', async ({ params, auth, ip }) => {
      await webhooks.remove(params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('webhooks', 'Delete a subscription and its delivery log (admin)', okOut) })
    .get('/webhooks/:id/deliveries', ({ params, query }) => {
      getSubscriptionOrThrow(core, params.id);
      const items = listDeliveries(core, params.id, query);
      return { items, nextCursor: items.length === (query.limit ?? 50) ? items.at(-1)!.id : null };
    }, {
      params: idParams,
      query: z.object({ before: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
      ...doc('webhooks', 'Delivery attempts, newest first; pass nextCursor as `before` for older ones (admin)', pageOut(webhookDeliveryOut)),
    })
    .post('/webhooks/:id/deliveries/:deliveryId/replay', ({ params }) => webhooks.replay(params.id, params.deliveryId), {
      params: z.object({ id: z.string().min(1), deliveryId: z.string().min(1) }),
      ...doc('webhooks', 'Send a logged delivery again, with a fresh timestamp and signature; answers the new attempt (admin)', webhookDeliveryOut),
    })
    .post('/webhooks/:id/replay-failed', async ({ params }) => ({ items: await webhooks.replayFailed(params.id) }), {
      params: idParams, ...doc('webhooks', 'Send again every webhook of the subscription that never succeeded, oldest first; answers the new attempts (admin)', z.object({ items: z.array(webhookDeliveryOut) })),
    });
}
