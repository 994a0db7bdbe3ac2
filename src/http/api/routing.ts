/**
 * Routing API: claim, assign/transfer, take over, status changes and agent availability. Routes
 * only translate HTTP ↔ core; the rules (who may assign to whom) live in core/routing/permissions.
 */
import { z } from 'zod';
import { claimConversation } from '../../core/assignment';
import { setAvailability } from '../../core/availability';
import { assignAs, changeStatusAs, getVisibleConversationOrThrow, takeOverAs } from '../../core/conversation-actions';
import { fail } from '../../core/errors';
import { statusChangeSchema } from '../../core/routing/lifecycle';
import { getUserOrThrow } from '../../core/users';
import { AVAILABILITY } from '../../db/schema/enums';
import type { HttpDeps } from '../deps';
import { actorOf, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { checkIfMatch, etagOf } from './conventions';
import { conversationOut, idParams } from './schemas';
import { conversationJson } from './serialize';

export const assignBodySchema = z.object({
  assigneeId: z.string().min(1).nullable().optional(),
  teamId: z.string().min(1).nullable().optional(),
  note: z.string().max(500).optional(),
}).refine((b) => b.assigneeId !== undefined || b.teamId !== undefined, { message: 'Give an assigneeId (null to unassign) or a teamId', path: ['assigneeId'] });
export const availabilityBodySchema = z.object({ availability: z.enum(AVAILABILITY).nullable() });
const availabilityOut = z.object({ availability: z.enum(AVAILABILITY), manual: z.enum(AVAILABILITY).nullable() });

/** The routing endpoints under /api/v1. */
export function routingApi(deps: HttpDeps) {
  const { core } = deps;
  return apiFeature(deps, 'api-routing')
    .post('/conversations/:id/claim', ({ params, auth, ip, request }) => {
      const actor = actorOf(auth, ip);
      checkIfMatch(request, etagOf(getVisibleConversationOrThrow(core, actor.user, params.id)));
      return conversationJson(core, claimConversation(core, params.id, actor).conversation);
    }, { params: idParams, ...doc('routing', 'Take an unassigned conversation (409 when someone else already has it)', conversationOut) })
    .post('/conversations/:id/assign', ({ params, body, auth, ip, request }) => {
      const actor = actorOf(auth, ip);
      checkIfMatch(request, etagOf(getVisibleConversationOrThrow(core, actor.user, params.id)));
      return conversationJson(core, assignAs(core, actor, params.id, { assigneeId: body.assigneeId, teamId: body.teamId }, body.note ?? null).conversation);
    }, { params: idParams, body: assignBodySchema, ...doc('routing', 'Assign, transfer or unassign (assigneeId null); agents: see docs/routing.md. Honours If-Match', conversationOut) })
    .post('/conversations/:id/take-over', ({ params, auth, ip }) => conversationJson(core, takeOverAs(core, actorOf(auth, ip), params.id).conversation),
      { params: idParams, ...doc('routing', 'Become the assignee of a conversation owned by someone else (audited)', conversationOut) })
    .post('/conversations/:id/status', ({ params, body, auth, ip, request }) => {
      const actor = actorOf(auth, ip);
      checkIfMatch(request, etagOf(getVisibleConversationOrThrow(core, actor.user, params.id)));
      return conversationJson(core, changeStatusAs(core, actor, params.id, body));
    }, { params: idParams, body: statusChangeSchema, ...doc('routing', 'Open, pending, snooze (until a time or the customer replies) or resolve. Honours If-Match', conversationOut) })
    .put('/agents/:id/availability', ({ params, body, auth }) => {
      const user = requireUser(auth);
      if (user.role === 'agent' && user.id !== params.id) throw fail.forbidden('Agents can change only their own availability');
      getUserOrThrow(core, params.id);
      return { availability: setAvailability(core, params.id, body.availability, { manual: true }), manual: body.availability };
    }, { params: idParams, body: availabilityBodySchema, ...doc('routing', 'Set availability (null = automatic from presence); agents for themselves, supervisors for anyone', availabilityOut) });
}
