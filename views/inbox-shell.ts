/** The inbox page shell (the conversation list and thread are rendered by the inbox feature). */
import { html, type SafeHtml } from '../src/lib/html';
import type { PageContext } from './context';
import { layout } from './layout';

/** The inbox page around its main content. */
export function inboxPage(ctx: PageContext, content: SafeHtml) {
  return layout(ctx, ctx.t('nav.inbox'), html`<div class="inbox">${content}</div>`, { bodyClass: 'app' });
}
