// Notification bell: pushed toasts appear for a few seconds (click opens the conversation) and,
// when the user allowed it, as browser notifications; the dropdown offers to ask for permission.
// The agent's notification settings (`data-notify` on <body>, every page: browser notifications
// off, muted until) silence the browser notification; the toast stays on the page.
(() => {
  const TOAST_MS = 8000;
  const canNotify = () => 'Notification' in window;
  function browserAllowed() {
    let s = {};
    try { s = JSON.parse(document.body.dataset.notify || '{}'); } catch { /* defaults */ }
    return s.browser !== false && !(s.muteUntil && Date.now() < s.muteUntil);
  }
  function showToasts() {
    document.querySelectorAll('#toasts .toast[data-new]').forEach((toast) => {
      delete toast.dataset.new;
      toast.addEventListener('click', () => { if (toast.dataset.href) location.href = toast.dataset.href; });
      setTimeout(() => toast.remove(), TOAST_MS);
      if (canNotify() && Notification.permission === 'granted' && browserAllowed()) {
        const n = new Notification(toast.dataset.title || 'Turno', { body: toast.dataset.body || '', tag: toast.dataset.tag });
        n.onclick = () => { window.focus(); if (toast.dataset.href) location.href = toast.dataset.href; };
      }
    });
  }
  function offerPermission() {
    const button = document.querySelector('#notif-bell .notif-permission');
    if (!button || !canNotify() || Notification.permission !== 'default') return;
    button.hidden = false;
    button.onclick = () => Notification.requestPermission().then(() => { button.hidden = true; });
  }
  document.addEventListener('htmx:oobAfterSwap', showToasts);
  document.addEventListener('htmx:wsAfterMessage', showToasts);
  document.addEventListener('htmx:afterSwap', offerPermission);
})();
