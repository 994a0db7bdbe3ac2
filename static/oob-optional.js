/*
 * htmx extension "oob-optional": realtime pushes are rendered once per language and sent to every
 * tab of a permitted user, whatever page it shows (inbox list, one thread, supervisor board…).
 * A fragment whose target is not on this page is meant to be skipped, not an error, so before the
 * ws extension swaps a frame we drop its top-level elements (all swapped out of band, by id when
 * hx-swap-oob is absent) whose target is not here; htmx has no setting to silence
 * `htmx:oobErrorNoTarget`. Enabled on <body> by views/layout.ts; ordinary responses are untouched.
 */
(function () {
  function targetOf(el) {
    var spec = el.getAttribute('hx-swap-oob') || 'true';
    var colon = spec.indexOf(':');
    if (colon > 0) return spec.slice(colon + 1);
    return el.id ? '#' + CSS.escape(el.id) : null;
  }
  htmx.defineExtension('oob-optional', {
    transformResponse: function (text, xhr) {
      if (xhr) return text; // only socket frames (the ws extension passes no xhr)
      var tpl = document.createElement('template');
      tpl.innerHTML = text;
      var dropped = false;
      Array.prototype.slice.call(tpl.content.children).forEach(function (el) {
        var target = targetOf(el);
        var present = false;
        try { present = !!(target && document.querySelector(target)); } catch (e) { present = false; }
        if (!present) { el.remove(); dropped = true; }
      });
      return dropped ? tpl.innerHTML : text;
    },
  });
})();
