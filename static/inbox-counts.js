/* Live view counts and the unread tab title. The server pushes one shared marker, `#rt-counts`
   with data-refresh, whenever counts may have changed (views/inbox/page.ts, realtime/listeners.ts);
   this tab then re-reads its own counts for its current filters from GET /inbox/counts (count
   badges and `#inbox-unread`, out of band), at most once every 2 s plus a little jitter so 500 tabs
   do not ask at the same instant. The title shows the unread count: "(3) Inbox · Turno". */
(function () {
  'use strict';
  var MIN_GAP_MS = 2000, JITTER_MS = 500;
  var timer = null, lastRun = 0, opened = false;
  function byId(id) { return document.getElementById(id); }

  /* The list's current view and filters, as the page rendered them (views/inbox/list.ts data-*). */
  function countsUrl() {
    var list = byId('conv-list'), p = new URLSearchParams();
    if (!list) return '/inbox/counts';
    var d = list.dataset;
    var pairs = { view: d.view, teamId: d.team, channelId: d.channel, labelId: d.label, priority: d.priority, assigneeId: d.assignee };
    Object.keys(pairs).forEach(function (k) { if (pairs[k]) p.set(k, pairs[k]); });
    /* An empty status means "every status" (the page defaults a missing one to open), except in Mentions. */
    if (d.status || d.view !== 'mentions') p.set('status', d.status || '');
    return '/inbox/counts?' + p.toString();
  }

  function refresh() {
    timer = null; lastRun = Date.now();
    htmx.ajax('GET', countsUrl(), { target: '#rt-counts', swap: 'none' });
  }
  /* Coalesces signals: one refresh per MIN_GAP_MS at most, a random delay spreading the tabs. */
  function schedule() {
    if (timer) return;
    var wait = Math.max(0, lastRun + MIN_GAP_MS - Date.now()) + Math.floor(Math.random() * JITTER_MS);
    timer = setTimeout(refresh, wait);
  }

  function syncTitle() {
    var marker = byId('inbox-unread');
    if (!marker) return;
    var n = Number(marker.dataset.unread || 0), base = document.title.replace(/^\(\d+\) /, '');
    document.title = n > 0 ? '(' + n + ') ' + base : base;
  }

  document.addEventListener('htmx:wsAfterMessage', function () {
    var signal = byId('rt-counts');
    if (signal && signal.dataset.refresh) { delete signal.dataset.refresh; schedule(); }
  });
  /* After a reconnect the tab may have missed changes. */
  document.addEventListener('htmx:wsOpen', function () { if (opened) schedule(); opened = true; });
  /* Opening a conversation reads it; acting on one (assign, resolve, mark unread) changes counts. */
  document.addEventListener('htmx:afterRequest', function (e) {
    var path = e.detail.pathInfo && e.detail.pathInfo.requestPath || '';
    if (e.detail.successful && /^\/inbox\/c\//.test(path)) schedule();
  });
  document.addEventListener('htmx:afterSettle', syncTitle);
  document.addEventListener('htmx:oobAfterSwap', syncTitle);
  document.addEventListener('DOMContentLoaded', syncTitle);
})();
