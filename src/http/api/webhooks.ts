/**
 * Outbound webhooks REST API (`/api/v1/webhooks`, admins only): subscriptions (the secret is in
 * the creation answer only), their delivery log and replays. docs/webhooks.md describes deliveries.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { listDeliveries } from '../../core/webhooks/deliveries';
import { getSubscriptionOrThrow, listSubscriptions, publicSubscription, webhookInputSchema, webhookPatchSchema } from '../../core/webhooks/subscriptions';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { idParams } from './schemas';

const tags = ['webhooks'];

/** The outbound webhooks API. */
export function webhooksApi(deps: HttpDeps) {
  const { core, webhooks } = deps;
  return new Elysia({ name: 'api-webhooks', prefix: '/api/v1' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/webhooks', () => ({ items: listSubscriptions(core).map(publicSubscription) }), { detail: { summary: 'List outbound webhook subscriptions (admin)', tags } })
    .post('/webhooks', async ({ body, auth, ip, set }) => {
      const { subscription, secret } = await webhooks.create(body, actorOf(auth, ip));
      set.status = 201;
      return { ...publicSubscription(subscription), secret };
    }, { body: webhookInputSchema, detail: { summary: 'Subscribe a URL to events (admin); the answer carries the signing secret, shown only once', tags } })
    .get('/webhooks/:id', ({ params }) => publicSubscription(getSubscriptionOrThrow(core, params.id)), { params: idParams, detail: { tags } })
    .patch('/webhooks/:id', async ({ params, body, auth, ip }) => publicSubscription(await webhooks.update(params.id, body, actorOf(auth, ip))), {
      params: idParams, body: webhookPatchSchema, detail: { summary: 'Change the URL, the events or the active flag (admin)', tags },
    })
    .delete('/webhooks/:id', async ({ params, auth, ip, set }) => {
      await webhooks.remove(params.id, actorOf(auth, ip));
      set.status = 204;
    }, { params: idParams, detail: { summary: 'Delete a subscription and its delivery log (admin)', tags } })
    .get('/webhooks/:id/deliveries', ({ params, query }) => {
      getSubscriptionOrThrow(core, params.id);
      const items = listDeliveries(core, params.id, query);
      return { items, nextCursor: items.length === (query.limit ?? 50) ? items.at(-1)!.id : null };
    }, {
      params: idParams,
      query: z.object({ before: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
      detail: { summary: 'Delivery attempts, newest first; pass nextCursor as `before` for older ones (admin)', tags },
    })
    .post('/webhooks/:id/deliveries/:deliveryId/replay', ({ params }) => webhooks.replay(params.id, params.deliveryId), {
      params: z.object({ id: z.string().min(1), deliveryId: z.string().min(1) }),
      detail: { summary: 'Send a logged delivery again, with a fresh timestamp and signature; answers the new attempt (admin)', tags },
    })
    .post('/webhooks/:id/replay-failed', ({ params }) => webhooks.replayFailed(params.id).then((items) => ({ items })), {
      params: idParams, detail: { summary: 'Send again every webhook of the subscription that never succeeded, oldest first (admin)', tags },
    });
}
