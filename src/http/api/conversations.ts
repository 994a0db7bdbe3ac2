/**
 * Conversations API: the inbox's filters (cursor pages), one conversation with its timeline
 * (ETag), priority and labels (If-Match), labels add/remove, participants, mark read/unread,
 * snooze and a plain-text transcript. Same core calls and visibility as the inbox pages.
 */
import { surveysOf } from '../../core/csat/survey';
import { z } from 'zod';
import { changeStatusAs, getVisibleConversationOrThrow, setConversationPriority } from '../../core/conversation-actions';
import { conversationFilterSchema, getConversationOrThrow, listConversationEvents, listConversations } from '../../core/conversations';
import { markConversationRead, markConversationUnread } from '../../core/inbox-read';
import { createLabel, labelsOfConversation, setConversationLabel } from '../../core/labels';
import { fail } from '../../core/errors';
import { conversationParticipants, conversationTranscript } from '../../core/transcript';
import { PRIORITIES } from '../../db/schema/enums';
import type { HttpDeps } from '../deps';
import { actorOf, requireUser, type Auth } from '../request-context';
import { apiFeature, doc } from './base';
import { checkIfMatch, etagOf } from './conventions';
import { conversationDetailOut, conversationOut, idParams, labelOut, okOut, pageOut } from './schemas';
import { conversationJson, conversationsJson } from './serialize';

const patchBody = z.object({
  priority: z.enum(PRIORITIES).optional(),
  /** The complete set of labels the conversation should carry. */
  labelIds: z.array(z.string().min(1)).max(50).optional(),
}).refine((b) => b.priority !== undefined || b.labelIds !== undefined, { message: 'Give a priority or labelIds', path: ['priority'] });
const snoozeBody = z.object({
  /** Until this instant (epoch ms, or ISO 8601 with a time zone). */
  until: z.union([z.number().int().positive(), z.iso.datetime({ offset: true })]).optional(),
  /** Or until the customer writes again. */
  untilReply: z.boolean().default(false),
}).refine((b) => b.until !== undefined || b.untilReply, { message: 'Give `until` or set `untilReply`', path: ['until'] });
const participantOut = z.object({ type: z.enum(['contact', 'assignee', 'agent', 'team']), id: z.string(), name: z.string() });
const transcriptOut = z.object({ conversationId: z.string(), number: z.number().int(), text: z.string(), lines: z.array(z.object({ at: z.number().int(), from: z.string(), text: z.string(), private: z.boolean() })) });

