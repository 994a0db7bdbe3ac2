/* Composer pickers (see views/inbox/composer-pickers.ts): canned responses on "/", colleagues on
   "@" in notes and the WhatsApp template picker. Loaded before Alpine; all customer/agent text is shown with x-text. */
(function () {
  'use strict';
  function csrf() { try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-Token'] || ''; } catch (e) { return ''; } }
  function fold(s) { return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function showError(id, text) { var box = document.getElementById('composer-error-' + id); if (box) box.textContent = text; }
  var TRIGGER = /(^|\s)\/([\p{L}\p{N}_-]*)$/u;
  /* A key in an open picker list: the new index (arrows), 'pick' (Enter, Tab), 'close' (Esc) or null. */
  function pickerKey(e, n, index) {
    var r = null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') r = n ? (index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n : 0;
    else if ((e.key === 'Enter' || e.key === 'Tab') && n) r = 'pick';
    else if (e.key === 'Escape') r = 'close';
    if (r !== null) { e.preventDefault(); e.stopPropagation(); }
    return r;
  }
  /* Replaces the trigger word before the caret with `text` (x-model hears the input event). */
  function replaceBeforeCaret(area, trigger, text) {
    var caret = area.selectionStart, before = area.value.slice(0, caret).replace(trigger, ''), after = area.value.slice(caret);
    /* "@Ana " before text that already starts with a space would leave two. */
    if (/ $/.test(text) && /^\s/.test(after)) text = text.slice(0, -1);
    area.value = before + text + after;
    var at = before.length + text.length;
    area.setSelectionRange(at, at);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.focus();
  }

  window.cannedPicker = function (conversationId) {
    return {
      open: false, loaded: false, items: [], query: '', index: 0, area: null,
      load: function () {
        var self = this;
        if (this.loaded) return;
        fetch('/inbox/c/' + encodeURIComponent(conversationId) + '/canned', { headers: { accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (list) { self.items = list; self.loaded = true; });
      },
      /* Opens the list while the word before the caret starts with "/". */
      scan: function (area) {
        if (!area || area.tagName !== 'TEXTAREA') return;
        this.area = area;
        var m = TRIGGER.exec(area.value.slice(0, area.selectionStart));
        if (!m) { this.open = false; return; }
        this.query = m[2]; this.index = 0; this.open = true; this.load();
      },
      matches: function () {
        var q = fold(this.query);
        return this.items.filter(function (c) { return !q || fold(c.shortcut).indexOf(q) === 0 || fold(c.title).indexOf(q) >= 0 || fold(c.text).indexOf(q) >= 0; }).slice(0, 8);
      },
      key: function (e) {
        if (!this.open) return;
        var r = pickerKey(e, this.matches().length, this.index);
        if (r === 'pick') this.pick(this.index); else if (r === 'close') this.open = false; else if (r !== null) this.index = r;
      },
      /* Replaces "/query" before the caret with the response's text. */
      pick: function (i) {
        var c = this.matches()[i];
        if (!c || !this.area) return;
        replaceBeforeCaret(this.area, /\/[\p{L}\p{N}_-]*$/u, c.text);
        this.open = false;
      },
    };
  };

  var MENTION = /(^|\s)@([\p{L}\p{N}_.-]*)$/u;
  /* "@Car" in a note: colleagues who may see the conversation (GET /inbox/c/:id/mentionable, the
     server's rule) whose name has a word starting with the query; picking inserts "@Full Name ",
     which core recordMentions recognises. Names are shown with x-text. */
  window.mentionPicker = function (conversationId) {
    return {
      mentionOpen: false, people: null, mentionQuery: '', mentionIndex: 0, mentionArea: null, mentionPickedAt: -1,
      loadPeople: function () {
        var self = this;
        if (this.people) return;
        this.people = [];
        fetch('/inbox/c/' + encodeURIComponent(conversationId) + '/mentionable', { headers: { accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; }).then(function (list) { self.people = list; });
      },
      scanMention: function (area) {
        if (!area || area.tagName !== 'TEXTAREA' || !this.note) { this.mentionOpen = false; return; }
        this.mentionArea = area;
        var m = MENTION.exec(area.value.slice(0, area.selectionStart));
        if (!m) { this.mentionOpen = false; return; }
        this.mentionQuery = m[2]; this.mentionIndex = 0; this.mentionOpen = true; this.loadPeople();
      },
      mentionMatches: function () {
        var q = fold(this.mentionQuery);
        return (this.people || []).filter(function (p) {
          return !q || fold(p.name).split(/\s+/).some(function (w) { return w.indexOf(q) === 0; }) || fold(p.name).indexOf(q) === 0;
        }).slice(0, 8);
      },
      mentionKey: function (e) {
        /* The space typed right after picking is already there: "@Ana " + " " would make two. */
        var picked = this.mentionPickedAt; this.mentionPickedAt = -1;
        if (e.key === ' ' && picked >= 0 && e.target.selectionStart === picked && e.target.value.charAt(picked - 1) === ' ') { e.preventDefault(); return; }
        if (!this.mentionOpen) return;
        var r = pickerKey(e, this.mentionMatches().length, this.mentionIndex);
        if (r === 'pick') this.pickMention(this.mentionIndex); else if (r === 'close') this.mentionOpen = false; else if (r !== null) this.mentionIndex = r;
      },
      pickMention: function (i) {
        var p = this.mentionMatches()[i];
        if (!p || !this.mentionArea) return;
        replaceBeforeCaret(this.mentionArea, /@[\p{L}\p{N}_.-]*$/u, '@' + p.name + ' ');
        this.mentionOpen = false;
        this.mentionPickedAt = this.mentionArea.selectionStart;
      },
    };
  };

  window.templatePicker = function (conversationId, labels) {
    return {
      shown: false, loaded: false, list: [], choice: '', sel: null, values: [], headerValues: [], headerFile: null, sending: false,
      location: { latitude: '', longitude: '', name: '', address: '' }, buttonValues: {},
      init: function () { var self = this; this.$watch('now', function () { if (self.visible()) self.load(); }); if (this.visible()) this.load(); },
      visible: function () { return this.shown || this.windowEndsAt === 0 || this.now >= this.windowEndsAt; },
      toggle: function () { this.shown = !this.shown; this.load(); },
      load: function () {
        var self = this;
        if (this.loaded) return;
        this.loaded = true;
        fetch('/inbox/c/' + encodeURIComponent(conversationId) + '/templates', { headers: { accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; }).then(function (list) { self.list = list; });
      },
      select: function () {
        this.sel = this.choice === '' ? null : this.list[Number(this.choice)];
        this.values = this.sel ? this.sel.bodyVars.map(function () { return ''; }) : [];
        this.headerValues = this.sel && this.sel.header ? this.sel.header.vars.map(function () { return ''; }) : [];
        this.headerFile = null;
        this.location = { latitude: '', longitude: '', name: '', address: '' };
        this.buttonValues = {};
      },
      /** Buttons whose value the send must carry (a dynamic link's ending, a coupon code). */
      valueButtons: function () { return this.sel ? this.sel.buttons.filter(function (b) { return b.needs; }) : []; },
      fill: function (text, names, values) {
        return String(text || '').replace(/\{\{\s*(\w+)\s*\}\}/g, function (whole, name) {
          var i = names.indexOf(name);
          return i >= 0 && values[i] ? values[i] : '[' + name + ']';
        });
      },
      preview: function () { return this.sel ? this.fill(this.sel.body, this.sel.bodyVars, this.values) : ''; },
      headerPreview: function () { return this.sel && this.sel.header ? this.fill(this.sel.header.text, this.sel.header.vars, this.headerValues) : ''; },
      uploadHeader: function (file) {
        var self = this;
        if (!file) return;
        var fd = new FormData(); fd.append('file', file);
        fetch('/inbox/uploads', { method: 'POST', body: fd, headers: { 'X-CSRF-Token': csrf() } })
          .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
          .then(function (res) { if (res.ok) self.headerFile = res.j; else showError(conversationId, (res.j.error && res.j.error.message) || 'Upload failed'); });
      },
      payload: function () {
        var s = this.sel, p = { name: s.name, language: s.language, body: this.values.slice() };
        if (s.header && s.header.format === 'TEXT' && s.header.vars.length) p.header = { type: 'text', params: this.headerValues.slice(0, 1) };
        if (s.header && ['IMAGE', 'VIDEO', 'DOCUMENT'].indexOf(s.header.format) >= 0 && this.headerFile) {
          p.header = { type: s.header.format.toLowerCase(), attachmentId: this.headerFile.id, filename: this.headerFile.name };
        }
        if (s.header && s.header.format === 'LOCATION') {
          var loc = this.location;
          p.header = { type: 'location', latitude: Number(loc.latitude), longitude: Number(loc.longitude) };
          if (loc.name.trim()) p.header.name = loc.name.trim();
          if (loc.address.trim()) p.header.address = loc.address.trim();
        }
        var values = this.buttonValues;
        var buttons = this.valueButtons().map(function (b) {
          var v = String(values[b.index] || '').trim();
          return b.needs === 'url' ? { subType: 'url', index: b.index, text: v } : { subType: 'copy_code', index: b.index, couponCode: v };
        });
        if (buttons.length) p.buttons = buttons;
        return p;
      },
      send: function () {
        var self = this;
        if (!this.sel) return;
        var values = this.buttonValues;
        var missing = this.values.some(function (v) { return !v.trim(); }) || this.headerValues.some(function (v) { return !v.trim(); })
          || this.valueButtons().some(function (b) { return !String(values[b.index] || '').trim(); })
          || (this.sel.header && this.sel.header.format === 'LOCATION' && (this.location.latitude === '' || this.location.longitude === ''));
        if (missing) { showError(conversationId, labels.missing); return; }
        this.sending = true;
        fetch('/inbox/c/' + encodeURIComponent(conversationId) + '/template', {
          method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'X-CSRF-Token': csrf() }, body: JSON.stringify(this.payload()),
        }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
          .then(function (res) {
            self.sending = false;
            if (res.ok) { showError(conversationId, ''); self.reset(); } else showError(conversationId, (res.j.error && res.j.error.message) || 'Error');
          }, function () { self.sending = false; });
      },
      reset: function () { this.choice = ''; this.select(); this.shown = false; },
    };
  };
})();
