/**
 * Thread paging controls: "load older messages" at the top (keyset `before` the oldest shown
 * message; revealed or clicked) and, in a window around an old message, a link to the newest
 * messages at the bottom.
 */
import type { ThreadPage } from '../../src/core/thread-pages';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { threadItems } from './thread';

/** The "load older messages" button (replaced by the older page when clicked). */
export function loadOlderButton(t: Translate, conversationId: string, page: ThreadPage): SafeHtml {
  const first = page.thread.messages[0]?.message.id;
  if (!page.hasOlder || !first) return html``;
  return html`<div class="load-older" id="load-older-${conversationId}"><button type="button" class="small"
    hx-get="/inbox/c/${conversationId}/older?before=${first}" hx-target="#load-older-${conversationId}" hx-swap="outerHTML">${t('search.thread.load_older')}</button></div>`;
}

/** Shown under a window around an old message when newer messages are not loaded. */
export function newerLink(t: Translate, conversationId: string, page: ThreadPage): SafeHtml {
  if (!page.hasNewer) return html``;
  return html`<div class="newer-link"><a href="/inbox/c/${conversationId}" class="button small">${t('search.thread.latest')}</a></div>`;
}

/** An older page: its own "load older" button, then its items (response of `/inbox/c/:id/older`). */
export function olderPage(t: Translate, conversationId: string, page: ThreadPage, eventNames: Map<string, string>): SafeHtml {
  return html`${loadOlderButton(t, conversationId, page)}${threadItems(t, page.thread, eventNames)}`;
}
