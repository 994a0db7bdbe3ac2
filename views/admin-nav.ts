/** Secondary navigation of the admin area. Features add their pages to ADMIN_LINKS. */
import { html } from '../src/lib/html';
import type { PageContext } from './context';

/** [path, translation key] of each admin page, in display order. */
export const ADMIN_LINKS: Array<[string, string]> = [
  ['/admin/users', 'nav.users'],
  ['/admin/teams', 'routing.teams.title'],
  ['/admin/routing', 'routing.rules.title'],
  ['/settings/labels', 'labels.title'],
  ['/admin/audit', 'audit.title'],
  ['/admin/jobs', 'jobs.dead_title'],
  ['/admin/ai', 'ai.title'],
  ['/admin/kb', 'kb.title'],
  ['/admin/channels', 'nav.channels'],
  ['/admin/webhooks', 'webhooks.title'],
  ['/admin/outbound-webhooks', 'outhooks.title'],
  ['/admin/plugins', 'plugins.title'],
];

/** The admin sub-navigation. */
export function adminNav(ctx: PageContext) {
  return html`<nav class="subnav">${ADMIN_LINKS.map(([href, key]) =>
    html`<a href="${href}" class="${ctx.path.startsWith(href) ? 'active' : ''}">${ctx.t(key)}</a>`)}</nav>`;
}
