/** Tabs shared by the routing admin screens: rules, business hours, SLA, lifecycle. */
import { html } from '../../src/lib/html';
import type { PageContext } from '../context';

const TABS: Array<[string, string]> = [
  ['/admin/routing', 'routing.rules.title'], ['/admin/routing/hours', 'routing.hours.title'],
  ['/admin/routing/sla', 'routing.sla.title'], ['/admin/routing/lifecycle', 'routing.lifecycle.title'],
];

/** The routing sub-navigation; the current screen is marked. */
export function routingTabs(ctx: PageContext) {
  return html`<nav class="subnav routing-tabs">${TABS.map(([href, key]) =>
    html`<a href="${href}" class="${ctx.path === href ? 'active' : ''}" ${ctx.path === href ? html`aria-current="page"` : ''}>${ctx.t(key)}</a>`)}</nav>`;
}

/** The inline error under a field (nothing when there is none). */
export function fieldError(error: string | undefined | null) {
  return error ? html`<small class="error" role="alert">${error}</small>` : '';
}
