/**
 * Assign / transfer form of the thread header (id `transfer-<conversationId>`): an agent or team
 * select, an optional handover note (posted as a private note that @mentions the new assignee) and
 * a confirm button. The assign route answers htmx with this form re-rendered (closed, new
 * assignee), or with an error into its alert box.
 */
import type { Conversation, PublicUser, Team } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { icon } from '../icons';

/** Who the conversation is with now, as the form's summary shows it. */
function currentHolder(t: Translate, c: Conversation, agents: PublicUser[], teams: Team[]): string {
  const name = (c.assigneeId && agents.find((a) => a.id === c.assigneeId)?.name) || (c.teamId && teams.find((tm) => tm.id === c.teamId)?.name);
  return name ? t('transfer.current', { name }) : t('inbox.assign.nobody');
}

/** The form, closed. */
export function transferForm(t: Translate, c: Conversation, agents: PublicUser[], teams: Team[]): SafeHtml {
  return html`<details class="snooze transfer" id="transfer-${c.id}">
    <summary class="small button" title="${t('transfer.open')}">${icon('user')} ${currentHolder(t, c, agents, teams)}</summary>
    <form class="stack transfer-form" hx-post="/inbox/c/${c.id}/assign" hx-target="#transfer-${c.id}" hx-swap="outerHTML">
      <label>${t('transfer.target')}
        <select name="target">
          <option value="">${t('inbox.assign.nobody')}</option>
          ${agents.map((a) => html`<option value="user:${a.id}" ${a.id === c.assigneeId ? html`selected` : ''}>${a.name}</option>`)}
          ${teams.map((tm) => html`<option value="team:${tm.id}" ${!c.assigneeId && tm.id === c.teamId ? html`selected` : ''}>${tm.name}</option>`)}
        </select></label>
      <label>${t('transfer.note')}<textarea name="note" rows="3" maxlength="500" placeholder="${t('transfer.note_hint')}"></textarea></label>
      <div class="composer-error transfer-error" id="transfer-error-${c.id}" role="alert"></div>
      <button type="submit" class="small primary">${t('transfer.confirm')}</button>
    </form>
  </details>`;
}
