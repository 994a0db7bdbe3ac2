/**
 * Admin: business hours of a team or of the company (the default every team without its own
 * falls back to): time zone, weekly opening intervals, holidays and the team's out-of-office reply.
 * Rows are plain form fields (works without JavaScript); Alpine only adds blank rows.
 */
import type { Team } from '../../src/core/types';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { fieldError, routingTabs } from './tabs';

export interface HoursForm {
  teamId: string | null;
  timezone: string;
  weekly: Array<{ day: string | number; from: string; to: string }>;
  holidays: string[];
  outOfOfficeMessage: string;
  /** True when showing the default because the team has no hours of its own yet. */
  inherited?: boolean;
}

const DAYS = [1, 2, 3, 4, 5, 6, 0];

function dayRow(ctx: PageContext, row: { day: string | number; from: string; to: string }, error?: string) {
  const t = ctx.t;
  return html`<div class="hours-row">
    <select name="day" aria-label="${t('routing.hours.day')}">${DAYS.map((d) => html`<option value="${d}" ${String(d) === String(row.day) ? html`selected` : ''}>${t(`routing.hours.day_${d}`)}</option>`)}</select>
    <input type="time" name="from" value="${row.from}" aria-label="${t('routing.hours.from')}"> –
    <input type="time" name="to" value="${row.to}" aria-label="${t('routing.hours.to')}">
    <button type="button" class="small link" @click="$el.closest('.hours-row').remove()">${t('routing.hours.remove')}</button>
    ${fieldError(error)}</div>`;
}

function holidayRow(ctx: PageContext, value: string, error?: string) {
  return html`<div class="hours-row"><input type="date" name="holiday" value="${value}" aria-label="${ctx.t('routing.hours.holiday')}">
    <button type="button" class="small link" @click="$el.closest('.hours-row').remove()">${ctx.t('routing.hours.remove')}</button>${fieldError(error)}</div>`;
}

/** The /admin/routing/hours page for one team (`form.teamId` null = company default). */
/** "America/Argentina/Buenos_Aires" → "Buenos Aires (America)", what people search for. */
function cityOf(zone: string): string {
  const parts = zone.split('/');
  return parts.length > 1 ? `${parts[parts.length - 1]!.replace(/_/g, ' ')} (${parts[0]})` : zone;
}

export function hoursPage(ctx: PageContext, teams: Team[], timezones: string[], form: HoursForm, state: { errors?: Record<string, string>; saved?: boolean } = {}) {
  const t = ctx.t;
  const errors = state.errors ?? {};
  const rowError = (prefix: string, i: number) => Object.entries(errors).find(([k]) => k === `${prefix}.${i}` || k.startsWith(`${prefix}.${i}.`))?.[1];
  const choices: Array<[string, string]> = [['', t('routing.hours.company')], ...teams.map((team): [string, string] => [team.id, team.name])];
  return layout(ctx, t('routing.hours.title'), html`${adminNav(ctx)}${routingTabs(ctx)}
  <section class="card"><h1>${t('routing.hours.title')}</h1>
    <nav class="chips" aria-label="${t('routing.hours.which')}">${choices.map(([id, name]) =>
      html`<a class="chip ${id === (form.teamId ?? '') ? 'on' : ''}" href="/admin/routing/hours${id ? `?team=${id}` : ''}">${name}</a>`)}</nav>
    ${notice('success', state.saved ? t('routing.teams.saved') : null)}
    ${notice('error', Object.keys(errors).length ? t('routing.form.fix_errors') : null)}
    ${form.inherited ? html`<p class="hint">${t('routing.hours.inherited')}</p>` : ''}
    <form method="post" action="/admin/routing/hours" class="stack" id="hours-form" x-data>${csrfField(ctx.csrfToken)}
      <input type="hidden" name="teamId" value="${form.teamId ?? ''}">
      <label>${t('routing.hours.timezone')} <input name="timezone" list="tz-list" value="${form.timezone}" autocomplete="off" required
        placeholder="${t('routing.hours.timezone_search')}" ${errors.timezone ? html`aria-invalid="true"` : ''}></label>${fieldError(errors.timezone)}
      <datalist id="tz-list">${timezones.map((z) => html`<option value="${z}" label="${cityOf(z)}"></option>`)}</datalist>
      <p class="hint" x-data="{ zone: Intl.DateTimeFormat().resolvedOptions().timeZone }" x-show="zone !== $root.closest('form').timezone.value" x-cloak>
        <button type="button" class="small link" @click="$root.closest('form').timezone.value = zone">${t('routing.hours.use_browser_zone')} <span x-text="zone"></span></button></p>
      <fieldset><legend>${t('routing.hours.weekly')}</legend><div id="weekly-rows">${[...form.weekly, { day: 1, from: '', to: '' }].map((row, i) => dayRow(ctx, row, rowError('weekly', i)))}</div>
        <template id="blank-day">${dayRow(ctx, { day: 1, from: '', to: '' })}</template>
        <button type="button" class="small" @click="document.getElementById('weekly-rows').append(document.getElementById('blank-day').content.cloneNode(true))">${t('routing.hours.add_interval')}</button>
        <small class="hint">${t('routing.hours.weekly_hint')}</small></fieldset>
      <fieldset><legend>${t('routing.hours.holidays')}</legend><div id="holiday-rows">${[...form.holidays, ''].map((h, i) => holidayRow(ctx, h, rowError('holidays', i)))}</div>
        <template id="blank-holiday">${holidayRow(ctx, '')}</template>
        <button type="button" class="small" @click="document.getElementById('holiday-rows').append(document.getElementById('blank-holiday').content.cloneNode(true))">${t('routing.hours.add_holiday')}</button></fieldset>
      <label>${t('routing.hours.ooo')} <textarea name="outOfOfficeMessage" rows="3" maxlength="1000">${form.outOfOfficeMessage}</textarea></label>
      <small class="hint">${t('routing.hours.ooo_hint')}</small>${fieldError(errors.outOfOfficeMessage)}
      <button type="submit">${t('routing.teams.save')}</button>
    </form></section>`, { head: html`<link rel="stylesheet" href="/static/routing.css">` });
}
