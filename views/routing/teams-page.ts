/** Admin: teams (mode, capacity override, assignee-only replies, channels, members) and agent capacity. */
import { effectiveAvailability } from '../../src/core/availability';
import type { Channel, PublicUser, Team } from '../../src/core/types';
import { ASSIGNMENT_MODES } from '../../src/db/schema/enums';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';

export interface TeamView {
  team: Team;
  memberIds: string[];
  channelIds: string[];
}

/** The /admin/teams page. */
export function teamsPage(ctx: PageContext, teams: TeamView[], users: PublicUser[], channels: Channel[], flash: { ok?: string | null; error?: string | null } = {}) {
  const t = ctx.t;
  const names = new Map(users.map((u) => [u.id, u.name]));
  const modeSelect = (selected: string) => html`<select name="assignmentMode" aria-label="${t('routing.teams.mode')}">${ASSIGNMENT_MODES.map((m) =>
    html`<option value="${m}" ${m === selected ? html`selected` : ''}>${t(`routing.mode.${m}`)}</option>`)}</select>`;
  return layout(ctx, t('routing.teams.title'), html`${adminNav(ctx)}
  <section class="card"><h1>${t('routing.teams.title')}</h1>${notice('success', flash.ok)}${notice('error', flash.error)}
  ${teams.length === 0 ? html`<p class="muted">${t('routing.teams.empty')}</p>` : ''}
  ${teams.map(({ team, memberIds, channelIds }) => html`<article class="card team" data-team="${team.name}">
    <form method="post" action="/admin/teams/${team.id}" class="stack">${csrfField(ctx.csrfToken)}
      <label>${t('routing.teams.name')} <input name="name" value="${team.name}" required maxlength="80"></label>
      <label>${t('routing.teams.mode')} ${modeSelect(team.assignmentMode)}</label>
      <label>${t('routing.teams.capacity_override')} <input name="capacityOverride" type="number" min="0" max="500" value="${team.capacityOverride ?? ''}"></label>
      <label><input type="checkbox" name="onlyAssigneeCanReply" value="true" ${team.onlyAssigneeCanReply ? html`checked` : ''}> ${t('routing.teams.only_assignee')}</label>
      <label><input type="checkbox" name="assignOnReply" value="true" ${team.assignOnReply ? html`checked` : ''}> ${t('routing.teams.assign_on_reply')}</label>
      <fieldset><legend>${t('routing.teams.channels')}</legend>${channels.map((c) => html`<label><input type="checkbox" name="channelIds" value="${c.id}" ${channelIds.includes(c.id) ? html`checked` : ''}> ${c.name}</label>`)}</fieldset>
      <button type="submit" class="primary">${t('routing.teams.save')}</button>
    </form>
    <h3>${t('routing.teams.members')}</h3>
    <ul>${memberIds.map((id) => html`<li>${names.get(id) ?? id}
      <form method="post" action="/admin/teams/${team.id}/members/${id}/remove" class="inline">${csrfField(ctx.csrfToken)}<button class="small danger">${t('routing.teams.remove')}</button></form></li>`)}</ul>
    <form method="post" action="/admin/teams/${team.id}/members" class="inline">${csrfField(ctx.csrfToken)}
      <select name="userId" aria-label="${t('routing.teams.add_member')}">${users.filter((u) => !memberIds.includes(u.id)).map((u) => html`<option value="${u.id}">${u.name}</option>`)}</select>
      <button class="small">${t('routing.teams.add_member')}</button></form>
  </article>`)}
  </section>
  <section class="card"><h2>${t('routing.teams.new')}</h2>
    <form method="post" action="/admin/teams" class="stack">${csrfField(ctx.csrfToken)}
      <label>${t('routing.teams.name')} <input name="name" required maxlength="80"></label>
      <label>${t('routing.teams.mode')} ${modeSelect('manual')}</label>
      <button type="submit" class="primary">${t('routing.teams.new')}</button></form>
  </section>
  <section class="card"><h2>${t('routing.teams.agents')}</h2><div class="table-wrap"><table class="table">
    <thead><tr><th>${t('field.name')}</th><th>${t('routing.teams.availability')}</th><th>${t('routing.teams.capacity')}</th></tr></thead>
    <tbody>${users.map((u) => html`<tr><td>${u.name}</td><td class="availability" data-availability="${effectiveAvailability(u)}"><span class="presence ${effectiveAvailability(u)}"></span> ${t(`routing.availability.${effectiveAvailability(u)}`)}${u.availabilityManual ? '' : html` (${t('routing.teams.auto')})`}</td>
      <td><form method="post" action="/admin/teams/agents/${u.id}/capacity" class="inline">${csrfField(ctx.csrfToken)}
        <input name="capacity" type="number" min="0" max="500" value="${u.capacity}" aria-label="${t('routing.teams.capacity')} ${u.name}">
        <button class="small">${t('routing.teams.save')}</button></form></td></tr>`)}</tbody></table></div></section>`);
}
