/**
 * Admin → Outbound webhooks (`/admin/outbound-webhooks`; `/admin/webhooks` is the log of INBOUND
 * provider webhooks): create (the secret is shown once, in the answer, never in a URL), edit,
 * enable/disable, delete, delivery log and replays. Admins only; core audits the changes.
 */
import { Elysia, t as schema } from 'elysia';
import { ZodError } from 'zod';
import { DomainError } from '../../core/errors';
import { lastAttemptTimes, listDeliveries } from '../../core/webhooks/deliveries';
import { getSubscriptionOrThrow, listSubscriptions, publicSubscription } from '../../core/webhooks/subscriptions';
import type { WebhookDelivery } from '../../core/webhooks/deliveries';
import { outboundHookPage, outboundHooksPage, type HookFormState } from '../../../views/outbound-webhooks/admin';
import type { PageContext } from '../../../views/context';
import type { HttpDeps } from '../deps';
import { formList } from '../form-errors';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const BASE = '/admin/outbound-webhooks';
const PAGE_SIZE = 50;
const hookForm = schema.Object({ url: schema.String({ maxLength: 2000 }), events: schema.Optional(schema.Union([schema.String(), schema.Array(schema.String())])), _csrf: schema.Optional(schema.String()) });
const FLASHES = ['saved', 'enabled', 'disabled', 'deleted'] as const;

/** Field errors of a failed create/update in the admin's language; rethrows anything else. */
function formErrors(page: PageContext, error: unknown): Record<string, string> {
  if (error instanceof ZodError) {
    return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), page.t(i.path[0] === 'events' ? 'outhooks.error.events' : 'outhooks.error.url')]));
  }
  if (error instanceof DomainError && error.details.field === 'url') return { url: page.t('outhooks.error.private', { detail: error.message }) };
  throw error;
}

/** The admin pages of outbound webhooks. */
export function outboundWebhookPages(deps: HttpDeps) {
  const { core, webhooks } = deps;
  const listPage = (page: PageContext, state: Parameters<typeof outboundHooksPage>[3] = {}, status = 200) =>
    htmlResponse(outboundHooksPage(page, listSubscriptions(core).map(publicSubscription), lastAttemptTimes(core), state), status);
  const detailPage = (page: PageContext, id: string, state: HookFormState & { flash?: string | null; before?: string } = {}, status = 200) => {
    const deliveries = listDeliveries(core, id, { limit: PAGE_SIZE, before: state.before });
    const olderCursor = deliveries.length === PAGE_SIZE ? deliveries.at(-1)!.id : null;
    return htmlResponse(outboundHookPage(page, publicSubscription(getSubscriptionOrThrow(core, id)), deliveries, { ...state, olderCursor }), status);
  };
  const replayed = (page: PageContext, id: string, results: WebhookDelivery[]) =>
    detailPage(page, id, { flash: page.t('outhooks.replayed', { ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }) });

  return new Elysia({ name: 'outbound-webhook-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth, pathname }) => {
      if (pathname.startsWith(BASE)) requireRole(auth, 'admin');
    })
    .get(BASE, ({ page, query }) => listPage(page, { flash: query.ok ? page.t(`outhooks.${query.ok}`) : null }),
      { query: schema.Object({ ok: schema.Optional(schema.UnionEnum([...FLASHES])) }) })
    .post(BASE, async ({ page, body, auth, ip }) => {
      const values = { url: body.url, events: formList(body.events) };
      try {
        const { subscription, secret } = await webhooks.create(values, actorOf(auth, ip));
        return listPage(page, { created: { url: subscription.url, secret } }, 201);
      } catch (error) {
        return listPage(page, { values, errors: formErrors(page, error) }, 422);
      }
    }, { body: hookForm })
    .get(`${BASE}/:id`, ({ page, params, query }) => detailPage(page, params.id, { flash: query.ok ? page.t(`outhooks.${query.ok}`) : null, before: query.before }),
      { query: schema.Object({ ok: schema.Optional(schema.UnionEnum([...FLASHES])), before: schema.Optional(schema.String({ maxLength: 40 })) }) })
    .post(`${BASE}/:id`, async ({ page, params, body, auth, ip }) => {
      const values = { url: body.url, events: formList(body.events) };
      try {
        await webhooks.update(params.id, values, actorOf(auth, ip));
        return redirect(`${BASE}/${params.id}?ok=saved`);
      } catch (error) {
        return detailPage(page, params.id, { values, errors: formErrors(page, error) }, 422);
      }
    }, { body: hookForm })
    .post(`${BASE}/:id/active`, async ({ params, body, auth, ip }) => {
      const active = body.active === 'true';
      await webhooks.update(params.id, { active }, actorOf(auth, ip));
      return redirect(`${BASE}/${params.id}?ok=${active ? 'enabled' : 'disabled'}`);
    }, { body: schema.Object({ active: schema.UnionEnum(['true', 'false']), _csrf: schema.Optional(schema.String()) }) })
    .post(`${BASE}/:id/delete`, async ({ params, auth, ip }) => {
      await webhooks.remove(params.id, actorOf(auth, ip));
      return redirect(`${BASE}?ok=deleted`);
    })
    .post(`${BASE}/:id/deliveries/:deliveryId/replay`, async ({ page, params }) => replayed(page, params.id, [await webhooks.replay(params.id, params.deliveryId)]))
    .post(`${BASE}/:id/replay-failed`, async ({ page, params }) => replayed(page, params.id, await webhooks.replayFailed(params.id)));
}