/** The conversations endpoints. */
export function conversationsApi(deps: HttpDeps) {
  const { core } = deps;
  const visible = (auth: Auth, id: string) => getVisibleConversationOrThrow(core, requireUser(auth), id);
  /** A conversation the caller was already found allowed to see, with its ETag set. */
  const detail = (id: string, set: { headers: Record<string, unknown> }) => {
    const conversation = getConversationOrThrow(core, id);
    set.headers.etag = etagOf(conversation);
    const csat = surveysOf(core, id).map((s) => ({ id: s.id, status: s.status, via: s.via, score: s.score, comment: s.comment, sentAt: s.sentAt, answeredAt: s.answeredAt }));
    return { ...conversationJson(core, conversation), timeline: listConversationEvents(core, id), csat };
  };
  return apiFeature(deps, 'api-conversations')
    .get('/conversations', ({ query, auth }) => {
      const page = listConversations(core, requireUser(auth), query);
      return { items: conversationsJson(core, page.items), nextCursor: page.nextCursor };
    }, { query: conversationFilterSchema, ...doc('conversations', 'Conversations you may see, with the inbox filters; each embeds contact, assignee, team and labels (cursor pages)', pageOut(conversationOut)) })
    .get('/conversations/:id', ({ params, auth, set }) => {
      visible(auth, params.id);
      return detail(params.id, set);
    }, { params: idParams, ...doc('conversations', 'A conversation with its timeline; the ETag header is its version', conversationDetailOut) })
    .patch('/conversations/:id', ({ params, body, auth, ip, request, set }) => {
      const conversation = visible(auth, params.id);
      checkIfMatch(request, etagOf(conversation));
      const actor = actorOf(auth, ip);
      if (body.priority !== undefined) setConversationPriority(core, conversation.id, body.priority, actor);
      if (body.labelIds !== undefined) {
        const now = new Set(labelsOfConversation(core, conversation.id).map((l) => l.id));
        const wanted = new Set(body.labelIds);
        for (const id of wanted) if (!now.has(id)) setConversationLabel(core, conversation.id, id, true, actor);
        for (const id of now) if (!wanted.has(id)) setConversationLabel(core, conversation.id, id, false, actor);
      }
      return detail(conversation.id, set);
    }, { params: idParams, body: patchBody, ...doc('conversations', 'Set the priority and/or the complete label set; send If-Match to refuse a stale update (412)', conversationDetailOut) })
    .post('/conversations/:id/labels', ({ params, body, auth, ip, request }) => {
      const conversation = visible(auth, params.id);
      checkIfMatch(request, etagOf(conversation));
      const actor = actorOf(auth, ip);
      const labelId = body.labelId ?? (body.name ? createLabel(core, { name: body.name }, actor).id : null);
      if (!labelId) throw fail.unprocessable('Give a labelId or a label name', { field: 'labelId' });
      setConversationLabel(core, conversation.id, labelId, true, actor);
      return { items: labelsOfConversation(core, conversation.id), nextCursor: null };
    }, {
      params: idParams, body: z.object({ labelId: z.string().min(1).optional(), name: z.string().trim().min(1).max(40).optional() }),
      ...doc('conversations', 'Add a label (by id, or by name: created when new); answers the conversation\'s labels', pageOut(labelOut)),
    })
    .delete('/conversations/:id/labels/:labelId', ({ params, auth, ip, request }) => {
      const conversation = visible(auth, params.id);
      checkIfMatch(request, etagOf(conversation));
      setConversationLabel(core, conversation.id, params.labelId, false, actorOf(auth, ip));
      return { items: labelsOfConversation(core, conversation.id), nextCursor: null };
    }, { params: z.object({ id: z.string().min(1), labelId: z.string().min(1) }), ...doc('conversations', 'Remove a label; answers the conversation\'s labels', pageOut(labelOut)) })
    .get('/conversations/:id/participants', ({ params, auth }) => ({ items: conversationParticipants(core, visible(auth, params.id)), nextCursor: null }),
      { params: idParams, ...doc('conversations', 'Who takes part: the contact, the team, the assignee and every agent who wrote a message or note', pageOut(participantOut)) })
    .post('/conversations/:id/read', ({ params, auth }) => {
      markConversationRead(core, requireUser(auth), visible(auth, params.id));
      return { ok: true as const };
    }, { params: idParams, ...doc('conversations', 'Mark the conversation read for you', okOut) })
    .post('/conversations/:id/unread', ({ params, auth }) => {
      const user = requireUser(auth);
      markConversationUnread(core, user.id, visible(auth, params.id).id);
      return { ok: true as const };
    }, { params: idParams, ...doc('conversations', 'Mark the conversation unread for you', okOut) })
    .post('/conversations/:id/snooze', ({ params, body, auth, ip, request, set }) => {
      checkIfMatch(request, etagOf(visible(auth, params.id)));
      const until = body.until === undefined ? null : typeof body.until === 'number' ? body.until : Date.parse(body.until);
      changeStatusAs(core, actorOf(auth, ip), params.id, { status: 'snoozed', snoozeUntil: until, snoozeUntilReply: body.untilReply });
      return detail(params.id, set);
    }, { params: idParams, body: snoozeBody, ...doc('conversations', 'Snooze until a time and/or until the customer replies (the status endpoint does the same with status=snoozed)', conversationDetailOut) })
    .get('/conversations/:id/transcript', ({ params, auth }) => conversationTranscript(core, visible(auth, params.id)),
      { params: idParams, ...doc('conversations', 'The whole conversation as plain text (and as lines), notes marked, in time order', transcriptOut) });
}
