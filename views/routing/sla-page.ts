/**
 * Admin: SLA policies — first response, next response and resolution targets in minutes (empty =
 * no target), counted in business hours or not; one default policy and at most one per team.
 */
import type { SlaPolicy } from '../../src/core/routing/sla';
import type { Team } from '../../src/core/types';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { fieldError, routingTabs } from './tabs';

export interface SlaForm {
  id?: string;
  name: string;
  teamId: string | null;
  firstResponseMinutes: string;
  nextResponseMinutes: string;
  resolutionMinutes: string;
  businessHoursOnly: boolean;
}

/** A stored policy as form values. */
export function slaFormOf(p: SlaPolicy): SlaForm {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return { id: p.id, name: p.name, teamId: p.teamId, firstResponseMinutes: s(p.firstResponseMinutes), nextResponseMinutes: s(p.nextResponseMinutes), resolutionMinutes: s(p.resolutionMinutes), businessHoursOnly: p.businessHoursOnly };
}

function policyForm(ctx: PageContext, teams: Team[], form: SlaForm, errors: Record<string, string>) {
  const t = ctx.t;
  const minutes = (name: 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes', key: string) => html`<label>${t(key)}
    <input type="number" name="${name}" min="1" step="1" value="${form[name]}" placeholder="${t('routing.sla.none')}" ${errors[name] ? html`aria-invalid="true"` : ''}></label>${fieldError(errors[name])}`;
  return html`<form method="post" action="/admin/routing/sla" class="stack sla-form" data-policy="${form.name}">${csrfField(ctx.csrfToken)}
    <label>${t('routing.sla.name')} <input name="name" value="${form.name}" required maxlength="80"></label>${fieldError(errors.name)}
    <label>${t('routing.sla.team')} <select name="teamId">${[['', t('routing.sla.default')] as [string, string], ...teams.map((team): [string, string] => [team.id, team.name])].map(([v, l]) =>
      html`<option value="${v}" ${v === (form.teamId ?? '') ? html`selected` : ''}>${l}</option>`)}</select></label>${fieldError(errors.teamId)}
    ${minutes('firstResponseMinutes', 'routing.sla.first')}${minutes('nextResponseMinutes', 'routing.sla.next')}${minutes('resolutionMinutes', 'routing.sla.resolution')}
    <label><input type="checkbox" name="businessHoursOnly" value="true" ${form.businessHoursOnly ? html`checked` : ''}> ${t('routing.sla.business_hours')}</label>
    <button type="submit">${t('routing.teams.save')}</button></form>`;
}

/** The /admin/routing/sla page: every policy editable, plus a new one. */
export function slaPage(ctx: PageContext, teams: Team[], policies: SlaPolicy[], state: { form?: SlaForm; errors?: Record<string, string>; message?: string | null; saved?: boolean } = {}) {
  const t = ctx.t;
  const teamName = (id: string | null) => (id ? teams.find((team) => team.id === id)?.name ?? id : t('routing.sla.default'));
  const editing = state.form?.id;
  const blank: SlaForm = { name: '', teamId: null, firstResponseMinutes: '', nextResponseMinutes: '', resolutionMinutes: '', businessHoursOnly: false };
  return layout(ctx, t('routing.sla.title'), html`${adminNav(ctx)}${routingTabs(ctx)}
  <section class="card"><h1>${t('routing.sla.title')}</h1><p class="hint">${t('routing.sla.help')}</p>
    ${notice('success', state.saved ? t('routing.teams.saved') : null)}${notice('error', state.message)}
    ${policies.map((p) => html`<article class="card" id="sla-${p.id}"><h2>${teamName(p.teamId)}</h2>
      ${policyForm(ctx, teams, editing === p.id ? state.form! : slaFormOf(p), editing === p.id ? state.errors ?? {} : {})}
      <form method="post" action="/admin/routing/sla/${p.id}/delete" class="inline">${csrfField(ctx.csrfToken)}<button class="small danger">${t('routing.rules.delete')}</button></form>
    </article>`)}
  </section>
  <section class="card"><h2>${t('routing.sla.new')}</h2>${policyForm(ctx, teams, state.form && !editing ? state.form : blank, state.form && !editing ? state.errors ?? {} : {})}</section>`,
  { head: html`<link rel="stylesheet" href="/static/routing.css">` });
}
