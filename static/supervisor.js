// Supervisor board. The server pushes re-rendered team blocks over the page's WebSocket (htmx ws
// extension, hx-swap-oob); this script keeps what the supervisor is doing across those swaps
// (checked conversations), counts waiting minutes between pushes, reloads the board when the socket
// (re)connects, and turns a drag of a conversation card onto an agent into an assignment.
(() => {
  const selected = new Set();
  const csrf = () => { try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-Token'] || ''; } catch { return ''; } };
  const flash = (text, kind) => {
    const box = document.getElementById('supervisor-flash');
    if (!box) return;
    const note = document.createElement('div');
    note.className = 'notice ' + kind;
    note.textContent = text;
    box.replaceChildren(note);
  };
  const restoreChecks = () => document.querySelectorAll('#board input[name="ids"]').forEach((box) => { box.checked = selected.has(box.value); });
  const tick = () => document.querySelectorAll('#board [data-since]').forEach((el) => {
    el.textContent = Math.max(0, Math.floor((Date.now() - Number(el.dataset.since)) / 60000)) + ' min';
  });

  document.addEventListener('change', (e) => {
    if (e.target.name !== 'ids') return;
    if (e.target.checked) selected.add(e.target.value); else selected.delete(e.target.value);
  });
  document.addEventListener('htmx:oobAfterSwap', restoreChecks);
  document.addEventListener('htmx:afterSwap', restoreChecks);
  document.addEventListener('htmx:afterRequest', (e) => {
    if (e.detail.elt && e.detail.elt.id === 'bulk-form' && e.detail.successful) { selected.clear(); restoreChecks(); }
  });
  // On (re)connect, fetch the whole board: changes made while the socket was down are not lost.
  document.addEventListener('htmx:wsOpen', () => {
    document.body.dataset.ws = 'open';
    if (window.htmx && document.getElementById('board')) window.htmx.ajax('GET', '/supervisor/board', { target: '#board', swap: 'outerHTML' });
  });
  document.addEventListener('htmx:wsClose', () => { document.body.dataset.ws = 'closed'; });
  setInterval(tick, 30000);

  document.addEventListener('dragstart', (e) => {
    const card = e.target.closest && e.target.closest('[data-conversation]');
    if (card) e.dataTransfer.setData('text/plain', card.dataset.conversation);
  });
  document.addEventListener('dragover', (e) => { if (e.target.closest && e.target.closest('[data-agent]')) e.preventDefault(); });
  document.addEventListener('drop', async (e) => {
    const zone = e.target.closest && e.target.closest('[data-agent]');
    const id = e.dataTransfer.getData('text/plain');
    if (!zone || !id) return;
    e.preventDefault();
    const res = await fetch(`/api/v1/conversations/${encodeURIComponent(id)}/assign`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify({ assigneeId: zone.dataset.agent || null }),
    });
    // Success needs no refresh: the server pushes the changed team blocks to every supervisor.
    if (!res.ok) { const body = await res.json().catch(() => null); flash((body && body.error && body.error.message) || res.statusText, 'error'); }
  });
})();
