/**
 * Supervisor live view: per team and agent availability, load vs capacity, queue, longest wait,
 * SLA at risk; bulk reassign (checkboxes + target) and drag-and-drop of a conversation card onto an
 * agent. Live over the page's WebSocket: the server re-renders the affected team blocks
 * (`teamBlocksFragment`) and pushes them with `hx-swap-oob`; waits keep counting in the browser.
 */
import { ACTIVE_STATUS_FILTER, NO_TEAM_FILTER } from '../../src/core/conversations';
import { teamBlockKey, type OverviewColumn, type OverviewConversation, type OverviewTeam } from '../../src/core/routing/overview';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { conversationPreview } from '../inbox/message-label';
import type { PageContext } from '../context';
import { layout } from '../layout';

/** Minutes waited since `since` at `now` ("—" when nobody waits); `data-since` lets the page tick. */
function waited(since: number | null, now: number): SafeHtml {
  return since === null ? html`<span class="waited">—</span>` : html`<span class="waited" data-since="${since}">${Math.max(0, Math.floor((now - since) / 60_000))} min</span>`;
}

function card(t: Translate, c: OverviewConversation, now: number) {
  return html`<li class="conv-card sla-${c.sla ?? 'none'}" draggable="true" data-conversation="${c.id}">
    <label><input type="checkbox" name="ids" value="${c.id}" form="bulk-form"> #${c.number}</label> <span class="preview">${conversationPreview(t, c.preview, c.lastMessage)}</span> ${waited(c.waitingSince, now)}</li>`;
}

/**
 * The inbox showing exactly one column of the board, in the same order: the agent's active
 * conversations in the team (or the team's unassigned ones when `assigneeId` is null).
 */
function columnInboxHref(teamId: string | null, assigneeId: string | null): string {
  const params = new URLSearchParams({ view: assigneeId ? 'team' : 'unassigned', teamId: teamId ?? NO_TEAM_FILTER });
  if (assigneeId) params.set('assigneeId', assigneeId);
  params.set('status', ACTIVE_STATUS_FILTER);
  params.set('sort', 'waiting');
  return `/inbox?${params}`;
}

/** A column's cards, then "+K more" into the inbox when it holds more than it shows. */
function column(t: Translate, col: OverviewColumn, href: string, now: number) {
  const more = col.total - col.cards.length;
  return html`<ul>${col.cards.map((c) => card(t, c, now))}</ul>${more > 0 ? html`<a class="column-more" href="${href}">${t('supervisor.more', { count: more })}</a>` : ''}`;
}

/** One team's block; `oob` marks it for an out-of-band swap (live push). */
export function teamBlock(t: Translate, team: OverviewTeam, now: number, oob = false) {
  const risk = (n: number) => html`<strong class="${n > 0 ? 'risk' : ''}">${n}</strong>`;
  const name = team.id === null ? t('supervisor.unassigned') : team.name;
  return html`<section class="card team-block" id="team-block-${teamBlockKey(team.id)}" data-team="${name}" ${oob ? html`hx-swap-oob="true"` : ''}>
    <h2>${name}</h2>
    <p class="team-stats">${t('supervisor.queue')}: <strong class="queue">${team.queue.total}</strong> · ${t('supervisor.longest_waiting')}: <strong>${waited(team.longestWaitingSince, now)}</strong> · ${t('supervisor.sla_risk')}: ${risk(team.slaAtRisk)}</p>
    <div class="agents">${team.agents.map((a) => html`<div class="agent-drop" data-agent="${a.id}" data-name="${a.name}">
      <h3>${a.name} <small class="avail-${a.availability}">${t(`routing.availability.${a.availability}`)}</small></h3>
      <p class="agent-load">${t('supervisor.open')} <span class="load">${a.open}/${a.capacity}</span> · ${t('supervisor.pending')} ${a.pending}
        · ${t('supervisor.longest_waiting')} ${waited(a.longestWaitingSince, now)} · ${t('supervisor.sla_risk')} ${risk(a.slaAtRisk)}</p>
      ${column(t, a.column, columnInboxHref(team.id, a.id), now)}</div>`)}
      <div class="agent-drop" data-agent="" data-team-id="${team.id ?? ''}"><h3>${t('supervisor.unassigned')}</h3>
        ${column(t, team.queue, columnInboxHref(team.id, null), now)}</div>
    </div></section>`;
}

/** The board (every team block). */
export function supervisorBoard(t: Translate, teams: OverviewTeam[], now: number) {
  return html`<div id="board">${teams.map((team) => teamBlock(t, team, now))}</div>`;
}

/** Team blocks as out-of-band swaps: what the live feed pushes to supervisors' tabs. */
export function teamBlocksFragment(t: Translate, teams: OverviewTeam[], now: number) {
  return html`${teams.map((team) => teamBlock(t, team, now, true))}`;
}

/** The /supervisor page (connects the WebSocket; the board stays live without polling). */
export function supervisorPage(ctx: PageContext, teams: OverviewTeam[], targets: Array<[string, string]>, now: number) {
  const t = ctx.t;
  return layout(ctx, t('supervisor.title'), html`<div id="supervisor" hx-ext="ws" ws-connect="/ws">
  <h1>${t('supervisor.title')} <small class="live-dot" title="${t('supervisor.live')}">●</small></h1>
  <p class="hint">${t('supervisor.live')} · ${t('supervisor.drop_hint')}</p>
  <div id="supervisor-flash" aria-live="polite"></div>
  <form id="bulk-form" method="post" action="/supervisor/reassign" class="inline" hx-post="/supervisor/reassign" hx-target="#supervisor-flash" hx-swap="innerHTML">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">
    <label>${t('supervisor.target')} <select name="target">${targets.map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
    <button type="submit">${t('supervisor.reassign')}</button></form>
  ${supervisorBoard(t, teams, now)}</div>`, { head: html`<link rel="stylesheet" href="/static/routing.css"><script src="/static/supervisor.js" defer></script>`, ownSocket: true });
}
