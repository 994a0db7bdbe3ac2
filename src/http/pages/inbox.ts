/** The inbox page (list of conversations). */
import { Elysia } from 'elysia';
import { listConversations } from '../../core/conversations';
import { html } from '../../lib/html';
import { inboxPage } from '../../../views/inbox-shell';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse } from '../respond';

/** Inbox routes. */
export function inboxPages(deps: HttpDeps) {
  return new Elysia({ name: 'inbox-pages' })
    .use(requestContext(deps))
    .get('/inbox', ({ auth, page }) => {
      const user = requireUser(auth);
      const { items } = listConversations(deps.core, user, { limit: 50 });
      const list = items.length === 0
        ? html`<p class="muted" id="empty-inbox">${page.t('home.empty')}</p>`
        : html`<ul class="conversation-list">${items.map((c) => html`<li>#${c.number} ${c.lastMessagePreview}</li>`)}</ul>`;
      return htmlResponse(inboxPage(page, list));
    });
}
