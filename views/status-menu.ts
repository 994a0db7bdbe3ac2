/**
 * The availability menu in the top bar: the user's effective state as a dot, and buttons to go
 * online, away, offline or back to automatic (presence-driven), with what each means for automatic
 * assignment. Posts to /profile/availability. The dot is the same on every page: each page's socket
 * counts for presence, and `user.presence` pushes replace it.
 */
import { effectiveAvailability } from '../src/core/availability';
import { html, type SafeHtml } from '../src/lib/html';
import type { PageContext } from './context';

/** The status menu, or nothing when signed out. */
export function statusMenu(ctx: PageContext): SafeHtml {
  const user = ctx.user;
  if (!user) return html``;
  const current = effectiveAvailability(user);
  const choice = user.availabilityManual ?? 'auto';
  return html`<details class="status-menu" id="status-menu"><summary aria-label="${ctx.t('profile.availability')}">
      <span class="presence ${current}" id="presence-${user.id}" data-availability="${current}"></span>
      ${['online', 'away', 'offline'].map((v) => html`<span class="state-label ${v}">${ctx.t(`profile.availability.${v}`)}</span>`)}</summary>
    <form method="post" action="/profile/availability" class="stack">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}"><input type="hidden" name="back" value="${ctx.path}">
      ${['auto', 'online', 'away', 'offline'].map((v) => html`<button type="submit" name="availability" value="${v}" class="link ${choice === v ? 'active' : ''}"><span class="presence ${v}"></span> ${ctx.t(`profile.availability.${v}`)}</button>`)}
      <small class="hint routing-hint">${ctx.t('profile.availability_hint')}</small>
    </form></details>`;
}
