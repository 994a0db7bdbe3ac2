/**
 * Channels REST API (`/api/v1`): admins manage WhatsApp channels (secrets only ever masked), test
 * them and sync their templates; every signed-in user may start or continue a conversation with
 * a contact by sending an approved template.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { requestTemplateSync, testChannelConnection } from '../../channels/channel-actions';
import { channelTemplates } from '../../core/channel-admin';
import { createWhatsAppChannel, getChannelOrThrow, listChannels, publicChannel, updateWhatsAppChannel, whatsappChannelSchema } from '../../core/channels';
import { fail } from '../../core/errors';
import { sendMessage, sendMessageSchema } from '../../core/messages';
import { openConversationForContact } from '../../core/outreach';
import { canSeeConversation, visibleChannelIds } from '../../core/visibility';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole, requireUser } from '../request-context';
import { idParams } from './schemas';

/** PATCH body: every channel field optional and without defaults (omitted = unchanged). */
export const channelPatchSchema = z.object(Object.fromEntries(Object.entries(whatsappChannelSchema.shape).map(([key, schema]) => {
  const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  return [key, (inner as z.ZodType).optional()];
})) as { [K in keyof typeof whatsappChannelSchema.shape]: z.ZodOptional<z.ZodType> });

export const templateStartSchema = z.object({
  /** The channel to write on; default: the first channel where the contact has an identity. */
  channelId: z.string().min(1).optional(),
  template: sendMessageSchema.shape.template.unwrap(),
});

/** The channels API. */
export function channelsApi(deps: HttpDeps) {
  const { core } = deps;
  const admin = { detail: { tags: ['channels'] } };
  return new Elysia({ name: 'api-channels', prefix: '/api/v1' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireUser(auth);
    })
    .get('/channels', ({ auth }) => {
      requireRole(auth, 'admin');
      return { items: listChannels(core).map((c) => publicChannel(core, c)) };
    }, { detail: { summary: 'List channels (admin; secrets masked)', tags: ['channels'] } })
    .post('/channels', ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      const channel = createWhatsAppChannel(core, body, actorOf(auth, ip));
      requestTemplateSync(core, channel.id, actorOf(auth, ip));
      deps.jobs.poke();
      set.status = 201;
      return publicChannel(core, channel);
    }, { body: whatsappChannelSchema, detail: { summary: 'Add a WhatsApp channel (admin)', tags: ['channels'] } })
    .get('/channels/:id', ({ params, auth }) => {
      requireRole(auth, 'admin');
      return publicChannel(core, getChannelOrThrow(core, params.id));
    }, { params: idParams, ...admin })
    .patch('/channels/:id', ({ params, body, auth, ip }) => {
      requireRole(auth, 'admin');
      return publicChannel(core, updateWhatsAppChannel(core, params.id, body as never, actorOf(auth, ip)));
    }, { params: idParams, body: channelPatchSchema, detail: { summary: 'Change a channel (admin); omitted fields and secrets stay as they are', tags: ['channels'] } })
    .post('/channels/:id/test', ({ params, auth, ip }) => {
      requireRole(auth, 'admin');
      return testChannelConnection(core, params.id, actorOf(auth, ip));
    }, { params: idParams, detail: { summary: 'Test the channel credentials: {ok, description} or {ok:false, action, code, explanation}', tags: ['channels'] } })
    .post('/channels/:id/templates/sync', ({ params, auth, ip, set }) => {
      requireRole(auth, 'admin');
      requestTemplateSync(core, params.id, actorOf(auth, ip));
      deps.jobs.poke();
      set.status = 202;
      return { queued: true };
    }, { params: idParams, detail: { summary: 'Refresh the channel templates from the provider now (asynchronous)', tags: ['channels'] } })
    .get('/channels/:id/templates', ({ params, auth }) => {
      requireRole(auth, 'admin');
      getChannelOrThrow(core, params.id);
      return { items: channelTemplates(core, params.id) };
    }, { params: idParams, ...admin })
    .post('/contacts/:id/messages', ({ params, body, auth, ip, set }) => {
      const actor = actorOf(auth, ip);
      const allowed = visibleChannelIds(core, actor.user);
      if (body.channelId && allowed && !allowed.includes(body.channelId)) throw fail.notFound('Channel');
      const { conversation } = openConversationForContact(core, params.id, body.channelId, actor);
      if (!canSeeConversation(core, actor.user, conversation)) throw fail.notFound('Channel');
      set.status = 201;
      return sendMessage(core, conversation.id, actor, { template: body.template });
    }, {
      params: idParams, body: templateStartSchema,
      detail: { summary: 'Start (or continue) a conversation with a contact by sending an approved template; returns the queued message', tags: ['messages'] },
    });
}
