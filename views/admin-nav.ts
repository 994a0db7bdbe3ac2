/**
 * The one settings navigation, shown on every settings and admin page: your own pages (profile,
 * canned responses), the team's (labels, supervisors and admins) and administration (admins).
 * Features add their admin pages to ADMIN_LINKS.
 */
import { hasRole } from '../src/core/users';
import { html, type SafeHtml } from '../src/lib/html';
import type { PageContext } from './context';

/** [path, translation key] of each admin page, in display order. */
export const ADMIN_LINKS: Array<[string, string]> = [
  ['/admin/users', 'nav.users'],
  ['/admin/teams', 'routing.teams.title'],
  ['/admin/routing', 'routing.rules.title'],
  ['/admin/csat', 'csat.title'],
  ['/admin/audit', 'audit.title'],
  ['/admin/tokens', 'tokens.title'],
  ['/admin/jobs', 'jobs.dead_title'],
  ['/admin/ai', 'ai.title'],
  ['/admin/kb', 'kb.title'],
  ['/admin/channels', 'nav.channels'],
  ['/admin/webhooks', 'webhooks.title'],
  ['/admin/outbound-webhooks', 'outhooks.title'],
  ['/admin/plugins', 'plugins.title'],
];

const PERSONAL_LINKS: Array<[string, string]> = [['/profile', 'profile.title'], ['/settings/canned', 'canned.title'], ['/settings/tokens', 'tokens.title']];
const TEAM_LINKS: Array<[string, string]> = [['/settings/labels', 'labels.title']];

/** The settings navigation for the signed-in user's role, the current page marked. */
export function adminNav(ctx: PageContext): SafeHtml {
  const role = ctx.user?.role ?? 'agent';
  const groups: Array<[string, Array<[string, string]>]> = [['settings.group.personal', PERSONAL_LINKS]];
  if (hasRole(role, 'supervisor')) groups.push(['settings.group.team', TEAM_LINKS]);
  if (role === 'admin') groups.push(['settings.group.admin', ADMIN_LINKS]);
  return html`<nav class="subnav settings-nav" aria-label="${ctx.t('nav.settings')}">${groups.map(([title, links]) => html`<div class="subnav-group">
    <span class="subnav-title">${ctx.t(title)}</span>${links.map(([href, key]) =>
      html`<a href="${href}" class="${ctx.path.startsWith(href) ? 'active' : ''}"${ctx.path.startsWith(href) ? html` aria-current="page"` : ''}>${ctx.t(key)}</a>`)}</div>`)}</nav>`;
}
