/** Collision indicators: who is viewing and who is typing in a conversation. */
import type { PublicUser } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';

/**
 * One entry per user (typing wins over viewing). Each carries `data-user` so the page hides the
 * viewer's own entry with CSS (the fragment is rendered once for everyone).
 */
export function activityIndicator(t: Translate, viewers: PublicUser[], typers: PublicUser[]): SafeHtml {
  const typing = new Set(typers.map((u) => u.id));
  const people = [...typers, ...viewers.filter((v) => !typing.has(v.id))];
  return html`${people.map((u) => html`<span class="activity ${typing.has(u.id) ? 'typing' : 'viewing'}" data-user="${u.id}">${
    typing.has(u.id) ? t('inbox.activity.typing', { name: u.name }) : t('inbox.activity.viewing', { name: u.name })}</span>`)}`;
}
