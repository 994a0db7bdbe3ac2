/**
 * Routing API: claim, assign/transfer, take over, status changes and agent availability. Routes
 * only translate HTTP ↔ core; the rules (who may assign to whom) live in core/routing/permissions.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { assignConversation, claimConversation, takeOver } from '../../core/assignment';
import { setAvailability } from '../../core/availability';
import { getConversationOrThrow } from '../../core/conversations';
import { fail } from '../../core/errors';
import { setConversationStatus, statusChangeSchema } from '../../core/routing/lifecycle';
import { assertMayAssign } from '../../core/routing/permissions';
import type { PublicUser } from '../../core/types';
import { getUserOrThrow } from '../../core/users';
import { canSeeConversation } from '../../core/visibility';
import { AVAILABILITY } from '../../db/schema/enums';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireUser } from '../request-context';
import { idParams } from './schemas';

export const assignBodySchema = z.object({
  assigneeId: z.string().min(1).nullable().optional(),
  teamId: z.string().min(1).nullable().optional(),
  note: z.string().max(500).optional(),
}).refine((b) => b.assigneeId !== undefined || b.teamId !== undefined, { message: 'Give an assigneeId (null to unassign) or a teamId', path: ['assigneeId'] });
export const availabilityBodySchema = z.object({ availability: z.enum(AVAILABILITY).nullable() });

/** The routing endpoints under /api/v1. */
export function routingApi(deps: HttpDeps) {
  const { core } = deps;
  const visible = (user: PublicUser, id: string) => {
    const conversation = getConversationOrThrow(core, id);
    if (!canSeeConversation(core, user, conversation)) throw fail.notFound('Conversation');
    return conversation;
  };
  return new Elysia({ name: 'api-routing', prefix: '/api/v1' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireUser(auth);
    })
    .post('/conversations/:id/claim', ({ params, auth, ip }) => {
      const actor = actorOf(auth, ip);
      visible(actor.user, params.id);
      return claimConversation(core, params.id, actor).conversation;
    }, { params: idParams, detail: { summary: 'Take an unassigned conversation (409 when someone else already has it)', tags: ['routing'] } })
    .post('/conversations/:id/assign', ({ params, body, auth, ip }) => {
      const actor = actorOf(auth, ip);
      const conversation = visible(actor.user, params.id);
      const target = { assigneeId: body.assigneeId, teamId: body.teamId };
      assertMayAssign(core, actor.user, conversation, target);
      const mode = actor.user.role === 'agent' && conversation.assigneeId === actor.user.id && body.assigneeId !== actor.user.id ? 'transfer' : 'manual';
      return assignConversation(core, params.id, target, actorOf(auth, ip), { mode, note: body.note ?? null }).conversation;
    }, { params: idParams, body: assignBodySchema, detail: { summary: 'Assign, transfer or unassign (assigneeId null); agents: see docs/routing.md', tags: ['routing'] } })
    .post('/conversations/:id/take-over', ({ params, auth, ip }) => {
      const actor = actorOf(auth, ip);
      visible(actor.user, params.id);
      return takeOver(core, params.id, actor).conversation;
    }, { params: idParams, detail: { summary: 'Become the assignee of a conversation owned by someone else (audited)', tags: ['routing'] } })
    .post('/conversations/:id/status', ({ params, body, auth, ip }) => {
      const actor = actorOf(auth, ip);
      const conversation = visible(actor.user, params.id);
      if (actor.user.role === 'agent' && conversation.assigneeId && conversation.assigneeId !== actor.user.id) {
        throw fail.forbidden('Only the assigned agent or a supervisor can change the status of this conversation');
      }
      return setConversationStatus(core, params.id, body, actorOf(auth, ip));
    }, { params: idParams, body: statusChangeSchema, detail: { summary: 'Open, pending, snooze (until a time or the customer replies) or resolve', tags: ['routing'] } })
    .put('/agents/:id/availability', ({ params, body, auth }) => {
      const user = requireUser(auth);
      if (user.role === 'agent' && user.id !== params.id) throw fail.forbidden('Agents can change only their own availability');
      getUserOrThrow(core, params.id);
      return { availability: setAvailability(core, params.id, body.availability, { manual: true }), manual: body.availability };
    }, { params: idParams, body: availabilityBodySchema, detail: { summary: 'Set availability (null = automatic from presence); agents for themselves, supervisors for anyone', tags: ['routing'] } });
}
