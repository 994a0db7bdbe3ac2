/** The supervisor live view (/supervisor) with bulk reassign; supervisors and admins only. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { assignConversation } from '../../core/assignment';
import { DomainError } from '../../core/errors';
import { supervisorOverview } from '../../core/routing/overview';
import { listActiveUsers } from '../../core/users';
import { html } from '../../lib/html';
import { notice } from '../../../views/components/form';
import { supervisorBoard, supervisorPage } from '../../../views/routing/supervisor-page';
import { localizeMessage } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';
import { notificationRoutes } from './notifications';

const bulkSchema = z.object({
  ids: z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (Array.isArray(v) ? v : [v])).pipe(z.array(z.string()).min(1).max(500)),
  target: z.string().default(''),
});

/** Supervisor pages. */
export function supervisorPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'supervisor-pages' })
    .use(requestContext(deps))
    .use(notificationRoutes(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'supervisor');
    })
    .get('/supervisor', ({ page }) => {
      const targets: Array<[string, string]> = [['', page.t('supervisor.unassigned')], ...listActiveUsers(core).map((u): [string, string] => [u.id, u.name])];
      return htmlResponse(supervisorPage(page, supervisorOverview(core), targets, core.clock.now()));
    })
    // The whole board: fetched when the socket (re)connects, so a tab never misses a change.
    .get('/supervisor/board', ({ page }) => htmlResponse(supervisorBoard(page.t, supervisorOverview(core), core.clock.now())))
    .post('/supervisor/reassign', ({ body, auth, ip, isHtmx, page }) => {
      const parsed = bulkSchema.safeParse(body ?? {});
      if (!parsed.success) return htmlResponse(notice('error', page.t('supervisor.pick_some')), isHtmx ? 200 : 422);
      const target = parsed.data.target === '' ? null : parsed.data.target;
      const failures: string[] = [];
      let moved = 0;
      for (const id of parsed.data.ids) {
        try {
          if (assignConversation(core, id, { assigneeId: target }, actorOf(auth, ip), { mode: 'manual', bulk: true }).changed) moved++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          failures.push(localizeMessage(page.t, error.message));
        }
      }
      const text = page.t('supervisor.moved', { count: moved });
      if (!isHtmx) return failures.length ? htmlResponse(notice('error', failures.join('; ')), 422) : redirect('/supervisor');
      return htmlResponse(html`${notice('success', text)}${failures.length ? notice('error', [...new Set(failures)].join('; ')) : ''}`);
    });
}
