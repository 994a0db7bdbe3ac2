/**
 * The contact-sidebar panel: the contact's open deals with a "move to stage" form each, and a
 * form that creates a deal from the open conversation. Both forms post with htmx (the inbox layout
 * puts the CSRF header on <body>) and the route answers with the whole panel, which replaces this one.
 */
import { html, type Locale, type SafeHtml } from 'turno/plugin';
import { money, nameOf, type T } from './format';
import type { Deal, Pipeline } from './store';

export interface PanelData {
  conversationId: string;
  contactName: string;
  deals: Deal[];
  pipelines: Pipeline[];
  defaultCurrency: string;
  t: T;
  locale: Locale;
  csrfToken: string;
  /** A confirmation to announce (after a create or a move). */
  notice?: string;
  /** A refused create: the message and the field at fault, with what was typed. */
  error?: { message: string; field?: string; values: Record<string, string> };
}

const base = (conversationId: string) => `/plugins/crm/panel/${encodeURIComponent(conversationId)}`;

/** `<option>`s of every stage, grouped by pipeline, with `selected` marked. */
export function stageOptions(pipelines: Pipeline[], selected: string | undefined, t: T): SafeHtml {
  return html`${pipelines.map((p) => html`<optgroup label="${nameOf(p, t)}">${p.stages.map((s) =>
    html`<option value="${s.id}"${s.id === selected ? html` selected` : ''}>${nameOf(s, t)}</option>`)}</optgroup>`)}`;
}

function dealItem(d: PanelData, deal: Deal): SafeHtml {
  const { t } = d;
  const stage = d.pipelines.flatMap((p) => p.stages).find((s) => s.id === deal.stageId);
  const selectId = `crm-move-${deal.id}`;
  return html`<li class="crm-deal" data-deal-id="${deal.id}">
    <div><strong>${deal.title}</strong></div>
    <div class="muted">${money(deal.valueCents, deal.currency, d.locale)} · <span class="crm-stage">${stage ? nameOf(stage, t) : ''}</span></div>
    <form class="crm-move" method="post" action="${base(d.conversationId)}/deals/${deal.id}/move"
      hx-post="${base(d.conversationId)}/deals/${deal.id}/move" hx-target="#crm-panel" hx-swap="outerHTML">
      <input type="hidden" name="_csrf" value="${d.csrfToken}">
      <label for="${selectId}">${t('crm.move_to')}</label>
      <select id="${selectId}" name="stageId">${stageOptions(d.pipelines, deal.stageId, t)}</select>
      <label for="${selectId}-lost">${t('crm.field.lost_reason')}</label>
      <input id="${selectId}-lost" name="lostReason" maxlength="500">
      <button type="submit" class="small">${t('crm.action.move')}</button>
    </form>
  </li>`;
}

function createForm(d: PanelData): SafeHtml {
  const { t } = d;
  const values = d.error?.values ?? {};
  const value = (name: string, fallback = '') => values[name] ?? fallback;
  const invalid = (name: string) => (d.error?.field === name ? html` aria-invalid="true" aria-describedby="crm-create-error"` : '');
  const field = (name: string, key: string, input: SafeHtml) => html`<label for="crm-new-${name}">${t(key)}</label>${input}`;
  return html`<details class="crm-create"${d.error ? html` open` : ''}>
    <summary>${t('crm.panel.create')}</summary>
    <form class="stack" method="post" action="${base(d.conversationId)}/deals"
      hx-post="${base(d.conversationId)}/deals" hx-target="#crm-panel" hx-swap="outerHTML">
      <input type="hidden" name="_csrf" value="${d.csrfToken}">
      ${d.error ? html`<p id="crm-create-error" class="crm-error" role="alert">${d.error.message}</p>` : ''}
      ${field('title', 'crm.field.title', html`<input id="crm-new-title" name="title" required maxlength="200" value="${value('title', d.contactName)}"${invalid('title')}>`)}
      ${field('value', 'crm.field.value', html`<input id="crm-new-value" name="value" inputmode="decimal" value="${value('value')}"${invalid('value')}>`)}
      ${field('currency', 'crm.field.currency', html`<input id="crm-new-currency" name="currency" maxlength="3" value="${value('currency', d.defaultCurrency)}"${invalid('currency')}>`)}
      ${field('stageId', 'crm.field.stage', html`<select id="crm-new-stageId" name="stageId">${stageOptions(d.pipelines, value('stageId') || undefined, t)}</select>`)}
      ${field('expectedCloseDate', 'crm.field.expected_close', html`<input id="crm-new-expectedCloseDate" name="expectedCloseDate" type="date" value="${value('expectedCloseDate')}"${invalid('expectedCloseDate')}>`)}
      ${field('source', 'crm.field.source', html`<input id="crm-new-source" name="source" maxlength="100" value="${value('source', t('crm.source.whatsapp'))}">`)}
      ${field('notes', 'crm.field.notes', html`<textarea id="crm-new-notes" name="notes" rows="2" maxlength="5000">${value('notes')}</textarea>`)}
      <button type="submit" class="primary small">${t('crm.action.create')}</button>
    </form>
  </details>`;
}

/** The whole panel (id `crm-panel`, the target its forms swap). */
export function panel(d: PanelData): SafeHtml {
  const { t } = d;
  return html`<section id="crm-panel" class="crm-panel" aria-labelledby="crm-panel-title">
    <link rel="stylesheet" href="/plugins/crm/assets/crm.css">
    <h3 id="crm-panel-title">${t('crm.panel.title')}</h3>
    <p class="crm-notice" role="status">${d.notice ?? ''}</p>
    ${d.deals.length === 0
      ? html`<p class="muted crm-none">${t('crm.panel.none')}</p>`
      : html`<ul class="crm-deals">${d.deals.map((deal) => dealItem(d, deal))}</ul>`}
    ${createForm(d)}
    <p><a href="/plugins/crm/board">${t('crm.board.title')}</a></p>
  </section>`;
}
