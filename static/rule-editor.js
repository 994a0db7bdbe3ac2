/* Routing-rule editor (Alpine component "ruleEditor"). Rows are edited as friendly objects and
   written back as the JSON the server validates (textareas name="conditions"/"actions"); editing the
   JSON under "Advanced" reloads the rows. Loaded without defer so it registers before Alpine starts. */
(function () {
  'use strict';
  var CONDITION_DEFAULTS = {
    keywords: { anyText: '' }, regex: { pattern: '' }, language: { is: 'es' }, channel: { ids: [] },
    contact_attribute: { key: '', equals: '' }, label: { labelId: '' }, customer: { is: 'returning' },
    business_hours: { is: 'out', teamId: '' }, intent: { intent: '', percent: 50 },
  };
  var ACTION_DEFAULTS = {
    assign_team: { teamId: '' }, assign_agent: { userId: '' }, add_label: { labelId: '' },
    set_priority: { priority: 'high' }, auto_reply: { text: '' }, spam: {},
  };

  function clear(row, keep) { Object.keys(row).forEach(function (k) { if (keep.indexOf(k) < 0) delete row[k]; }); }

  /* Stored JSON → editable row, and back. */
  function conditionRow(c) {
    var row = Object.assign({}, c);
    if (c.type === 'keywords') row.anyText = (c.any || []).join(', ');
    if (c.type === 'intent') row.percent = Math.round((c.minConfidence == null ? 0.5 : c.minConfidence) * 100);
    if (c.type === 'business_hours') row.teamId = c.teamId || '';
    return row;
  }
  function conditionJson(r) {
    switch (r.type) {
      case 'keywords': return { type: r.type, any: String(r.anyText || '').split(',').map(function (s) { return s.trim(); }).filter(Boolean) };
      case 'regex': return { type: r.type, pattern: r.pattern || '' };
      case 'language': case 'customer': return { type: r.type, is: r.is };
      case 'channel': return { type: r.type, ids: (r.ids || []).slice() };
      case 'contact_attribute': return { type: r.type, key: r.key || '', equals: r.equals || '' };
      case 'label': return { type: r.type, labelId: r.labelId || '' };
      case 'business_hours': return { type: r.type, is: r.is, teamId: r.teamId || null };
      case 'intent': return { type: r.type, intent: r.intent || '', minConfidence: Math.max(0, Math.min(100, Number(r.percent) || 0)) / 100 };
      default: return { type: r.type };
    }
  }
  function actionJson(a) {
    var out = { type: a.type };
    Object.keys(ACTION_DEFAULTS[a.type] || {}).forEach(function (k) { out[k] = a[k]; });
    return out;
  }
  function parseList(text) {
    var value = JSON.parse(text);
    if (!Array.isArray(value)) throw new Error('not a list');
    return value;
  }

  window.ruleEditor = function () {
    return {
      ready: false, jsonError: '', conditions: [], actions: [], errors: {}, messages: {}, first: {},
      init: function () {
        var cfg = JSON.parse(this.$el.querySelector('.rule-editor-config').textContent);
        this.errors = cfg.errors || {};
        this.messages = cfg.messages || {};
        this.first = cfg.first || {};
        this.loadJson('conditions', cfg.conditions);
        this.loadJson('actions', cfg.actions);
        this.ready = true;
      },
      get conditionsJson() { return JSON.stringify(this.conditions.map(conditionJson)); },
      get actionsJson() { return JSON.stringify(this.actions.map(actionJson)); },
      /* Replaces the rows from JSON typed under "Advanced" (keeps the rows when it does not parse). */
      loadJson: function (kind, text) {
        try {
          var list = parseList(text);
          this[kind] = kind === 'conditions' ? list.map(conditionRow) : list.map(function (a) { return Object.assign({}, a); });
          this.jsonError = '';
        } catch (e) {
          this.jsonError = (this.messages.invalidJson || 'Invalid JSON') + ' (' + e.message + ')';
        }
      },
      blankCondition: function () { return Object.assign({ type: 'keywords' }, CONDITION_DEFAULTS.keywords); },
      blankAction: function () { return Object.assign({ type: 'set_priority' }, ACTION_DEFAULTS.set_priority); },
      /* New fields of a row whose type changed; selects start on their first choice. */
      resetCondition: function (c) { clear(c, ['type']); Object.assign(c, JSON.parse(JSON.stringify(CONDITION_DEFAULTS[c.type] || {})), this.firsts(c.type)); },
      resetAction: function (a) { clear(a, ['type']); Object.assign(a, ACTION_DEFAULTS[a.type] || {}, this.firsts(a.type)); },
      firsts: function (type) {
        var f = this.first;
        return { label: { labelId: f.labels }, add_label: { labelId: f.labels }, intent: { intent: f.intents },
          assign_team: { teamId: f.teams }, assign_agent: { userId: f.agents } }[type] || {};
      },
      /* The server's message for row `i` of `kind` (zod path "conditions.1.pattern"), or for the list itself. */
      errorAt: function (kind, i) {
        var prefix = i === undefined ? kind : kind + '.' + i;
        var keys = Object.keys(this.errors);
        for (var k = 0; k < keys.length; k++) {
          if (keys[k] === prefix || (i !== undefined && keys[k].indexOf(prefix + '.') === 0)) return this.errors[keys[k]];
        }
        return '';
      },
    };
  };
})();
