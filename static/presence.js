/* Presence on every signed-in page (views/layout.ts connects the tab's socket on each page, or the
   page's own socket does): the server counts an agent online while one of their tabs is connected
   and active. This tab reports "idle" after 5 minutes without input and "active" on the next input. */
(function () {
  'use strict';
  var IDLE_MS = 5 * 60 * 1000;
  var socket = null, lastInput = Date.now(), idle = false;
  function send(state) { if (socket) socket.send(JSON.stringify({ type: 'activity', state: state })); }
  document.addEventListener('htmx:wsOpen', function (e) {
    socket = e.detail.socketWrapper;
    if (idle) send('idle');
  });
  ['keydown', 'mousemove', 'pointerdown', 'focus'].forEach(function (ev) {
    window.addEventListener(ev, function () {
      lastInput = Date.now();
      if (idle) { idle = false; send('active'); }
    }, { passive: true });
  });
  setInterval(function () {
    if (!idle && Date.now() - lastInput > IDLE_MS) { idle = true; send('idle'); }
  }, 30000);
})();
