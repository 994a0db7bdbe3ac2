/**
 * Routing configuration API (admins, like /admin/routing): routing rules (list, create, replace,
 * move, delete), business hours (company default and per team) and SLA policies.
 */
import { z } from 'zod';
import { fail } from '../../core/errors';
import { businessHoursSchema, listBusinessHours, ownHours, saveBusinessHours } from '../../core/routing/hours-store';
import { ruleInputSchema } from '../../core/routing/rule-schema';
import { createRule, deleteRule, getRuleOrThrow, listRules, moveRule, updateRule } from '../../core/routing/rules';
import { deleteSlaPolicy, listSlaPolicies, saveSlaPolicy, slaPolicySchema } from '../../core/routing/sla';
import { pageOf } from '../../core/pagination';
import { getTeamOrThrow } from '../../core/teams';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole } from '../request-context';
import { apiFeature, doc } from './base';
import { businessHoursOut, idParams, okOut, pageOut, pageQuery, ruleOut, slaOut } from './schemas';

const scopeParams = z.object({ scope: z.string().min(1).describe('`default` for the company hours, or a team id') });

/** The routing configuration endpoints. */
export function routingConfigApi(deps: HttpDeps) {
  const { core } = deps;
  const teamOf = (scope: string) => (scope === 'default' ? null : getTeamOrThrow(core, scope).id);
  return apiFeature(deps, 'api-routing-config')
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/routing-rules', ({ query }) => pageOf(listRules(core), query, (r) => r.position), { query: pageQuery, ...doc('routing', 'Routing rules in evaluation order (admin; cursor pages)', pageOut(ruleOut)) })
    .get('/routing-rules/:id', ({ params }) => getRuleOrThrow(core, params.id), { params: idParams, ...doc('routing', 'One routing rule (admin)', ruleOut) })
    .post('/routing-rules', ({ body, auth, ip, set }) => {
      set.status = 201;
      return createRule(core, body, actorOf(auth, ip));
    }, { body: ruleInputSchema, ...doc('routing', 'Add a rule at the end (admin); see docs/routing.md for conditions and actions', ruleOut, 201) })
    .patch('/routing-rules/:id', ({ params, body, auth, ip }) => updateRule(core, params.id, body, actorOf(auth, ip)),
      { params: idParams, body: ruleInputSchema.partial(), ...doc('routing', 'Change a rule (admin): enabled, name, conditions, actions…', ruleOut) })
    .post('/routing-rules/:id/move', ({ params, body, auth, ip }) => {
      moveRule(core, params.id, body.direction, actorOf(auth, ip));
      return getRuleOrThrow(core, params.id);
    }, { params: idParams, body: z.object({ direction: z.enum(['up', 'down']) }), ...doc('routing', 'Move a rule one place up or down (admin)', ruleOut) })
    .delete('/routing-rules/:id', ({ params, auth, ip }) => {
      deleteRule(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('routing', 'Delete a rule (admin)', okOut) })
    .get('/business-hours', ({ query }) => pageOf(listBusinessHours(core), query, (h) => h.teamId ?? ''), { query: pageQuery, ...doc('routing', 'Every stored set of business hours: the company default (teamId null) and teams with their own (admin)', pageOut(businessHoursOut)) })
    .get('/business-hours/:scope', ({ params }) => {
      const teamId = teamOf(params.scope);
      const hours = ownHours(core, teamId);
      if (!hours) throw fail.notFound('Business hours');
      return { ...hours, teamId };
    }, { params: scopeParams, ...doc('routing', 'The company (`default`) or a team\'s own hours (admin; 404 when none are set: always open / company hours apply)', businessHoursOut) })
    .put('/business-hours/:scope', ({ params, body, auth, ip }) => {
      const teamId = teamOf(params.scope);
      saveBusinessHours(core, teamId, body, actorOf(auth, ip));
      return { ...ownHours(core, teamId)!, teamId };
    }, { params: scopeParams, body: businessHoursSchema, ...doc('routing', 'Replace the company (`default`) or a team\'s hours (admin)', businessHoursOut) })
    .get('/sla-policies', ({ query }) => pageOf(listSlaPolicies(core), query, (p) => p.name), { query: pageQuery, ...doc('routing', 'SLA policies (admin; cursor pages)', pageOut(slaOut)) })
    .post('/sla-policies', ({ body, auth, ip, set }) => {
      set.status = 201;
      return saveSlaPolicy(core, body, actorOf(auth, ip));
    }, { body: slaPolicySchema, ...doc('routing', 'Set the SLA policy of a team (teamId) or the default one (teamId null); replaces the one already there (admin)', slaOut, 201) })
    .delete('/sla-policies/:id', ({ params, auth, ip }) => {
      deleteSlaPolicy(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('routing', 'Delete an SLA policy (admin)', okOut) });
}
