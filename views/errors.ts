/** Friendly error pages. */
import { html } from '../src/lib/html';
import type { PageContext } from './context';
import { layout } from './layout';

/** A page for 403/404/500 with a way back. */
export function errorPage(ctx: PageContext, title: string, text: string) {
  return layout(ctx, title, html`<section class="card narrow">
    <h1>${title}</h1><p>${text}</p><p><a href="/inbox">${ctx.t('error.back_home')}</a></p>
  </section>`, { bodyClass: 'centered' });
}
