/** The HTML shell: head, navigation, htmx + ws extension + Alpine, CSRF header for htmx requests. */
import { html, jsonForHtml, type SafeHtml } from '../src/lib/html';
import type { PageContext } from './context';
import { notificationSettingsOf } from '../src/core/profile';
import { notificationBellSlot } from './routing/notifications';
import { statusMenu } from './status-menu';
import { icon } from './icons';

/** Top navigation for signed-in users; admin links only for admins. */
function nav(ctx: PageContext): SafeHtml {
  if (!ctx.user) return html``;
  const link = (href: string, key: string) =>
    html`<a href="${href}" class="${ctx.path.startsWith(href) ? 'active' : ''}">${ctx.t(key)}</a>`;
  return html`<nav class="topnav" x-data="{ open: false }">
    <a class="brand" href="/inbox">${ctx.t('app.name')}</a>
    <button class="menu-toggle" type="button" aria-label="${ctx.t('nav.menu')}" @click="open = !open">${icon('menu')}</button>
    <div class="links" :class="open && 'open'">
      ${link('/inbox', 'nav.inbox')}
      <a href="${ctx.user.role === 'admin' ? '/admin/users' : '/profile'}" class="${['/admin', '/settings', '/profile'].some((p) => ctx.path.startsWith(p)) ? 'active' : ''}">${ctx.t('nav.settings')}</a>
      ${ctx.user.role !== 'agent' ? link('/supervisor', 'supervisor.title') : ''}
      ${link('/reports', 'nav.reports')}
      ${(ctx.pluginNav ?? []).map((entry) => html`<a href="${entry.href}" class="${ctx.path.startsWith(entry.href) ? 'active' : ''}">${entry.label}</a>`)}
      ${notificationBellSlot()}
      ${statusMenu(ctx)}
      <a href="/profile" class="${ctx.path.startsWith('/profile') ? 'active' : ''}">${ctx.user.name}</a>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">
        <button type="submit" class="link">${ctx.t('nav.logout')}</button>
      </form>
    </div>
  </nav>`;
}

/**
 * A complete page. `head` adds page-specific tags. For a signed-in user <body> carries their
 * role (`data-role`: admin-only controls hide for others; the server checks regardless) and
 * notification settings (`data-notify`, JSON) so sounds and browser notifications obey them on every page,
 * and the page connects the tab's WebSocket (`#rt-socket`), so presence (online while a Turno tab is
 * open and active) is one truth whichever page the agent has open. Pages with their own socket
 * (inbox, supervisor board) pass `ownSocket`.
 */
export function layout(ctx: PageContext, title: string, body: SafeHtml, opts: { head?: SafeHtml; bodyClass?: string; ownSocket?: boolean } = {}): SafeHtml {
  const hxHeaders = ctx.csrfToken ? jsonForHtml({ 'X-CSRF-Token': ctx.csrfToken }) : '{}';
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Turno</title>
  <link rel="manifest" href="/manifest.webmanifest">
  <meta name="theme-color" content="#0f766e">
  <meta name="color-scheme" content="light dark">
  <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/app.css">
  <script src="/static/vendor/htmx.min.js" defer></script>
  <script src="/static/vendor/htmx-ws.min.js" defer></script>
  <script src="/static/oob-optional.js" defer></script>
  <script src="/static/vendor/alpine.min.js" defer></script>
  <script src="/static/pwa.js" defer></script>
  <script src="/static/local-time.js" defer></script>
  ${ctx.user ? html`<script src="/static/presence.js" defer></script>` : ''}
  ${opts.head ?? ''}
  <link rel="stylesheet" href="/static/dark.css" media="(prefers-color-scheme: dark)">
</head>
<body class="${opts.bodyClass ?? ''}" hx-headers="${hxHeaders}" hx-ext="oob-optional"${ctx.user ? html` data-role="${ctx.user.role}"` : ''}${ctx.user ? html` data-notify="${JSON.stringify(notificationSettingsOf(ctx.user))}"` : ''}>
  ${nav(ctx)}
  ${ctx.user && !opts.ownSocket ? html`<div id="rt-socket" hx-ext="ws" ws-connect="/ws" hidden></div>` : ''}
  <main id="main">${body}</main>
</body>
</html>`;
}
