// Drag and drop on the CRM board (plugins/crm/board.ts). Progressive enhancement: every card
// keeps its "move to stage" form, which is what phones and keyboards use. Dropping a card on a
// column posts the move to the JSON API with the page's CSRF token, then reloads the board so
// counts and totals come from the server.
(function () {
  const body = document.body;
  let dragged = null;

  document.querySelectorAll('.crm-card').forEach((card) => {
    card.addEventListener('dragstart', (event) => {
      dragged = card;
      card.setAttribute('aria-grabbed', 'true');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.dataset.dealId);
    });
    card.addEventListener('dragend', () => {
      card.removeAttribute('aria-grabbed');
      dragged = null;
    });
  });

  document.querySelectorAll('.crm-column').forEach((column) => {
    column.addEventListener('dragover', (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add('crm-drop-target');
    });
    column.addEventListener('dragleave', () => column.classList.remove('crm-drop-target'));
    column.addEventListener('drop', async (event) => {
      event.preventDefault();
      column.classList.remove('crm-drop-target');
      const dealId = event.dataTransfer.getData('text/plain');
      if (!dealId || dragged?.closest('.crm-column') === column) return;
      const response = await fetch(`/plugins/crm/api/deals/${encodeURIComponent(dealId)}/move`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': body.dataset.csrf },
        body: JSON.stringify({ stageId: column.dataset.stageId }),
      });
      if (response.ok) window.location.reload();
      else document.getElementById('crm-board-status').textContent = body.dataset.moveFailed;
    });
  });
})();
