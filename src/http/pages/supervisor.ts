/** The supervisor live view (/supervisor) with bulk reassign; supervisors and admins only. */
import { Elysia } from 'elysia';
import { assignConversation } from '../../core/assignment';
import { supervisorOverview } from '../../core/routing/overview';
import { listUsers } from '../../core/users';
import { supervisorBoard, supervisorPage } from '../../../views/routing/supervisor-page';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

/** Supervisor pages. */
export function supervisorPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'supervisor-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'supervisor');
    })
    .get('/supervisor', ({ page, query }) => {
      const targets: Array<[string, string]> = [['', page.t('supervisor.unassigned')], ...listUsers(core).filter((u) => u.active).map((u): [string, string] => [u.id, u.name])];
      const flash = query.moved ? page.t('supervisor.moved', { count: Number(query.moved) }) : null;
      return htmlResponse(supervisorPage(page, supervisorOverview(core, page.t('supervisor.unassigned')), targets, flash));
    })
    .get('/supervisor/board', ({ page }) => htmlResponse(supervisorBoard(page, supervisorOverview(core, page.t('supervisor.unassigned')))))
    .post('/supervisor/reassign', ({ body, auth, ip, isHtmx }) => {
      const form = (body ?? {}) as Record<string, string | string[]>;
      const ids = Array.isArray(form.ids) ? form.ids : form.ids ? [form.ids] : [];
      const target = typeof form.target === 'string' && form.target !== '' ? form.target : null;
      for (const id of ids) assignConversation(core, id, { assigneeId: target }, actorOf(auth, ip), { mode: 'manual', bulk: true });
      return redirect(`/supervisor?moved=${ids.length}`, isHtmx);
    });
}
