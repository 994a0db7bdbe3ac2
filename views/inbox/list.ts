/**
 * The list pane: views (Mine, Unassigned, All, per team, Mentions) with counts, filters (status,
 * channel, label, priority, assignee), sort, rows and an infinite-scroll sentinel that loads the
 * next keyset page when it scrolls into view (`intersect`, since the list scrolls inside its pane,
 * where htmx's `revealed` never fires).
 */
import type { ConversationRow } from '../../src/core/inbox-read';
import type { Channel, Label, PublicUser, Team } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { conversationRow } from './conversation-row';
import { icon } from '../icons';
import { bulkBar } from './bulk-bar';

export interface ListQuery {
  view: string;
  teamId?: string;
  status?: string;
  channelId?: string;
  labelId?: string;
  priority?: string;
  assigneeId?: string;
  sort?: string;
}

export interface ListPaneData {
  query: ListQuery;
  rows: ConversationRow[];
  nextCursor: string | null;
  counts: Record<string, number>;
  /** The user's open conversations with unread customer messages (tab title). */
  unread: number;
  teams: Team[];
  channels: Channel[];
  labels: Label[];
  agents: PublicUser[];
  activeId: string | null;
  canSeeAll: boolean;
  /** The viewer (the bulk bar offers "me"). */
  meId: string;
  /** Admins get a link to connect a channel from the empty list. */
  isAdmin?: boolean;
  now: number;
}

/** Query string of a list query (plus extra keys), empty values dropped. */
export function listQueryString(q: ListQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v) params.set(k, String(v));
  return params.toString();
}

/** Rows plus the "load more" sentinel; also the response of a next-page request. */
export function listRows(t: Translate, d: Pick<ListPaneData, 'rows' | 'nextCursor' | 'query' | 'activeId' | 'now'>): SafeHtml {
  return html`${d.rows.map((r) => conversationRow(t, r, d.now, { active: r.conversation.id === d.activeId }))}
  ${d.nextCursor ? html`<li class="load-more" hx-get="/inbox/list?${listQueryString(d.query, { cursor: d.nextCursor })}" hx-trigger="intersect once" hx-swap="outerHTML">${t('inbox.loading')}</li>` : ''}`;
}

function select(name: string, label: string, options: Array<[string, string]>, value?: string): SafeHtml {
  return html`<select name="${name}" aria-label="${label}"><option value="">${label}</option>${options.map(([v, text]) =>
    html`<option value="${v}" ${v === value ? html`selected` : ''}>${text}</option>`)}</select>`;
}

/** Why the list is empty and what to do: connect a number, wait for messages, or widen the filters. */
function emptyList(t: Translate, d: ListPaneData): SafeHtml {
  const q = d.query;
  const filtered = Boolean(q.channelId || q.labelId || q.priority || q.assigneeId) || (q.status ?? 'open') !== 'open' || q.view !== 'all';
  const text = d.channels.length === 0 ? t('inbox.empty.no_channel') : filtered ? t('inbox.empty.filtered') : t('inbox.empty.waiting');
  const action = d.channels.length > 0 ? ''
    : d.isAdmin ? html`<a href="/admin/channels">${t('inbox.empty.connect')}</a>` : html`<span>${t('inbox.empty.ask_admin')}</span>`;
  return html`<li class="empty muted" id="empty-inbox"><p>${text}</p>${action}</li>`;
}

/** One view's count badge (`count-mine`, `count-team-<id>`…); `oob` for live refreshes. */
export function viewCount(key: string, n: number, oob = false): SafeHtml {
  const mentions = key === 'mentions' && n > 0 ? ' has-mentions' : '';
  return html`<span class="count${mentions}" id="count-${key.replace(':', '-')}" ${oob ? html`hx-swap-oob="true"` : ''}>${n}</span>`;
}

/** The unread-conversations marker static/inbox-counts.js reads for the tab title. */
function unreadMarker(n: number, oob = false): SafeHtml {
  return html`<span id="inbox-unread" data-unread="${n}" hidden ${oob ? html`hx-swap-oob="true"` : ''}></span>`;
}

