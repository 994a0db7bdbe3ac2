/**
 * Supervisor live view: per team and agent availability, load vs capacity, queue, longest wait,
 * SLA at risk; bulk reassign (checkboxes + target) and drag-and-drop of a conversation card onto an
 * agent. Refreshes its board every 5 s with htmx polling.
 */
import { html } from '../../src/lib/html';
import type { PageContext } from '../context';
import { layout } from '../layout';

export interface SupervisorAgentRow {
  id: string;
  name: string;
  availability: string;
  open: number;
  pending: number;
  capacity: number;
}
export interface SupervisorConversationRow {
  id: string;
  number: number;
  preview: string;
  assigneeId: string | null;
  waitingMs: number | null;
  sla: 'ok' | 'warning' | 'breached' | null;
}
export interface SupervisorTeamBlock {
  id: string | null;
  name: string;
  agents: SupervisorAgentRow[];
  conversations: SupervisorConversationRow[];
  queue: number;
  longestWaitingMs: number | null;
  slaAtRisk: number;
}

function minutes(ms: number | null): string {
  return ms === null ? '—' : `${Math.floor(ms / 60_000)} min`;
}

/** The board fragment (re-rendered by polling). */
export function supervisorBoard(ctx: PageContext, teams: SupervisorTeamBlock[]) {
  const t = ctx.t;
  const card = (c: SupervisorConversationRow) => html`<li class="conv-card sla-${c.sla ?? 'none'}" draggable="true" data-conversation="${c.id}">
    <label><input type="checkbox" name="ids" value="${c.id}" form="bulk-form"> #${c.number}</label> <span>${c.preview}</span> <small>${minutes(c.waitingMs)}</small></li>`;
  return html`<div id="board" hx-get="/supervisor/board" hx-trigger="every 5s" hx-swap="outerHTML">
  ${teams.map((team) => html`<section class="card team-block" data-team="${team.name}">
    <h2>${team.name}</h2>
    <p>${t('supervisor.queue')}: <strong>${team.queue}</strong> · ${t('supervisor.longest_waiting')}: <strong>${minutes(team.longestWaitingMs)}</strong> · ${t('supervisor.sla_risk')}: <strong>${team.slaAtRisk}</strong></p>
    <div class="agents">${team.agents.map((a) => html`<div class="agent-drop" data-agent="${a.id}" data-name="${a.name}">
      <h3>${a.name} <small class="avail-${a.availability}">${t(`routing.availability.${a.availability}`)}</small></h3>
      <p>${t('supervisor.open')} ${a.open}/${a.capacity} · ${t('supervisor.pending')} ${a.pending}</p>
      <ul>${team.conversations.filter((c) => c.assigneeId === a.id).map(card)}</ul></div>`)}
      <div class="agent-drop" data-agent=""><h3>${t('supervisor.unassigned')}</h3>
        <ul>${team.conversations.filter((c) => c.assigneeId === null).map(card)}</ul></div>
    </div></section>`)}</div>`;
}

/** The /supervisor page. */
export function supervisorPage(ctx: PageContext, teams: SupervisorTeamBlock[], targets: Array<[string, string]>, flash: string | null) {
  const t = ctx.t;
  return layout(ctx, t('supervisor.title'), html`<h1>${t('supervisor.title')}</h1>
  <p class="hint">${t('supervisor.live')} · ${t('supervisor.drop_hint')}</p>
  ${flash ? html`<p class="notice success">${flash}</p>` : ''}
  <form id="bulk-form" method="post" action="/supervisor/reassign" class="inline"><input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">
    <label>${t('supervisor.target')} <select name="target">${targets.map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
    <button type="submit">${t('supervisor.reassign')}</button></form>
  ${supervisorBoard(ctx, teams)}`, { head: html`<link rel="stylesheet" href="/static/routing.css"><script src="/static/supervisor.js" defer></script>` });
}
