/**
 * Bulk actions on the inbox list: each row has a checkbox (`.row-select`, tied to this form by its
 * `form` attribute); once one is ticked the bar shows (CSS `:has`) and applies to the selection:
 * assign to an agent or team (agents: themselves or a team), add a label, resolve, or snooze until
 * the customer replies. The answer says how many changed and why others did not; rows update live.
 */
import type { Label, PublicUser, Team } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';

export interface BulkBarData {
  agents: PublicUser[];
  teams: Team[];
  labels: Label[];
  /** Supervisors and admins may assign to anyone; agents to themselves or a team. */
  canSeeAll: boolean;
  meId: string;
}

/** The bulk action bar (form `bulk-actions`) and its result area. */
export function bulkBar(t: Translate, d: BulkBarData): SafeHtml {
  const people = d.canSeeAll ? d.agents : d.agents.filter((a) => a.id === d.meId);
  return html`<form id="bulk-actions" class="bulk-bar" hx-post="/inbox/bulk" hx-target="#bulk-result" hx-swap="innerHTML"
      hx-on::after-request="if (event.detail.successful) this.reset()" aria-label="${t('bulk.title')}">
    <span class="bulk-title">${t('bulk.title')}</span>
    <span class="bulk-group"><select name="target" aria-label="${t('bulk.assign_to')}">
        ${people.map((a) => html`<option value="user:${a.id}">${a.id === d.meId ? t('bulk.me', { name: a.name }) : a.name}</option>`)}
        ${d.teams.map((tm) => html`<option value="team:${tm.id}">${t('bulk.team', { name: tm.name })}</option>`)}
        ${d.canSeeAll ? html`<option value="none">${t('bulk.unassign')}</option>` : ''}</select>
      <button type="submit" class="small" name="action" value="assign">${t('bulk.assign')}</button></span>
    ${d.labels.length ? html`<span class="bulk-group"><select name="labelId" aria-label="${t('bulk.label')}">${d.labels.map((l) => html`<option value="${l.id}">${l.name}</option>`)}</select>
      <button type="submit" class="small" name="action" value="label">${t('bulk.label')}</button></span>` : ''}
    <button type="submit" class="small" name="action" value="resolve">${t('inbox.action.resolve')}</button>
    <button type="submit" class="small" name="action" value="snooze">${t('bulk.snooze')}</button>
  </form><div id="bulk-result" class="bulk-result" aria-live="polite"></div>`;
}
