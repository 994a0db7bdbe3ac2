/**
 * Contact sidebar: name, phone, editable custom attributes and notes, the conversation's labels,
 * previous conversations (any channel) and the plugin slot `contact-sidebar`.
 */
import type { PreviewMessage } from '../../src/core/last-message';
import type { Contact, Conversation, Label } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { icon } from '../icons';
import { relativeTime } from './format';
import { conversationPreview } from './message-label';

export interface SidebarData {
  contact: Contact;
  conversation: Conversation;
  labels: Label[];
  allLabels: Label[];
  history: Conversation[];
  /** Last messages of history rows that are not plain text (localized labels). */
  historyPreviews: Map<string, PreviewMessage>;
  now: number;
  /** Panels plugins contribute to the `contact-sidebar` slot. */
  pluginPanels?: SafeHtml;
}

/**
 * The conversation's labels section (id `contact-labels-<conversationId>`): a chip per label that
 * toggles it, and a field that creates and adds a new one. The label routes answer htmx requests
 * with this section, so the acting agent sees the change at once (input cleared).
 */
export function sidebarLabels(t: Translate, conversationId: string, labels: Label[], allLabels: Label[], opts: { oob?: boolean } = {}): SafeHtml {
  const mine = new Set(labels.map((l) => l.id));
  const target = html`hx-post="/inbox/c/${conversationId}/labels" hx-target="#contact-labels-${conversationId}" hx-swap="outerHTML"`;
  return html`<section id="contact-labels-${conversationId}" class="contact-labels"${opts.oob ? html` hx-swap-oob="outerHTML"` : ''}><h3>${t('inbox.labels')}</h3>
      <div class="label-list">${allLabels.map((l) => html`<form class="inline" ${target}>
        <input type="hidden" name="labelId" value="${l.id}"><input type="hidden" name="on" value="${mine.has(l.id) ? 'false' : 'true'}">
        <button type="submit" class="chip label ${mine.has(l.id) ? 'on' : 'off'}" aria-pressed="${mine.has(l.id) ? 'true' : 'false'}" style="--label:${/^#[0-9a-f]{3,8}$/i.test(l.color) ? l.color : '#6b7280'}">${mine.has(l.id) ? icon('check') : '+ '}${l.name}</button></form>`)}</div>
      <form class="inline" ${target}>
        <input name="name" placeholder="${t('inbox.labels.new')}" aria-label="${t('inbox.labels.new')}" maxlength="40" required><button type="submit" class="small">+</button></form>
    </section>`;
}

/** The sidebar pane (id `contact-pane`). */
export function contactSidebar(t: Translate, d: SidebarData): SafeHtml {
  const c = d.contact;
  const attrs = Object.entries(c.customAttributes ?? {});
  return html`<aside id="contact-pane" class="contact-pane" aria-label="${t('panes.contact.open')}">
    <button type="button" class="link contact-close" data-contact-close aria-label="${t('panes.contact.close')}" title="${t('panes.contact.close')}">${icon('x')}</button>
    <h2 class="contact-title">${c.name || c.phone || t('inbox.unknown_contact')}</h2>
    ${c.phone ? html`<div class="muted">${c.phone}</div>` : ''}
    ${sidebarLabels(t, d.conversation.id, d.labels, d.allLabels)}
    <section><h3>${t('inbox.contact.attributes')}</h3>
      <form hx-post="/inbox/contacts/${c.id}" hx-swap="none" class="stack">
        ${attrs.map(([k, v]) => html`<label>${k}<input name="attr:${k}" value="${v}"></label>`)}
        <div class="attr-new"><input name="newKey" placeholder="${t('inbox.contact.attr_key')}" aria-label="${t('inbox.contact.attr_key')}" maxlength="60">
          <input name="newValue" placeholder="${t('inbox.contact.attr_value')}" aria-label="${t('inbox.contact.attr_value')}"></div>
        <label>${t('inbox.contact.notes')}<textarea name="notes" rows="3">${c.notes}</textarea></label>
        <button type="submit" class="small">${t('inbox.save')}</button>
      </form>
    </section>
    <section><h3>${t('inbox.contact.history')}</h3>
      ${d.history.length === 0 ? html`<p class="muted history-none">${t('inbox.contact.history_none')}</p>` : html`<ul class="history">${d.history.map((h) => html`<li><a href="/inbox/c/${h.id}">#${h.number}</a> · ${t(`inbox.status_${h.status}`)} · ${relativeTime(t, h.lastMessageAt, d.now)}<div class="muted">${conversationPreview(t, h.lastMessagePreview, d.historyPreviews.get(h.id)).slice(0, 60)}</div></li>`)}</ul>`}
    </section>
    <div data-slot="contact-sidebar">${d.pluginPanels ?? ''}</div>
  </aside>`;
}
