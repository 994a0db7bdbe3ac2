/** Admin views of the audit log and of dead-lettered jobs. */
import { html } from '../src/lib/html';
import type { Job } from '../src/core/types';
import { csrfField } from './components/form';
import type { PageContext } from './context';
import { timeTag } from './inbox/format';
import { layout } from './layout';
import { adminNav } from './admin-nav';

interface AuditRow { id: string; action: string; actorId: string | null; targetType: string | null; targetId: string | null; details: Record<string, unknown>; createdAt: number }

/** The audit log table. */
export function auditPage(ctx: PageContext, rows: AuditRow[], names: Map<string, string>) {
  return layout(ctx, ctx.t('audit.title'), html`${adminNav(ctx)}<section class="card"><h1>${ctx.t('audit.title')}</h1>
    ${rows.length === 0 ? html`<p class="muted">${ctx.t('audit.empty')}</p>` : html`<div class="table-wrap"><table class="table"><thead><tr><th>${ctx.t('audit.when')}</th><th>${ctx.t('audit.who')}</th><th>${ctx.t('audit.action')}</th><th>${ctx.t('audit.target')}</th><th>${ctx.t('audit.details')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><td>${timeTag(ctx.t, r.createdAt, 'datetime')}</td>
      <td>${r.actorId ? (names.get(r.actorId) ?? r.actorId) : ctx.t('audit.system')}</td><td><code>${r.action}</code></td>
      <td>${r.targetType ?? ''} ${r.targetId ?? ''}</td><td><code class="wrap">${JSON.stringify(r.details)}</code></td></tr>`)}</tbody></table></div>`}</section>`);
}

/** Dead-lettered jobs with a retry button. */
export function deadJobsPage(ctx: PageContext, rows: Job[]) {
  return layout(ctx, ctx.t('jobs.dead_title'), html`${adminNav(ctx)}<section class="card"><h1>${ctx.t('jobs.dead_title')}</h1>
    ${rows.length === 0 ? html`<p class="muted">${ctx.t('jobs.empty')}</p>` : html`<div class="table-wrap"><table class="table">
    <thead><tr><th>${ctx.t('jobs.type')}</th><th>${ctx.t('jobs.attempts')}</th><th>${ctx.t('jobs.last_error')}</th><th>${ctx.t('jobs.payload')}</th><th></th></tr></thead>
    <tbody>${rows.map((j) => html`<tr><td><code>${j.type}</code></td><td>${j.attempts}</td><td>${j.lastError ?? ''}</td>
      <td><code class="wrap">${JSON.stringify(j.payload)}</code></td>
      <td><form method="post" action="/admin/jobs/${j.id}/retry">${csrfField(ctx.csrfToken)}<button class="small" type="submit">${ctx.t('jobs.retry')}</button></form></td></tr>`)}</tbody></table></div>`}</section>`);
}