/** The answer of GET /inbox/counts: every count badge and the unread marker, out of band. */
export function countsRefresh(counts: Record<string, number>, unread: number): SafeHtml {
  return html`${Object.entries(counts).map(([key, n]) => viewCount(key, n, true))}${unreadMarker(unread, true)}`;
}

/** The list pane (id `list-pane`). */
export function listPane(t: Translate, d: ListPaneData): SafeHtml {
  const q = d.query;
  const views: Array<[string, string, string | undefined]> = [
    ['mine', t('inbox.view.mine'), undefined], ['unassigned', t('inbox.view.unassigned'), undefined],
    ...(d.canSeeAll ? [['all', t('inbox.view.all'), undefined] as [string, string, undefined]] : []),
    ...d.teams.map((tm) => ['team', tm.name, tm.id] as [string, string, string]),
    ['mentions', t('inbox.view.mentions'), undefined],
  ];
  return html`<section id="list-pane" class="list-pane">
    <nav class="views" aria-label="${t('inbox.views')}">${views.map(([view, label, teamId]) => {
      const key = teamId ? `team:${teamId}` : view;
      // A team narrows Unassigned too (the board's "+K more" links): that tab stays the active one.
      const active = q.view === view && (view !== 'team' || q.teamId === teamId);
      return html`<a href="/inbox?${listQueryString({ ...q, view, teamId })}" class="${active ? 'active' : ''}">${label} ${viewCount(key, d.counts[key] ?? 0)}</a>`;
    })}</nav>${unreadMarker(d.unread)}
    <form class="filters" method="get" action="/inbox" hx-get="/inbox" hx-target="#list-pane" hx-select="#list-pane" hx-swap="outerHTML" hx-trigger="change" hx-push-url="true">
      <input type="hidden" name="view" value="${q.view}">${q.teamId ? html`<input type="hidden" name="teamId" value="${q.teamId}">` : ''}
      ${select('status', t('inbox.filter.status'), ['open', 'pending', 'active', 'snoozed', 'resolved'].map((s) => [s, t(`inbox.status_${s}`)]), q.status)}
      ${d.channels.length > 1 ? select('channelId', t('inbox.filter.channel'), d.channels.map((c) => [c.id, c.name]), q.channelId) : ''}
      ${select('labelId', t('inbox.filter.label'), d.labels.map((l) => [l.id, l.name]), q.labelId)}
      ${select('priority', t('inbox.filter.priority'), ['urgent', 'high', 'medium', 'low'].map((p) => [p, t(`inbox.priority.${p}`)]), q.priority)}
      ${d.canSeeAll ? select('assigneeId', t('inbox.filter.assignee'), d.agents.map((a) => [a.id, a.name]), q.assigneeId) : ''}
      ${select('sort', t('inbox.sort'), [['newest', t('inbox.sort.newest')], ['waiting', t('inbox.sort.waiting')]], q.sort)}
      <noscript><button type="submit">${t('inbox.filter.apply')}</button></noscript>
    </form>
    ${bulkBar(t, { agents: d.agents, teams: d.teams, labels: d.labels, canSeeAll: d.canSeeAll, meId: d.meId })}
    <form class="search-box" method="get" action="/inbox/search" role="search">${icon('search')}<input type="search" name="q" placeholder="${t('inbox.search')}" aria-label="${t('inbox.search')}" maxlength="200">
      <button type="button" class="link shortcuts-open" @click="help = true" title="${t('shortcuts.open')}" aria-label="${t('shortcuts.open')}">${icon('keyboard')}</button></form>
    <ul id="conv-list" class="conv-list" data-view="${q.view}" data-sort="${q.sort === 'waiting' ? 'waiting' : 'newest'}" data-team="${q.teamId ?? ''}" data-status="${q.status ?? ''}"
      data-priority="${q.priority ?? ''}" data-channel="${q.channelId ?? ''}" data-assignee="${q.assigneeId ?? ''}" data-label="${q.labelId ?? ''}">${d.rows.length === 0 ? emptyList(t, d) : listRows(t, d)}</ul>
  </section>`;
}
