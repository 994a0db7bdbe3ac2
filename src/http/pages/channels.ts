/**
 * Admin → Channels: list, add/edit WhatsApp numbers, enable/disable, test the connection, sync
 * templates, team visibility, the Meta setup values (audited reveal of the verify token) and the
 * "add a simulator channel" shortcut. Admin only; every action is audited by the functions called.
 */
import { Elysia } from 'elysia';
import { requestTemplateSync, testChannelConnection, type ConnectionTest } from '../../channels/channel-actions';
import { channelTemplates, channelTeamIds, revealVerifyToken, setChannelTeams } from '../../core/channel-admin';
import { createWhatsAppChannel, getChannelOrThrow, listChannels, publicChannel, setChannelStatus, updateWhatsAppChannel } from '../../core/channels';
import { listTeams } from '../../core/teams';
import { channelDetailPage, type ChannelDetail } from '../../../views/channels/detail';
import { newChannelPage } from '../../../views/channels/form';
import { channelsListPage } from '../../../views/channels/list';
import type { PageContext } from '../../../views/context';
import type { HttpDeps } from '../deps';
import { simulatorPanelRoutes } from './simulator-panel';
import { simulatorPanel } from '../../../views/channels/simulator-panel';
import { formFailure, formList, formStrings } from '../form-errors';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const SECRET_FIELDS = ['accessToken', 'appSecret', 'verifyToken'];
/** Fields with a default: an empty input means "use the default" when creating. */
const DEFAULTED_FIELDS = ['graphUrl', 'graphVersion', 'rateLimitPerSecond'];
const FLASHES: Record<string, string> = {
  updated: 'channels.updated', status: 'channels.status_changed', sync: 'channels.sync_queued', teams: 'channels.teams_saved', simulator: 'channels.simulator_created',
  sim_sent: 'sim.sent', sim_traffic_on: 'sim.traffic_started', sim_traffic_off: 'sim.traffic_stopped', sim_fail: 'sim.fail_set',
};

/** The URL Meta must call: TURNO_PUBLIC_URL, else the origin this admin is using. */
export function webhookUrlFor(publicUrl: string | undefined, request: Request): string {
  const headers = request.headers;
  const forwarded = headers.get('x-forwarded-host') ? `${headers.get('x-forwarded-proto') ?? 'https'}://${headers.get('x-forwarded-host')}` : null;
  return `${(publicUrl ?? forwarded ?? new URL(request.url).origin).replace(/\/+$/, '')}/webhooks/whatsapp`;
}

/** Channel admin pages. */
export function channelPages(deps: HttpDeps) {
  const { core } = deps;
  const detail = (page: PageContext, request: Request, id: string, extra: Partial<ChannelDetail> = {}) => {
    const channel = getChannelOrThrow(core, id);
    return channelDetailPage(page, {
      channel: publicChannel(core, channel), webhookUrl: webhookUrlFor(core.config.publicUrl, request),
      teams: listTeams(core), teamIds: channelTeamIds(core, id), templates: channelTemplates(core, id),
      simulator: deps.simulators.simulatorOf(id) ? simulatorPanel(page, id, deps.simulators.traffic.rateOf(id)) : null, ...extra,
    });
  };
  const flash = (page: PageContext, ok: unknown) => (typeof ok === 'string' && FLASHES[ok] ? { kind: 'success' as const, text: page.t(FLASHES[ok]!) } : null);

  return new Elysia({ name: 'channel-pages' })
    .use(requestContext(deps))
    .use(simulatorPanelRoutes(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/channels', ({ page, query }) =>
      htmlResponse(channelsListPage(page, listChannels(core).map((c) => publicChannel(core, c)), { success: flash(page, query.ok)?.text })))
    .get('/admin/channels/new', ({ page }) => htmlResponse(newChannelPage(page)))
    .post('/admin/channels', ({ body, page, auth, ip, request }) => {
      const form = formStrings(body);
      const input = Object.fromEntries(Object.entries(form).filter(([k, v]) => !(DEFAULTED_FIELDS.includes(k) && v.trim() === '')));
      try {
        const channel = createWhatsAppChannel(core, input as never, actorOf(auth, ip));
        requestTemplateSync(core, channel.id, actorOf(auth, ip));
        deps.jobs.poke();
        return htmlResponse(detail(page, request, channel.id, {
          verifyToken: form.verifyToken?.trim(), flash: { kind: 'success', text: page.t('channels.created') },
        }), 201);
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(newChannelPage(page, { values: formStrings(body, SECRET_FIELDS), ...failure }), failure.status);
      }
    })
    .post('/admin/channels/simulator', async ({ auth, ip }) => {
      const channel = await deps.simulators.createChannel(actorOf(auth, ip));
      deps.jobs.poke();
      return redirect(`/admin/channels/${channel.id}?ok=simulator`);
    })
    .get('/admin/channels/:id', ({ params, page, request, query }) => htmlResponse(detail(page, request, params.id, { flash: flash(page, query.ok) })))
    .post('/admin/channels/:id', ({ params, body, page, auth, ip, request }) => {
      try {
        updateWhatsAppChannel(core, params.id, formStrings(body) as never, actorOf(auth, ip));
        return redirect(`/admin/channels/${params.id}?ok=updated`);
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(detail(page, request, params.id, { form: { values: formStrings(body, SECRET_FIELDS), ...failure } }), failure.status);
      }
    })
    .post('/admin/channels/:id/status', ({ params, body, auth, ip }) => {
      const status = formStrings(body).status === 'active' ? 'active' : 'disabled';
      setChannelStatus(core, params.id, status, null, actorOf(auth, ip));
      return redirect(`/admin/channels/${params.id}?ok=status`);
    })
    .post('/admin/channels/:id/test', async ({ params, page, auth, ip, request }) => {
      const test: ConnectionTest = await testChannelConnection(core, params.id, actorOf(auth, ip));
      return htmlResponse(detail(page, request, params.id, { test }));
    })
    .post('/admin/channels/:id/sync', ({ params, page, auth, ip, request }) => {
      try {
        requestTemplateSync(core, params.id, actorOf(auth, ip));
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(detail(page, request, params.id, { flash: { kind: 'error', text: failure.message ?? '' } }), failure.status);
      }
      deps.jobs.poke();
      return redirect(`/admin/channels/${params.id}?ok=sync`);
    })
    .post('/admin/channels/:id/teams', ({ params, body, auth, ip }) => {
      setChannelTeams(core, params.id, formList((body as Record<string, unknown> | null)?.teamIds), actorOf(auth, ip));
      return redirect(`/admin/channels/${params.id}?ok=teams`);
    })
    .post('/admin/channels/:id/reveal', ({ params, page, auth, ip, request }) => {
      const verifyToken = revealVerifyToken(core, params.id, actorOf(auth, ip));
      return htmlResponse(detail(page, request, params.id, { verifyToken, flash: { kind: 'info', text: page.t('channels.revealed_note') } }));
    });
}
