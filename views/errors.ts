/** Friendly error pages. */
import { html } from '../src/lib/html';
import type { PageContext } from './context';
import { layout } from './layout';

/** A page for 400/403/404/500 with a way back; `retry` links to the same page without its parameters. */
export function errorPage(ctx: PageContext, title: string, text: string, opts: { retry?: string } = {}) {
  return layout(ctx, title, html`<section class="card narrow error-page">
    <h1>${title}</h1><p>${text}</p>
    <p>${opts.retry ? html`<a href="${opts.retry}">${ctx.t('error.retry_plain')}</a> · ` : ''}<a href="/inbox">${ctx.t('error.back_home')}</a></p>
  </section>`, { bodyClass: 'centered' });
}
