/**
 * The simulator channel's control panel routes (admin only, under /admin/channels/:id/simulator):
 * `inbound` (a customer writes now), `traffic` (start, re-rate or stop scripted traffic) and `fail`
 * (the next N replies fail with a chosen WhatsApp error). Each answers by going back to the page.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { fail } from '../../core/errors';
import { customerWrites, PANEL_FAILURES, PANEL_KINDS } from '../../simulator/controls';
import type { HttpDeps } from '../deps';
import { requestContext, requireRole } from '../request-context';
import { redirect } from '../respond';

const inboundSchema = z.object({
  customer: z.string().max(8),
  kind: z.enum(PANEL_KINDS),
  name: z.string().max(60).optional(),
  phone: z.string().max(20).optional(),
  text: z.string().max(1000).optional(),
});
const trafficSchema = z.object({ on: z.enum(['true', 'false']), perMinute: z.coerce.number().int().min(1, 'At least 1 message a minute').max(120, 'At most 120 messages a minute').default(6) });
const failSchema = z.object({ code: z.coerce.number().pipe(z.union(PANEL_FAILURES.map((c) => z.literal(c)))), times: z.coerce.number().int().min(1).max(50).default(1) });

/** The panel's routes. */
export function simulatorPanelRoutes(deps: HttpDeps) {
  const running = (id: string) => {
    const sim = deps.simulators.simulatorOf(id);
    if (!sim) throw fail.notFound('Simulator');
    return sim;
  };
  const back = (id: string, ok: string) => redirect(`/admin/channels/${id}?ok=${ok}#simulator-panel`);
  return new Elysia({ name: 'simulator-panel' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => { requireRole(auth, 'admin'); })
    .post('/admin/channels/:id/simulator/inbound', async ({ params, body }) => {
      const f = inboundSchema.parse(body ?? {});
      try {
        await customerWrites(running(params.id), { ...f, customer: f.customer === 'new' ? undefined : Number(f.customer) });
      } catch (error) {
        if (error instanceof Error && /phone number/.test(error.message)) throw fail.unprocessable(error.message, { field: 'phone' });
        throw error;
      }
      return back(params.id, 'sim_sent');
    })
    .post('/admin/channels/:id/simulator/traffic', ({ params, body }) => {
      const f = trafficSchema.parse(body ?? {});
      const sim = running(params.id);
      if (f.on === 'true') deps.simulators.traffic.start(params.id, sim, f.perMinute, (error) => deps.core.log.warn('simulated traffic message failed', { error }));
      else deps.simulators.traffic.stop(params.id);
      return back(params.id, f.on === 'true' ? 'sim_traffic_on' : 'sim_traffic_off');
    })
    .post('/admin/channels/:id/simulator/fail', ({ params, body }) => {
      const f = failSchema.parse(body ?? {});
      running(params.id).setFailure({ endpoint: 'messages', mode: f.code === 130429 ? 'error' : 'async', code: f.code, times: f.times });
      return back(params.id, 'sim_fail');
    });
}
