/** Admin views of the audit log and of dead-lettered jobs. */
import type { AuditSubjects } from '../src/core/audit-names';
import { html, type SafeHtml } from '../src/lib/html';
import type { Job } from '../src/core/types';
import { csrfField } from './components/form';
import type { PageContext } from './context';
import { timeTag } from './inbox/format';
import { layout } from './layout';
import { adminNav } from './admin-nav';

interface AuditRow { id: string; action: string; actorId: string | null; targetType: string | null; targetId: string | null; details: Record<string, unknown>; createdAt: number }

/** The thing an audit row is about, named and linked (a conversation as "#12", a user by name…). */
function auditTarget(ctx: PageContext, r: AuditRow, s: AuditSubjects): SafeHtml {
  const id = r.targetId ?? '';
  switch (r.targetType) {
    case 'conversation': return s.conversations.has(id) ? html`<a href="/inbox/c/${id}">${ctx.t('audit.conversation', { number: s.conversations.get(id)! })}</a>` : html`${ctx.t('audit.gone')}`;
    case 'user': return html`<a href="/admin/users">${s.users.get(id) ?? ctx.t('audit.gone')}</a>`;
    case 'team': return html`<a href="/admin/teams">${s.teams.get(id) ?? ctx.t('audit.gone')}</a>`;
    case 'channel': return s.channels.has(id) ? html`<a href="/admin/channels/${id}">${s.channels.get(id)}</a>` : html`${ctx.t('audit.gone')}`;
    case 'label': return html`<a href="/settings/labels">${s.labels.get(id) ?? ctx.t('audit.gone')}</a>`;
    case 'routing_rule': return html`<a href="/admin/routing?edit=${id}">${ctx.t('audit.rule')}</a>`;
    default: return html`${r.targetType ? ctx.t(`audit.type.${r.targetType}`) === `audit.type.${r.targetType}` ? r.targetType.replace(/_/g, ' ') : ctx.t(`audit.type.${r.targetType}`) : ''}`;
  }
}

/** One detail value in words: ids become names, flags yes/no, lists joined; null and empty are left out. */
function detailValue(ctx: PageContext, key: string, value: unknown, s: AuditSubjects): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return ctx.t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.map((v) => detailValue(ctx, key, v, s)).filter(Boolean).join(', ') || null;
  if (typeof value === 'object') return null;
  const text = String(value);
  const named = s.users.get(text) ?? s.teams.get(text) ?? s.channels.get(text) ?? s.labels.get(text);
  if (named) return named;
  if (s.conversations.has(text)) return ctx.t('audit.conversation', { number: s.conversations.get(text)! });
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(text) ? ctx.t('audit.gone') : text;
}

/** What an action is called: its own words when translated, else the action code made readable. */
function actionText(ctx: PageContext, action: string): string {
  const key = `audit.do.${action}`;
  const text = ctx.t(key);
  return text === key ? action.replace(/[._]/g, ' ') : text;
}

/** The audit log: when, who, what, which thing (linked) and the details, all in words. */
export function auditPage(ctx: PageContext, rows: AuditRow[], subjects: AuditSubjects) {
  const details = (r: AuditRow) => Object.entries(r.details)
    .map(([key, value]) => [key, detailValue(ctx, key, value, subjects)] as const).filter(([, v]) => v !== null);
  return layout(ctx, ctx.t('audit.title'), html`${adminNav(ctx)}<section class="card"><h1>${ctx.t('audit.title')}</h1>
    ${rows.length === 0 ? html`<p class="muted">${ctx.t('audit.empty')}</p>` : html`<div class="table-wrap"><table class="table stack audit"><thead><tr><th>${ctx.t('audit.when')}</th><th>${ctx.t('audit.who')}</th><th>${ctx.t('audit.action')}</th><th>${ctx.t('audit.target')}</th><th>${ctx.t('audit.details')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr data-action="${r.action}"><td>${timeTag(ctx.t, r.createdAt, 'datetime')}</td>
      <td>${r.actorId ? (subjects.users.get(r.actorId) ?? ctx.t('audit.gone')) : ctx.t('audit.system')}</td><td title="${r.action}">${actionText(ctx, r.action)}</td>
      <td>${auditTarget(ctx, r, subjects)}</td><td>${details(r).length ? html`<dl class="audit-details">${details(r).map(([k, v]) => {
        const label = ctx.t(`audit.field.${k}`);
        return html`<dt>${label === `audit.field.${k}` ? k.replace(/([A-Z])/g, ' $1').toLowerCase() : label}</dt><dd>${v}</dd>`;
      })}</dl>` : ''}</td></tr>`)}</tbody></table></div>`}</section>`);
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
