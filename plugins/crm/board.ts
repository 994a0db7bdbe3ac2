/**
 * The board page (`/plugins/crm/board`): one column per stage of a pipeline with its deal count
 * and totals. Every card has a "move to stage" form that works without JavaScript (and on a
 * phone); assets/board.js adds drag and drop between columns on top of it.
 */
import { html, type Locale, type PublicUser, type SafeHtml } from 'turno/plugin';
import { money, nameOf, totals, type T } from './format';
import type { Deal, Pipeline, Stage } from './store';

const DAY_MS = 86_400_000;

export interface BoardData {
  pipelines: Pipeline[];
  pipeline: Pipeline;
  /** The deals of `pipeline` the user may see. */
  deals: Deal[];
  user: PublicUser;
  t: T;
  locale: Locale;
  csrfToken: string;
  defaultCurrency: string;
  /** Open deals without activity for this many days are highlighted. */
  rottingDays: number;
  now: number;
  /** A message to show (a refused move without JavaScript). */
  error?: string;
}

function card(d: BoardData, deal: Deal, stage: Stage): SafeHtml {
  const { t } = d;
  const idleDays = Math.floor((d.now - deal.lastActivityAt) / DAY_MS);
  const rotting = stage.outcome === 'open' && idleDays >= d.rottingDays;
  const selectId = `move-${deal.id}`;
  return html`<li class="crm-card${rotting ? ' crm-rotting' : ''}" draggable="true" data-deal-id="${deal.id}" aria-labelledby="title-${deal.id}">
    <strong id="title-${deal.id}">${deal.title}</strong>
    <div class="crm-value">${money(deal.valueCents, deal.currency, d.locale)}</div>
    ${deal.contactName ? html`<div class="muted">${deal.contactName}</div>` : ''}
    <div class="muted">${t('crm.field.owner')}: ${deal.ownerName}</div>
    ${deal.expectedCloseDate ? html`<div class="muted">${t('crm.board.closes', { date: deal.expectedCloseDate })}</div>` : ''}
    ${stage.outcome === 'lost' && deal.lostReason ? html`<div class="muted">${deal.lostReason}</div>` : ''}
    ${rotting ? html`<div class="crm-rotting-note">${t('crm.board.rotting', { days: idleDays })}</div>` : ''}
    ${deal.conversationId ? html`<a href="/inbox/c/${deal.conversationId}">${t('crm.board.conversation')}</a>` : ''}
    <form method="post" action="/plugins/crm/board/deals/${deal.id}/move" class="crm-card-move">
      <input type="hidden" name="_csrf" value="${d.csrfToken}">
      <label for="${selectId}">${t('crm.move_to')}</label>
      <select id="${selectId}" name="stageId">${d.pipeline.stages.map((s) =>
        html`<option value="${s.id}"${s.id === stage.id ? html` selected` : ''}>${nameOf(s, t)}</option>`)}</select>
      <button type="submit" class="small">${t('crm.action.move')}</button>
    </form>
  </li>`;
}

function column(d: BoardData, stage: Stage): SafeHtml {
  const { t } = d;
  const deals = d.deals.filter((deal) => deal.stageId === stage.id);
  return html`<section class="crm-column" data-stage-id="${stage.id}" data-outcome="${stage.outcome}" aria-labelledby="stage-${stage.id}">
    <header>
      <h2 id="stage-${stage.id}">${nameOf(stage, t)}</h2>
      <div class="muted crm-count">${deals.length === 1 ? t('crm.board.count_one') : t('crm.board.count', { count: deals.length })}</div>
      <div class="crm-total">${t('crm.board.total')}: <span data-total>${totals(deals, d.locale, d.defaultCurrency)}</span></div>
    </header>
    <ul class="crm-cards">${deals.length === 0 ? html`<li class="muted crm-empty">${t('crm.board.empty')}</li>` : deals.map((deal) => card(d, deal, stage))}</ul>
  </section>`;
}

/** The complete board page (the plugin renders its own page: head, a small top bar, the columns). */
export function boardPage(d: BoardData): SafeHtml {
  const { t } = d;
  const title = `${t('crm.board.title')} · ${nameOf(d.pipeline, t)}`;
  return html`<!doctype html>
<html lang="${d.locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Turno</title>
  <link rel="stylesheet" href="/static/app.css">
  <link rel="stylesheet" href="/plugins/crm/assets/crm.css">
  <script src="/static/vendor/htmx.min.js" defer></script>
  <script src="/plugins/crm/assets/board.js" defer></script>
</head>
<body class="crm-board-page" hx-headers="${JSON.stringify({ 'X-CSRF-Token': d.csrfToken })}" data-csrf="${d.csrfToken}" data-move-failed="${t('crm.board.move_failed')}">
  <nav class="topnav"><a class="brand" href="/inbox">Turno</a><div class="links"><a href="/inbox">${t('nav.inbox')}</a><a href="/plugins/crm/board" class="active">${t('crm.nav')}</a><span>${d.user.name}</span></div></nav>
  <main>
    <h1>${title}</h1>
    ${d.pipelines.length > 1 ? html`<form method="get" action="/plugins/crm/board" class="crm-pipeline-picker">
      <label for="pipeline">${t('crm.board.pipeline')}</label>
      <select id="pipeline" name="pipeline">${d.pipelines.map((p) => html`<option value="${p.id}"${p.id === d.pipeline.id ? html` selected` : ''}>${nameOf(p, t)}</option>`)}</select>
      <button type="submit" class="small">${t('crm.board.show')}</button>
    </form>` : ''}
    <p class="muted">${t('crm.board.hint')}</p>
    <p id="crm-board-status" class="crm-error" role="status">${d.error ?? ''}</p>
    <div class="crm-board">${d.pipeline.stages.map((stage) => column(d, stage))}</div>
  </main>
</body>
</html>`;
}
