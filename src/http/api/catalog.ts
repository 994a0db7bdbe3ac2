/**
 * Labels and canned responses API. Labels: everyone reads and applies them, supervisors and
 * admins create, change and delete them. Canned responses: everyone keeps personal ones; shared
 * ones are changed by supervisors and admins (core/canned.ts decides).
 */
import { cannedInputSchema, createCanned, deleteCanned, listCanned, updateCanned } from '../../core/canned';
import { createLabel, deleteLabel, labelInputSchema, listLabels, updateLabel } from '../../core/labels';
import { pageOf } from '../../core/pagination';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { cannedOut, idParams, labelOut, okOut, pageOut, pageQuery } from './schemas';

/** The labels and canned responses endpoints. */
export function catalogApi(deps: HttpDeps) {
  const { core } = deps;
  return apiFeature(deps, 'api-catalog')
    .get('/labels', ({ query }) => pageOf(listLabels(core), query, (l) => l.name.toLowerCase()), { query: pageQuery, ...doc('labels', 'Labels by name (cursor pages)', pageOut(labelOut)) })
    .post('/labels', ({ body, auth, ip, set }) => {
      requireRole(auth, 'supervisor');
      set.status = 201;
      return createLabel(core, body, actorOf(auth, ip));
    }, { body: labelInputSchema, ...doc('labels', 'Create a label (supervisors; a name differing only in letter case reuses the existing label)', labelOut, 201) })
    .patch('/labels/:id', ({ params, body, auth, ip }) => {
      requireRole(auth, 'supervisor');
      return updateLabel(core, params.id, body, actorOf(auth, ip));
    }, { params: idParams, body: labelInputSchema, ...doc('labels', 'Rename or recolour a label (supervisors)', labelOut) })
    .delete('/labels/:id', ({ params, auth, ip }) => {
      requireRole(auth, 'supervisor');
      deleteLabel(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('labels', 'Delete a label; it leaves every conversation (supervisors)', okOut) })
    .get('/canned-responses', ({ query, auth }) => pageOf(listCanned(core, requireUser(auth)), query, (c) => c.shortcut),
      { query: pageQuery, ...doc('canned-responses', 'Your personal and the shared canned responses, by shortcut (cursor pages)', pageOut(cannedOut)) })
    .post('/canned-responses', ({ body, auth, ip, set }) => {
      set.status = 201;
      return createCanned(core, requireUser(auth), body, actorOf(auth, ip));
    }, { body: cannedInputSchema, ...doc('canned-responses', 'Create a personal response, or a shared one (shared: true; supervisors)', cannedOut, 201) })
    .patch('/canned-responses/:id', ({ params, body, auth, ip }) => updateCanned(core, requireUser(auth), params.id, body, actorOf(auth, ip)),
      { params: idParams, body: cannedInputSchema, ...doc('canned-responses', 'Change a response you may edit (yours; shared ones: supervisors)', cannedOut) })
    .delete('/canned-responses/:id', ({ params, auth, ip }) => {
      deleteCanned(core, requireUser(auth), params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('canned-responses', 'Delete a response you may edit', okOut) });
}
