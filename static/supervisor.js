// Supervisor board: HTML5 drag-and-drop of a conversation card onto an agent reassigns it through
// the API (the CSRF token comes from <body hx-headers>), then the board refreshes.
(() => {
  const csrf = () => { try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-Token'] || ''; } catch { return ''; } };
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
    const res = await fetch(`/api/v1/conversations/${id}/assign`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify({ assigneeId: zone.dataset.agent || null }),
    });
    if (!res.ok) { const body = await res.json().catch(() => null); alert(body?.error?.message || res.statusText); }
    if (window.htmx) window.htmx.ajax('GET', '/supervisor/board', { target: '#board', swap: 'outerHTML' }); else location.reload();
  });
})();
