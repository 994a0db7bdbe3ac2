/**
 * Admin: customer satisfaction surveys per team (or the company default): on/off, delay after
 * resolving, language of the in-window question, the approved template used outside the 24-hour
 * window, the cool-down per customer and the score that alerts supervisors.
 */
import type { Team } from '../../src/core/types';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';

export interface CsatForm {
  teamId: string | null;
  enabled: boolean;
  delayMinutes: string;
  language: string;
  template: string;
  cooldownDays: string;
  lowScore: string;
  /** True when the team has no settings of its own (the form shows the default's). */
  inherited: boolean;
}

const err = (m: string | undefined) => (m ? html`<small class="error">${m}</small>` : '');

/** The /admin/csat page for one team (or the default). */
export function csatSettingsPage(ctx: PageContext, teams: Team[], templates: Array<[string, string]>, form: CsatForm, state: { errors?: Record<string, string>; saved?: boolean } = {}) {
  const t = ctx.t;
  const e = state.errors ?? {};
  const tabs = [['', t('csat.default')] as [string, string], ...teams.map((team): [string, string] => [team.id, team.name])];
  const templateValue = (name: string, lang: string) => `${name}|${lang}`;
  return layout(ctx, t('csat.title'), html`${adminNav(ctx)}
  <section class="card"><h1>${t('csat.title')}</h1><p class="hint">${t('csat.help')}</p>
    <nav class="subnav">${tabs.map(([id, name]) => html`<a href="/admin/csat${id ? `?team=${id}` : ''}" class="${(form.teamId ?? '') === id ? 'active' : ''}">${name}</a>`)}</nav>
    ${notice('success', state.saved ? t('csat.saved') : null)}${notice('error', e.form)}
    ${form.inherited && form.teamId ? html`<p class="notice info">${t('csat.inherited')}</p>` : ''}
    <form method="post" action="/admin/csat" class="stack" id="csat-form">${csrfField(ctx.csrfToken)}
      <input type="hidden" name="teamId" value="${form.teamId ?? ''}">
      <label><input type="checkbox" name="enabled" value="true" ${form.enabled ? html`checked` : ''}> ${t('csat.enabled')}</label>
      <label>${t('csat.delay')} <input type="number" name="delayMinutes" min="0" step="1" value="${form.delayMinutes}"></label>${err(e.delayMinutes)}
      <label>${t('csat.language')} <select name="language">${[['es', 'Español'], ['en', 'English'], ['pt-BR', 'Português (Brasil)']].map(([v, l]) => html`<option value="${v}" ${form.language === v ? html`selected` : ''}>${l}</option>`)}</select></label>
      <label>${t('csat.template')} <select name="template"><option value="">${t('csat.no_template')}</option>
        ${templates.map(([name, lang]) => html`<option value="${templateValue(name, lang)}" ${form.template === templateValue(name, lang) ? html`selected` : ''}>${name} (${lang})</option>`)}</select></label>
      <small class="hint">${t('csat.template_help')}</small>${err(e.templateName ?? e.templateLanguage)}
      <label>${t('csat.cooldown')} <input type="number" name="cooldownDays" min="0" max="365" step="1" value="${form.cooldownDays}"></label>${err(e.cooldownDays)}
      <label>${t('csat.low_score')} <select name="lowScore">${['1', '2', '3', '4'].map((v) => html`<option value="${v}" ${form.lowScore === v ? html`selected` : ''}>≤ ${v}</option>`)}</select></label>
      <button type="submit" class="primary">${t('csat.save')}</button>
    </form>
  </section>`);
}
