/**
 * `/inbox/search`: a search box with filters (channel, status, author, date range), matching
 * contacts, and message hits newest first with highlighted snippets. Each hit links to
 * `/inbox/c/:id?m=<messageId>#m-<messageId>`: the thread loads around that message, scrolls to it
 * and highlights it. More hits load with a keyset cursor. Works as one column at 375 px.
 */
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ContactHit, type MessageHit } from '../../src/core/search';
import type { Channel } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';
import type { Translate } from '../i18n';
import { layout } from '../layout';
import { avatar, timeTag } from './format';

export interface SearchForm {
  q: string;
  channelId?: string;
  status?: string;
  from?: string;
  since?: string;
  until?: string;
  /** The browser's IANA time zone the dates are read in (hidden field set by static/local-time.js). */
  tz?: string;
}

export interface SearchPageData {
  form: SearchForm;
  channels: Channel[];
  messages: MessageHit[];
  contacts: ContactHit[];
  nextCursor: string | null;
  /** True when the query had nothing searchable (empty or only symbols). */
  empty: boolean;
}

/**
 * Escapes a snippet and only then turns the FTS markers into <mark>…</mark>; the output is
 * balanced even if the text itself contained marker characters.
 */
export function highlightSnippet(snippet: string): SafeHtml {
  const parts: Array<SafeHtml | string> = [];
  let open = false;
  for (const piece of snippet.split(new RegExp(`([${SNIPPET_OPEN}${SNIPPET_CLOSE}])`))) {
    if (piece === SNIPPET_OPEN) { if (!open) parts.push(html`<mark>`); open = true; }
    else if (piece === SNIPPET_CLOSE) { if (open) parts.push(html`</mark>`); open = false; }
    else parts.push(piece);
  }
  if (open) parts.push(html`</mark>`);
  return html`${parts}`;
}

/** The query string of a search (empty values dropped), plus `extra`. */
export function searchQueryString(form: SearchForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...form, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

function authorOf(t: Translate, hit: MessageHit): string {
  if (hit.isPrivate) return t('search.from.note');
  return hit.direction === 'inbound' ? t('search.from.customer') : t('search.from.agent');
}

/** Message hits plus the "more results" sentinel (also the response of a next-page request). */
export function searchHits(t: Translate, d: Pick<SearchPageData, 'messages' | 'nextCursor' | 'form'>): SafeHtml {
  return html`${d.messages.map((hit) => html`<li class="search-hit ${hit.isPrivate ? 'note' : ''}">
    <a href="/inbox/c/${hit.conversationId}?m=${hit.messageId}#m-${hit.messageId}">
      <div class="hit-top"><strong>${hit.contactName || hit.contactPhone || t('inbox.unknown_contact')}</strong>
        <span class="muted">#${hit.conversationNumber}</span>
        <span class="chip status-${hit.conversationStatus}">${t(`inbox.status_${hit.conversationStatus}`)}</span>
        ${timeTag(t, hit.sentAt, 'datetime', 'muted')}</div>
      <div class="hit-snippet"><span class="hit-author">${authorOf(t, hit)}:</span> ${highlightSnippet(hit.snippet)}</div>
    </a></li>`)}
  ${d.nextCursor ? html`<li class="load-more"><a class="button small" href="/inbox/search?${searchQueryString(d.form, { cursor: d.nextCursor })}"
    hx-get="/inbox/search?${searchQueryString(d.form, { cursor: d.nextCursor })}" hx-target="closest li" hx-swap="outerHTML">${t('search.more')}</a></li>` : ''}`;
}

function option(value: string, label: string, current?: string): SafeHtml {
  return html`<option value="${value}" ${value === current ? html`selected` : ''}>${label}</option>`;
}

/** The search form (also embedded small in the inbox header). */
function searchForm(t: Translate, d: SearchPageData): SafeHtml {
  const f = d.form;
  return html`<form class="search-form" method="get" action="/inbox/search" role="search">
    <input type="hidden" name="tz" value="${f.tz ?? ''}" data-local-zone>
    <div class="search-row"><input type="search" name="q" value="${f.q}" placeholder="${t('search.placeholder')}" aria-label="${t('search.placeholder')}" autofocus maxlength="200">
      <button type="submit" class="primary">${t('inbox.search')}</button></div>
    <details class="search-filters" ${f.channelId || f.status || f.from || f.since || f.until ? html`open` : ''}><summary>${t('search.filters')}</summary>
      <div class="filter-grid">
        ${d.channels.length > 1 ? html`<label>${t('inbox.filter.channel')}<select name="channelId">${option('', t('search.any'), f.channelId)}${d.channels.map((c) => option(c.id, c.name, f.channelId))}</select></label>` : ''}
        <label>${t('inbox.filter.status')}<select name="status">${option('', t('search.any'), f.status)}${['open', 'pending', 'snoozed', 'resolved'].map((s) => option(s, t(`inbox.status_${s}`), f.status))}</select></label>
        <label>${t('search.from')}<select name="from">${option('', t('search.any'), f.from)}${option('customer', t('search.from.customer'), f.from)}${option('agent', t('search.from.agent'), f.from)}${option('notes', t('search.from.notes'), f.from)}</select></label>
        <label>${t('search.since')}<input type="date" name="since" value="${f.since ?? ''}"></label>
        <label>${t('search.until')}<input type="date" name="until" value="${f.until ?? ''}"></label>
      </div></details>
  </form>`;
}

function contactHits(t: Translate, list: ContactHit[]): SafeHtml {
  if (list.length === 0) return html``;
  return html`<section class="search-section"><h2>${t('search.contacts')}</h2><ul class="search-list">${list.map((c) => html`<li class="search-hit contact-hit">
    <a href="/inbox/c/${c.conversationId}">${avatar(c.name || c.phone || '?', c.contactId, 'small')}
      <div><strong>${c.name || c.phone || t('inbox.unknown_contact')}</strong> ${c.phone && c.name ? html`<span class="muted">${c.phone}</span>` : ''}
        <span class="muted">#${c.conversationNumber}</span>
        ${c.snippet ? html`<div class="hit-snippet">${highlightSnippet(c.snippet)}</div>` : ''}</div></a></li>`)}</ul></section>`;
}

/** The whole search page. */
export function searchPage(ctx: PageContext, d: SearchPageData): SafeHtml {
  const t = ctx.t;
  const nothing = !d.empty && d.messages.length === 0 && d.contacts.length === 0;
  const body = html`<div class="search-page">
    <header class="search-header"><a href="/inbox" class="back" aria-label="${t('inbox.back')}">←</a><h1>${t('inbox.search')}</h1></header>
    ${searchForm(t, d)}
    ${d.empty ? html`<p class="muted">${t('search.hint')}</p>` : ''}
    ${nothing ? html`<p class="muted" id="search-none">${t('search.none', { q: d.form.q })}</p>` : ''}
    ${contactHits(t, d.contacts)}
    ${d.messages.length ? html`<section class="search-section"><h2>${t('search.messages')}</h2><ul class="search-list" id="search-hits">${searchHits(t, d)}</ul></section>` : ''}
  </div>`;
  return layout(ctx, d.form.q ? `${t('inbox.search')}: ${d.form.q}` : t('inbox.search'), body, {
    head: html`<link rel="stylesheet" href="/static/inbox.css"><link rel="stylesheet" href="/static/inbox-tools.css">`,
  });
}
