/**
 * REST API v1 (`/api/v1`), authenticated with Bearer API tokens (or a browser session plus CSRF
 * header). Routes translate HTTP to core calls; the rules live in core.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { contactUpdateSchema, getVisibleContactOrThrow, listIdentities, searchContacts, updateContact } from '../../core/contacts';
import { conversationFilterSchema, listConversationEvents, listConversations } from '../../core/conversations';
import { attachmentsOf, listThread, sendMessage, sendMessageSchema } from '../../core/messages';
import { createTeam, listTeams, teamInputSchema } from '../../core/teams';
import { createUser, getUserOrThrow, listUsers, newUserSchema, toPublicUser } from '../../core/users';
import { getVisibleConversationOrThrow } from '../../core/conversation-actions';
import { surveysOf } from '../../core/csat/survey';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole, requireUser } from '../request-context';
import { idParams, serializeUser } from './schemas';

/** The v1 API. */
export function apiV1(deps: HttpDeps) {
  const { core } = deps;
  const visibleConversation = (auth: Parameters<typeof requireUser>[0], id: string) => getVisibleConversationOrThrow(core, requireUser(auth), id);
  return new Elysia({ name: 'api-v1', prefix: '/api/v1' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireUser(auth);
    })
    .get('/me', ({ auth }) => serializeUser(requireUser(auth)), { detail: { summary: 'The authenticated user', tags: ['users'] } })
    .get('/users', () => ({ items: listUsers(core).map(serializeUser) }), { detail: { tags: ['users'] } })
    .get('/users/:id', ({ params }) => serializeUser(toPublicUser(getUserOrThrow(core, params.id))), { params: idParams, detail: { tags: ['users'] } })
    .post('/users', async ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      set.status = 201;
      return serializeUser(await createUser(core, body, actorOf(auth, ip)));
    }, { body: newUserSchema, detail: { summary: 'Create a user (admin)', tags: ['users'] } })
    .get('/teams', () => ({ items: listTeams(core) }), { detail: { tags: ['teams'] } })
    .post('/teams', ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      set.status = 201;
      return createTeam(core, body, actorOf(auth, ip));
    }, { body: teamInputSchema, detail: { summary: 'Create a team (admin)', tags: ['teams'] } })
    .get('/contacts', ({ query, auth }) => ({ items: searchContacts(core, requireUser(auth), query.q ?? '', query.limit ?? 50) }), {
      query: z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
      detail: { tags: ['contacts'] },
    })
    .get('/contacts/:id', ({ params, auth }) => ({ ...getVisibleContactOrThrow(core, requireUser(auth), params.id), identities: listIdentities(core, params.id) }), { params: idParams, detail: { tags: ['contacts'] } })
    .patch('/contacts/:id', ({ params, body, auth }) => {
      getVisibleContactOrThrow(core, requireUser(auth), params.id);
      return updateContact(core, params.id, body);
    }, { params: idParams, body: contactUpdateSchema, detail: { tags: ['contacts'] } })
    .get('/conversations', ({ query, auth }) => listConversations(core, requireUser(auth), query), {
      query: conversationFilterSchema,
      detail: { summary: 'List conversations (keyset pagination with nextCursor)', tags: ['conversations'] },
    })
    .get('/conversations/:id', ({ params, auth }) => {
      const conversation = visibleConversation(auth, params.id);
      return { ...conversation, timeline: listConversationEvents(core, conversation.id), csat: surveysOf(core, conversation.id) };
    }, { params: idParams, detail: { tags: ['conversations'] } })
    .get('/conversations/:id/messages', ({ params, query, auth }) => {
      visibleConversation(auth, params.id);
      const items = listThread(core, params.id, { before: query.before, limit: query.limit });
      const files = attachmentsOf(core, items.map((m) => m.id));
      return { items: items.map((m) => ({ ...m, attachments: files.filter((a) => a.messageId === m.id) })) };
    }, {
      params: idParams,
      query: z.object({ before: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
      detail: { summary: 'Messages of a conversation, oldest first; `before` pages back', tags: ['messages'] },
    })
    .post('/conversations/:id/messages', ({ params, body, auth, ip, set }) => {
      visibleConversation(auth, params.id);
      set.status = 201;
      return sendMessage(core, params.id, actorOf(auth, ip), body);
    }, { params: idParams, body: sendMessageSchema, detail: { summary: 'Send a message or add a private note', tags: ['messages'] } });
}
