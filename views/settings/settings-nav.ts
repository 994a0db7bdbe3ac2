/** Sub-navigation of the personal settings pages (profile, canned responses, labels). */
import { hasRole } from '../../src/core/users';
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';

/** Profile · Canned responses · Labels (supervisors and admins) · API tokens. */
export function settingsNav(ctx: PageContext): SafeHtml {
  const links: Array<[string, string]> = [['/profile', 'profile.title'], ['/settings/canned', 'canned.title']];
  if (ctx.user && hasRole(ctx.user.role, 'supervisor')) links.push(['/settings/labels', 'labels.title']);
  links.push(['/settings/tokens', 'tokens.title']);
  return html`<nav class="subnav">${links.map(([href, key]) => html`<a href="${href}" class="${ctx.path === href ? 'active' : ''}">${ctx.t(key)}</a>`)}</nav>`;
}
