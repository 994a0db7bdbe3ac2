/* Turno inbox client: realtime socket glue (catch-up, dedupe of pushed rows/bubbles, view and
   typing reports), notifications (the unread title: static/inbox-counts.js),
   composer and keyboard shortcuts (Alpine). Loaded
   before Alpine so the component factories exist when Alpine starts. */
(function () {
  'use strict';
  var socket = null;
  var lastSeq = 0;

  function send(msg) { if (socket) socket.send(JSON.stringify(msg)); }
  function byId(id) { return document.getElementById(id); }
  function inbox() { return byId('inbox'); }
  function me() { var el = inbox(); return el ? el.dataset.me : ''; }
  function openConversation() { var p = byId('thread-pane'); return (p && p.dataset.conversationId) || null; }
  function csrf() { try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-Token'] || ''; } catch (e) { return ''; } }
  /* Notification settings come from the server-rendered page (<body data-notify>, views/layout.ts). */
  function settings() {
    try { return JSON.parse(document.body.dataset.notify || '{}'); } catch (e) { return {}; }
  }
  window.turnoRealtime = { send: send, lastSeq: function () { return lastSeq; } };

  /* Does a pushed row belong in the list the tab shows (view and filters)? */
  function rowMatches(row, list) {
    var d = list.dataset, r = row.dataset;
    if (d.view === 'mine' && r.assignee !== me()) return false;
    if (d.view === 'unassigned' && r.assignee) return false;
    /* Mirrors the server's filter (src/core/conversations.ts): a team narrows the team and
       Unassigned views, 'none' meaning no team; status 'active' is open or pending. */
    if ((d.view === 'team' || d.view === 'unassigned') && d.team && (r.team || '') !== (d.team === 'none' ? '' : d.team)) return false;
    if (d.view === 'mentions') return !!byId(row.id);
    if (d.status === 'active' ? r.status !== 'open' && r.status !== 'pending' : d.status && r.status !== d.status) return false;
    if (d.priority && r.priority !== d.priority) return false;
    if (d.channel && r.channel !== d.channel) return false;
    if (d.assignee && r.assignee !== d.assignee) return false;
    if (d.label && (' ' + r.labels + ' ').indexOf(' ' + d.label + ' ') < 0) return false;
    return true;
  }

  /* Position of a row in the list's sort order (smaller first). */
  function sortKey(row, sort) {
    if (sort === 'waiting') return row.dataset.waiting ? Number(row.dataset.waiting) : Number.MAX_SAFE_INTEGER;
    return -Number(row.dataset.last || 0);
  }
  /* Does row a come before row b? Equal keys go by id as on the server (ascending when waiting, else descending). */
  function comesBefore(a, b, sort) {
    var ka = sortKey(a, sort), kb = sortKey(b, sort);
    if (ka !== kb) return ka < kb;
    var ia = a.dataset.conversationId, ib = b.dataset.conversationId;
    return sort === 'waiting' ? ia < ib : ia > ib;
  }
  /* Inserts a pushed row where the list's sort puts it; false when it belongs to a page not loaded yet. */
  function placeRow(el, list) {
    var sort = list.dataset.sort;
    var rows = list.querySelectorAll(':scope > .conv-row');
    for (var i = 0; i < rows.length; i++) {
      if (comesBefore(el, rows[i], sort)) { list.insertBefore(el, rows[i]); return true; }
    }
    var more = list.querySelector(':scope > .load-more');
    if (more) return false;
    list.appendChild(el);
    return true;
  }

  /* Rows pushed into the list are placed by sort order, and pushed children that already exist
     (bubbles, timeline entries) replace their copy instead of duplicating it. Elements placed here
     bypass htmx's own swap, so they are htmx-processed explicitly (their hx-get/hx-post must work).
     An element that is the swap target itself (`outerHTML` out-of-band swaps such as the contact
     pane of a row click) is left to htmx. */
  document.addEventListener('htmx:oobBeforeSwap', function (e) {
    var frag = e.detail.fragment, target = e.detail.target;
    if (!frag || !frag.children) return;
    /* Every push of a conversation carries its status buttons: keep the open snooze form when the status did not change. */
    var pushed = frag.firstElementChild;
    if (target.classList.contains('status-actions') && pushed && pushed.dataset.status === target.dataset.status) { e.detail.shouldSwap = false; return; }
    Array.prototype.slice.call(frag.children).forEach(function (el) {
      if (!el.id || el.id === target.id) return;
      var existing = byId(el.id);
      if (target.id === 'conv-list') {
        /* A row ticked for a bulk action stays ticked when a live update replaces it. */
        var ticked = existing && existing.querySelector('.row-select:checked');
        if (existing) existing.remove();
        if (!rowMatches(el, target)) { el.remove(); return; }
        var empty = byId('empty-inbox'); if (empty) empty.remove();
        if (el.dataset.conversationId === openConversation()) { el.classList.add('active'); el.classList.remove('unread'); }
        if (ticked) { var box = el.querySelector('.row-select'); if (box) box.checked = true; }
        if (placeRow(el, target)) htmx.process(el); else el.remove();
      } else if (existing) {
        existing.replaceWith(el);
        htmx.process(el);
      }
    });
  });

  document.addEventListener('htmx:wsOpen', function (e) {
    socket = e.detail.socketWrapper;
    if (!lastSeq) { var m = byId('rt-seq'); lastSeq = m ? Number(m.dataset.seq || 0) : 0; }
    send({ type: 'catchup', since: lastSeq, conversationId: openConversation() });
    document.body.dataset.ws = 'open';
  });
  /* The ws extension retries only after abnormal closes (1006, 1011-1013); a server restarting
     gracefully (or a proxy reloading) closes with 1001 "going away", so this tab retries those
     itself with the same full-jitter backoff; the next open catches up on what it missed. */
  var EXTENSION_RETRIES = [1006, 1011, 1012, 1013];
  var retries = 0;
  document.addEventListener('htmx:wsOpen', function () { retries = 0; });
  document.addEventListener('htmx:wsClose', function (e) {
    document.body.dataset.ws = 'closed';
    var code = e.detail && e.detail.event ? e.detail.event.code : 0;
    /* 4401: the session ended (logout elsewhere, revoked, deactivated): the reload leads to the login page. */
    if (code === 4401) { location.reload(); return; }
    if (EXTENSION_RETRIES.indexOf(code) >= 0 || !e.detail.socketWrapper || !inbox()) return;
    var delay = 1000 * Math.pow(2, Math.min(retries, 6)) * Math.random();
    retries++;
    setTimeout(function () { if (document.body.dataset.ws === 'closed') e.detail.socketWrapper.reconnect(); }, delay);
  });

  function notify(el) {
    if (!el || el.dataset.seen) return;
    el.dataset.seen = '1';
    var s = settings();
    var mine = el.dataset.kind === 'mention' || el.dataset.assignee === me();
    if (!mine || el.dataset.conversation === openConversation() && !document.hidden) return;
    if (s.muteUntil && Date.now() < s.muteUntil) return;
    if (s.sound !== false) beep();
    /* A mention's browser notification comes with its bell toast (static/notifications.js). */
    if (el.dataset.kind !== 'mention' && s.browser !== false && window.Notification && Notification.permission === 'granted') {
      new Notification(el.dataset.title || 'Turno', { body: el.dataset.body || '', tag: el.dataset.conversation });
    }
  }

  function beep() {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.frequency.value = 880; gain.gain.value = 0.08;
      osc.connect(gain); gain.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 0.15);
    } catch (e) { /* audio not allowed yet */ }
  }

  document.addEventListener('htmx:wsAfterMessage', function () {
    var m = byId('rt-seq');
    var seq = m ? Number(m.dataset.seq || 0) : 0;
    if (seq > lastSeq) lastSeq = seq;
    if (byId('rt-reload')) location.reload();
    notify(byId('rt-notify'));
    syncUnread();
  });

  /* Rows are pushed shared by every agent and followed by this agent's own badge (`unread-<id>`):
     the row is bold when its badge is not zero; the conversation open in this tab is being read. */
  function syncUnread() {
    document.querySelectorAll('.conv-row .row-unread').forEach(function (badge) {
      var row = badge.closest('.conv-row');
      var open = row.dataset.conversationId === openConversation();
      if (open) badge.innerHTML = '';
      row.classList.toggle('unread', !open && badge.dataset.unread !== '0');
    });
  }

  /* The contact pane on narrow screens (static/inbox.css, ≤ 1100 px): the header's toggle opens it
     as a slide-over; its close button, Escape or opening another conversation close it. */
  function contactOpen(open) {
    var box = inbox(); if (!box) return;
    box.classList.toggle('contact-open', open);
    document.querySelectorAll('[data-contact-toggle]').forEach(function (b) { b.setAttribute('aria-expanded', open ? 'true' : 'false'); });
    if (open) { var close = document.querySelector('#contact-pane [data-contact-close]'); if (close) close.focus(); }
  }
  document.addEventListener('click', function (e) {
    var el = e.target.closest && e.target.closest('[data-contact-toggle],[data-contact-close]');
    if (!el) return;
    contactOpen(el.hasAttribute('data-contact-toggle') && !inbox().classList.contains('contact-open'));
  });
  /* On phones the thread header's actions open from its ⋮ button (static/inbox.css). */
  document.addEventListener('click', function (e) {
    var btn = e.target.closest && e.target.closest('[data-actions-toggle]');
    if (!btn) return;
    var header = btn.closest('.thread-header'), open = !header.classList.contains('actions-open');
    header.classList.toggle('actions-open', open);
    btn.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.addEventListener('keydown', function (e) {
    var box = inbox();
    if (e.key === 'Escape' && box && box.classList.contains('contact-open')) contactOpen(false);
  });

  /* Tell the server which conversation this tab shows after htmx swaps the thread pane. */
  document.addEventListener('htmx:afterSettle', function (e) {
    if (e.detail.elt && e.detail.elt.id === 'thread-pane') {
      send({ type: 'view', conversationId: openConversation() });
      var box = inbox(); if (box) box.classList.toggle('has-thread', !!openConversation());
      contactOpen(false);
      document.querySelectorAll('.conv-row').forEach(function (r) { r.classList.toggle('active', r.dataset.conversationId === openConversation()); });
      scrollThread();
    }
  });
  /* Composer errors (422 window closed, 403 only-assignee) are shown inline. */
  document.addEventListener('htmx:beforeSwap', function (e) {
    var status = e.detail.xhr.status;
    if ((status === 422 || status === 403 || status === 409) && e.detail.target && e.detail.target.classList.contains('composer-error')) {
      e.detail.shouldSwap = true; e.detail.isError = false;
    }
  });

  function scrollThread() {
    var t = document.querySelector('.thread');
    if (t && !jumpToMessage()) t.scrollTop = t.scrollHeight;
  }
  /* `#m-<id>`: scroll to and highlight the bubble; when it is not loaded, reload the thread around it. */
  function jumpToMessage() {
    var m = /^#m-([\w-]+)$/.exec(location.hash);
    if (!m) return false;
    var el = byId('m-' + m[1]);
    if (!el) {
      if (openConversation() && !/[?&]m=/.test(location.search)) location.replace(location.pathname + '?m=' + m[1] + location.hash);
      return false;
    }
    el.scrollIntoView({ block: 'center' });
    el.classList.add('jumped');
    return true;
  }
  /* Older pages: keep the reading position once the day separators are regrouped (local-time.js). */
  document.addEventListener('htmx:beforeSwap', function (e) {
    var t = e.detail.target;
    if (t && t.classList && t.classList.contains('load-older')) { var th = t.closest('.thread'); if (th) th.dataset.before = th.scrollHeight - th.scrollTop; }
  });
  document.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('.thread[data-before]').forEach(function (t) {
      if (window.turnoLocalTime) window.turnoLocalTime.refresh();
      t.scrollTop = t.scrollHeight - Number(t.dataset.before); delete t.dataset.before;
    });
  });
  document.addEventListener('DOMContentLoaded', function () {
    scrollThread();
    if (window.Notification && Notification.permission === 'default' && settings().browser !== false) {
      document.addEventListener('click', function ask() { Notification.requestPermission(); document.removeEventListener('click', ask); });
    }
  });
  document.addEventListener('htmx:oobAfterSwap', function (e) {
    var t = e.detail.target;
    if (!t || !t.classList || !t.classList.contains('thread')) return;
    if (window.turnoLocalTime) window.turnoLocalTime.refresh();
    t.scrollTop = t.scrollHeight;
  });

  window.composer = function (s) {
    return {
      id: s.id, windowEndsAt: s.windowEndsAt, countdownText: s.countdownText, now: Date.now(), note: false, quote: null, files: [], uploadError: '',
      text: localStorage.getItem('turno:draft:' + s.id) || '',
      init: function () {
        var self = this;
        this.$watch('text', function (v) { if (v) localStorage.setItem('turno:draft:' + self.id, v); else localStorage.removeItem('turno:draft:' + self.id); });
        setInterval(function () { self.now = Date.now(); }, 30000);
      },
      typing: function () { if (!this.note) send({ type: 'typing', conversationId: this.id }); },
      sent: function () { this.text = ''; this.quote = null; this.files = []; localStorage.removeItem('turno:draft:' + this.id); },
      insert: function (e) { this.text += e; this.$refs.text.focus(); },
      countdown: function () {
        var left = this.windowEndsAt - this.now;
        if (left <= 0) return '';
        var h = Math.floor(left / 3600000), m = Math.floor(left % 3600000 / 60000);
        return (this.countdownText || '{h} h {m} min').replace('{h}', h).replace('{m}', m);
      },
      upload: function (list) {
        var self = this;
        Array.prototype.slice.call(list || []).forEach(function (file) {
          var fd = new FormData(); fd.append('file', file);
          fetch('/inbox/uploads', { method: 'POST', body: fd, headers: { 'X-CSRF-Token': csrf() } })
            .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
            .then(function (res) {
              if (res.ok) self.files.push(res.j);
              else { var box = byId('composer-error-' + self.id); if (box) box.textContent = (res.j.error && res.j.error.message) || 'Upload failed'; }
            });
        });
      },
    };
  };

  window.shortcuts = function () {
    return {
      help: false,
      key: function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey || (e.target.closest && e.target.closest('input,textarea,select,[contenteditable]'))) return;
        var rows = Array.prototype.slice.call(document.querySelectorAll('.conv-row'));
        var idx = rows.findIndex(function (r) { return r.classList.contains('active'); });
        if (e.key === 'j' || e.key === 'k') {
          var next = rows[e.key === 'j' ? idx + 1 : Math.max(0, idx - 1)];
          if (next) next.querySelector('a').click();
        } else if (e.key === 'r' || e.key === 'n') {
          e.preventDefault();
          window.dispatchEvent(new CustomEvent('compose-mode', { detail: { note: e.key === 'n' } }));
        } else if (e.key === 'e') {
          var btn = document.querySelector('#thread-pane [hx-vals*="resolved"]'); if (btn) btn.click();
        } else if (e.key === '?') {
          this.help = !this.help;
        }
      },
    };
  };
})();
