/* Turno local times. The server renders every instant as <time datetime="<ISO UTC>" data-fmt="…">
   with a UTC fallback; here each one is rewritten in the browser's time zone and the page's language,
   each thread's day separators are regrouped by local day (a message at 22:30 in Bogotá stays under
   its own day), and search forms learn the browser's zone (hidden input[data-local-zone]). Runs on
   load and after every htmx swap, WebSocket out-of-band pushes included. */
(function () {
  'use strict';
  /* Same table as TIME_FORMATS in views/inbox/format.ts. */
  var FORMATS = {
    time: { hour: '2-digit', minute: '2-digit' },
    date: { dateStyle: 'medium' },
    datetime: { dateStyle: 'medium', timeStyle: 'short' },
    day: { day: 'numeric', month: 'long', year: 'numeric' },
  };
  var formatters = {};

  function formatter(fmt) {
    if (!formatters[fmt]) {
      try { formatters[fmt] = new Intl.DateTimeFormat(document.documentElement.lang || undefined, FORMATS[fmt]); }
      catch (e) { formatters[fmt] = new Intl.DateTimeFormat(undefined, FORMATS[fmt]); }
    }
    return formatters[fmt];
  }
  function zone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return ''; }
  }
  function instant(el) {
    var at = Date.parse(el.getAttribute('datetime') || '');
    return isNaN(at) ? null : at;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function dayKey(at) {
    var d = new Date(at);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  /* Rewrites one <time> (once per datetime value); times of day get the full local date as a tooltip. */
  function formatTime(el) {
    var at = instant(el), fmt = el.dataset.fmt;
    if (at === null || !FORMATS[fmt] || el.dataset.local === el.getAttribute('datetime')) return;
    el.textContent = formatter(fmt).format(at);
    if (fmt === 'time') el.title = formatter('datetime').format(at);
    el.dataset.local = el.getAttribute('datetime');
  }

  /* The instant of a thread item (bubble or timeline entry); null for separators and controls. */
  function itemTime(el) {
    if (el.classList.contains('day-separator')) return null;
    var time = el.querySelector(':scope > .meta > time[datetime], :scope > time[datetime]');
    return time ? instant(time) : null;
  }
  function newSeparator() {
    var sep = document.createElement('div');
    sep.className = 'day-separator';
    sep.appendChild(document.createElement('span')).appendChild(document.createElement('time'));
    return sep;
  }
  function labelSeparator(sep, at) {
    var time = sep.querySelector('time') || sep.appendChild(document.createElement('span')).appendChild(document.createElement('time'));
    sep.dataset.day = dayKey(at);
    time.setAttribute('datetime', new Date(at).toISOString());
    time.dataset.fmt = 'day';
    formatTime(time);
  }

  /* One separator before the first item of each local day: existing ones are reused (relabelled)
     where a day starts and dropped elsewhere, missing ones are inserted. */
  function regroup(thread) {
    var previousDay = null, pending = null;
    Array.prototype.slice.call(thread.children).forEach(function (el) {
      if (el.classList.contains('day-separator')) { if (pending) pending.remove(); pending = el; return; }
      var at = itemTime(el);
      if (at === null) return;
      var day = dayKey(at);
      if (day !== previousDay) labelSeparator(pending || thread.insertBefore(newSeparator(), el), at);
      else if (pending) pending.remove();
      pending = null;
      previousDay = day;
    });
    if (pending) pending.remove();
  }

  /** Regroups every thread, rewrites every time and fills the zone of search forms. */
  function refresh() {
    document.querySelectorAll('.thread').forEach(regroup);
    document.querySelectorAll('time[datetime][data-fmt]').forEach(formatTime);
    var tz = zone();
    document.querySelectorAll('input[data-local-zone]').forEach(function (input) { if (tz) input.value = tz; });
  }
  window.turnoLocalTime = { refresh: refresh, zone: zone };

  document.addEventListener('DOMContentLoaded', refresh);
  ['htmx:afterSettle', 'htmx:oobAfterSwap', 'htmx:wsAfterMessage'].forEach(function (name) { document.addEventListener(name, refresh); });
})();
