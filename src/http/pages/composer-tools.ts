/**
 * JSON endpoints behind the composer's pickers, for a conversation the user may see (404
 * otherwise): `GET /inbox/c/:id/canned` (the user's and shared canned responses with variables
 * expanded for this conversation), `GET /inbox/c/:id/mentionable` (colleagues who may see it, for
 * the @mention picker), `GET /inbox/c/:id/templates` (APPROVED templates of the
 * conversation's channel with their variables) and `POST /inbox/c/:id/template` (sends a template
 * with variable values, a header file or location, and button values through `sendMessage`).
 */
import { Elysia, t as schema } from 'elysia';
import { cannedVariables, expandCanned, listCanned } from '../../core/canned';
import { sendMessage } from '../../core/messages';
import { mentionableUsers } from '../../core/message-actions';
import { templateOptions } from '../../core/template-picker';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireUser } from '../request-context';
import { getVisibleConversationOrThrow } from '../../core/conversation-actions';

const templateSendSchema = schema.Object({
  name: schema.String({ minLength: 1, maxLength: 512 }),
  language: schema.String({ minLength: 2, maxLength: 15 }),
  body: schema.Array(schema.String({ maxLength: 1024 }), { maxItems: 30 }),
  header: schema.Optional(schema.Union([
    schema.Object({ type: schema.Literal('text'), params: schema.Array(schema.String({ maxLength: 60 }), { maxItems: 1 }) }),
    schema.Object({ type: schema.Union([schema.Literal('image'), schema.Literal('video'), schema.Literal('document')]), attachmentId: schema.String({ maxLength: 64 }), filename: schema.Optional(schema.String({ maxLength: 240 })) }),
    schema.Object({ type: schema.Literal('location'), latitude: schema.Number(), longitude: schema.Number(), name: schema.Optional(schema.String({ maxLength: 100 })), address: schema.Optional(schema.String({ maxLength: 300 })) }),
  ])),
  buttons: schema.Optional(schema.Array(schema.Union([
    schema.Object({ subType: schema.Literal('url'), index: schema.Integer({ minimum: 0, maximum: 9 }), text: schema.String({ maxLength: 2000 }) }),
    schema.Object({ subType: schema.Literal('copy_code'), index: schema.Integer({ minimum: 0, maximum: 9 }), couponCode: schema.String({ maxLength: 15 }) }),
  ]), { maxItems: 10 })),
});

/** Composer picker endpoints. */
export function composerTools(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'composer-tools' })
    .use(requestContext(deps))
    .get('/inbox/c/:id/canned', ({ auth, params }) => {
      const user = requireUser(auth);
      const conversation = getVisibleConversationOrThrow(core, user, params.id);
      const vars = cannedVariables(core, conversation, user);
      return listCanned(core, user).map((c) => ({ id: c.id, shortcut: c.shortcut, title: c.title, shared: c.ownerId === null, text: expandCanned(c.content, vars) }));
    })
    .get('/inbox/c/:id/mentionable', ({ auth, params }) => {
      const user = requireUser(auth);
      return mentionableUsers(core, getVisibleConversationOrThrow(core, user, params.id), user.id);
    })
    .get('/inbox/c/:id/templates', ({ auth, params }) => {
      const conversation = getVisibleConversationOrThrow(core, requireUser(auth), params.id);
      return templateOptions(core, conversation.channelId);
    })
    .post('/inbox/c/:id/template', ({ auth, ip, params, body }) => {
      const conversation = getVisibleConversationOrThrow(core, requireUser(auth), params.id);
      const message = sendMessage(core, conversation.id, actorOf(auth, ip), { template: { name: body.name, language: body.language, body: body.body, header: body.header, buttons: body.buttons } });
      deps.jobs.poke();
      return { id: message.id, status: message.status };
    }, { body: templateSendSchema });
}
