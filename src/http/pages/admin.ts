/** Admin pages: users, audit log, dead-lettered jobs. Every action is audited by core. */
import { Elysia } from 'elysia';
import { listAudit } from '../../core/audit';
import { revokeUserSessions } from '../../core/auth';
import { DomainError } from '../../core/errors';
import { retryDeadJobAsAdmin } from '../../core/job-retry';
import { listDeadJobs } from '../../core/jobs';
import { createUser, listUsers, updateUser } from '../../core/users';
import { auditPage, deadJobsPage } from '../../../views/admin-system';
import { usersPage } from '../../../views/admin-users';
import { localizeMessage } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { formFailure } from '../form-errors';
import { actorOf, requestContext, requireRole } from '../request-context';
import { auditSubjects } from '../../core/audit-names';
import { htmlResponse, redirect } from '../respond';

/** Admin-only pages. */
export function adminPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin', () => redirect('/admin/users'))
    .get('/admin/users', ({ page, query }) =>
      htmlResponse(usersPage(page, listUsers(core), { success: query.ok === 'created' ? page.t('users.created') : query.ok === 'updated' ? page.t('users.updated') : null })))
    .post('/admin/users', async ({ body, page, auth, ip }) => {
      const form = (body ?? {}) as Record<string, string>;
      const { password: _p, _csrf, ...values } = form;
      try {
        await createUser(core, { name: form.name ?? '', email: form.email ?? '', password: form.password ?? '', role: form.role as never, locale: (form.locale || null) as never }, actorOf(auth, ip));
        return redirect('/admin/users?ok=created');
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(usersPage(page, listUsers(core), { values, ...failure }), failure.status);
      }
    })
    .post('/admin/users/:id', ({ params, body, page, auth, ip }) => {
      const form = (body ?? {}) as Record<string, string>;
      const changes: { role?: never; active?: boolean } = {};
      if (form.role) changes.role = form.role as never;
      if (form.active === 'true' || form.active === 'false') changes.active = form.active === 'true';
      try {
        updateUser(core, params.id, changes, actorOf(auth, ip));
        if (changes.active === false) revokeUserSessions(core, params.id);
        return redirect('/admin/users?ok=updated');
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict') {
          return htmlResponse(usersPage(page, listUsers(core), { message: localizeMessage(page.t, error.message) }), 409);
        }
        throw error;
      }
    })
    .get('/admin/audit', ({ page }) => {
      const rows = listAudit(core, 200);
      return htmlResponse(auditPage(page, rows, auditSubjects(core, rows)));
    })
    .get('/admin/jobs', ({ page }) => htmlResponse(deadJobsPage(page, listDeadJobs(core))))
    .post('/admin/jobs/:id/retry', ({ params, auth, ip }) => {
      retryDeadJobAsAdmin(core, params.id, actorOf(auth, ip));
      deps.jobs.poke();
      return redirect('/admin/jobs');
    });
}
