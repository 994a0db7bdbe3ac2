/**
 * The inbox page: list | thread | contact sidebar on desktop, one pane at a time with back
 * navigation on phones (`has-thread` shows the thread). Connects the tab's WebSocket
 * (`hx-ext="ws" ws-connect="/ws"`) and carries the realtime sequence marker `#rt-seq`, the
 * counts-changed signal `#rt-counts` and, in the title, the unread count ("(3) Inbox · Turno").
 */
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';
import { layout } from '../layout';

/** The full inbox page around its panes. */
export function inboxLayout(ctx: PageContext, panes: { list: SafeHtml; thread: SafeHtml; sidebar: SafeHtml | null; seq: number; title?: string; unread?: number }): SafeHtml {
  const me = ctx.user?.id ?? '';
  const head = html`<link rel="stylesheet" href="/static/inbox.css"><link rel="stylesheet" href="/static/inbox-tools.css"><script src="/static/inbox.js"></script><script src="/static/composer-tools.js"></script><script src="/static/inbox-counts.js"></script><link rel="stylesheet" href="/static/print.css" media="print">
    <style>[data-user="${me}"]{display:none}</style>`;
  const title = panes.title ?? ctx.t('nav.inbox');
  return layout(ctx, panes.unread ? `(${panes.unread}) ${title}` : title, html`<div class="inbox ${panes.sidebar ? 'has-thread' : ''}" id="inbox" hx-ext="ws" ws-connect="/ws" data-me="${me}"
      x-data="shortcuts()" @keydown.window="key($event)" @keydown.escape.window="help = false">
    <div id="rt-seq" data-seq="${panes.seq}" hidden></div><div id="rt-notify" hidden></div><div id="rt-counts" hidden></div>
    ${panes.list}
    ${panes.thread}
    ${panes.sidebar ?? html`<aside id="contact-pane" class="contact-pane empty"></aside>`}
    <div class="shortcut-help" x-show="help" x-cloak @click="help = false" role="dialog" aria-label="${ctx.t('inbox.shortcuts')}">
      <div class="card"><h2>${ctx.t('inbox.shortcuts')}</h2><dl>
        <dt>j / k</dt><dd>${ctx.t('inbox.shortcut.next_prev')}</dd><dt>r</dt><dd>${ctx.t('inbox.shortcut.reply')}</dd>
        <dt>n</dt><dd>${ctx.t('inbox.shortcut.note')}</dd><dt>e</dt><dd>${ctx.t('inbox.shortcut.resolve')}</dd><dt>?</dt><dd>${ctx.t('inbox.shortcut.help')}</dd></dl></div>
    </div>
  </div>`, { head, bodyClass: 'app inbox-body', ownSocket: true });
}
