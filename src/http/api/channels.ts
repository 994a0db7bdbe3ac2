/**
 * Channels REST API (`/api/v1`): admins manage WhatsApp channels (secrets only ever masked), test
 * them and sync their templates; every signed-in user may start or continue a conversation with
 * a contact by sending an approved template.
 */
import { z } from 'zod';
import { requestTemplateSync, testChannelConnection } from '../../channels/channel-actions';
import { channelTemplates } from '../../core/channel-admin';
import { createWhatsAppChannel, getChannelOrThrow, listChannels, publicChannel, updateWhatsAppChannel, whatsappChannelSchema } from '../../core/channels';
import { fail } from '../../core/errors';
import { sendMessage, sendMessageSchema } from '../../core/messages';
import { openConversationForContact } from '../../core/outreach';
import { canSeeConversation, visibleChannelIds } from '../../core/visibility';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole } from '../request-context';
import { CHANNEL_STATUSES } from '../../db/schema/enums';
import { apiFeature, doc } from './base';
import { idParams, messageWithFilesOut, pageOut } from './schemas';
import { messagesJson } from './serialize';

const ms = z.number().int();
const channelOut = z.object({
  id: z.string(), type: z.string(), name: z.string(), status: z.enum(CHANNEL_STATUSES), statusReason: z.string().nullable(),
  config: z.record(z.string(), z.unknown()), secrets: z.object({ accessToken: z.string(), appSecret: z.string(), verifyToken: z.string() }).describe('Masked'),
  createdAt: ms, updatedAt: ms,
});
const templateOut = z.object({
  id: z.string(), channelId: z.string(), externalId: z.string().nullable(), name: z.string(), language: z.string(), status: z.string(),
  category: z.string(), components: z.array(z.unknown()), syncedAt: ms,
});
const connectionTestOut = z.union([
  z.object({ ok: z.literal(true), description: z.string() }),
  z.object({ ok: z.literal(false), action: z.string(), code: z.number().nullable(), explanation: z.string() }),
]);

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
  return apiFeature(deps, 'api-channels')
    .get('/channels', ({ auth }) => {
      requireRole(auth, 'admin');
      return { items: listChannels(core).map((c) => publicChannel(core, c)), nextCursor: null };
    }, doc('channels', 'List channels (admin; secrets masked; a single page)', pageOut(channelOut)))
    .post('/channels', ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      const channel = createWhatsAppChannel(core, body, actorOf(auth, ip));
      requestTemplateSync(core, channel.id, actorOf(auth, ip));
      deps.jobs.poke();
      set.status = 201;
      return publicChannel(core, channel);
    }, { body: whatsappChannelSchema, ...doc('channels', 'Add a WhatsApp channel (admin)', channelOut, 201) })
    .get('/channels/:id', ({ params, auth }) => {
      requireRole(auth, 'admin');
      return publicChannel(core, getChannelOrThrow(core, params.id));
    }, { params: idParams, ...doc('channels', 'One channel (admin; secrets masked)', channelOut) })
    .patch('/channels/:id', ({ params, body, auth, ip }) => {
      requireRole(auth, 'admin');
      return publicChannel(core, updateWhatsAppChannel(core, params.id, body as never, actorOf(auth, ip)));
    }, { params: idParams, body: channelPatchSchema, ...doc('channels', 'Change a channel (admin); omitted fields and secrets stay as they are', channelOut) })
    .post('/channels/:id/test', ({ params, auth, ip }) => {
      requireRole(auth, 'admin');
      return testChannelConnection(core, params.id, actorOf(auth, ip));
    }, { params: idParams, ...doc('channels', 'Test the channel credentials: {ok, description} or {ok:false, action, code, explanation}', connectionTestOut) })
    .post('/channels/:id/templates/sync', ({ params, auth, ip, set }) => {
      requireRole(auth, 'admin');
      requestTemplateSync(core, params.id, actorOf(auth, ip));
      deps.jobs.poke();
      set.status = 202;
      return { queued: true };
    }, { params: idParams, ...doc('channels', 'Refresh the channel templates from the provider now (asynchronous)', z.object({ queued: z.literal(true) }), 202) })
    .get('/channels/:id/templates', ({ params, auth }) => {
      requireRole(auth, 'admin');
      getChannelOrThrow(core, params.id);
      return { items: channelTemplates(core, params.id), nextCursor: null };
    }, { params: idParams, ...doc('channels', 'Message templates of a channel (admin; a single page)', pageOut(templateOut)) })
    .post('/contacts/:id/messages', ({ params, body, auth, ip, set }) => {
      const actor = actorOf(auth, ip);
      const allowed = visibleChannelIds(core, actor.user);
      if (body.channelId && allowed && !allowed.includes(body.channelId)) throw fail.notFound('Channel');
      const { conversation } = openConversationForContact(core, params.id, body.channelId, actor);
      if (!canSeeConversation(core, actor.user, conversation)) throw fail.notFound('Channel');
      set.status = 201;
      const message = sendMessage(core, conversation.id, actor, { template: body.template });
      deps.jobs.poke();
      return messagesJson(core, [message])[0]!;
    }, {
      params: idParams, body: templateStartSchema,
      ...doc('messages', 'Start (or continue) a conversation with a contact by sending an approved template; returns the queued message', messageWithFilesOut, 201),
    });
}
