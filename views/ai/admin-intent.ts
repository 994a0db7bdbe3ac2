/** /admin/ai/intents/:id — an intent's examples (add/remove) and settings (team, labels, priority). */
import { html, type SafeHtml } from '../../src/lib/html';
import { intentName, type Intent, type IntentExampleRow } from '../../src/ai/intent-store';
import type { Team } from '../../src/core/types';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { adminNav } from '../admin-nav';

/** The intent page. */
export function intentPage(ctx: PageContext, intent: Intent, examples: IntentExampleRow[], teams: Team[], flash: { kind: 'success' | 'error'; text: string } | null = null): SafeHtml {
  return layout(ctx, intentName(intent, ctx.locale), html`${adminNav(ctx)}
  <p><a href="/admin/ai">← ${ctx.t('ai.title')}</a></p>
  <h1>${intentName(intent, ctx.locale)} <code>${intent.id}</code></h1>
  ${flash ? notice(flash.kind, flash.text) : ''}
  <section class="card">
    <h2>${ctx.t('ai.settings')}</h2>
    <form method="post" action="/admin/ai/intents/${intent.id}" class="stack">${csrfField(ctx.csrfToken)}
      <label for="f-team">${ctx.t('ai.target_team')}</label>
      <select id="f-team" name="targetTeamId"><option value="">—</option>${teams.map((t) => html`<option value="${t.id}" ${t.id === intent.targetTeamId ? html`selected` : ''}>${t.name}</option>`)}</select>
      <label for="f-labels">${ctx.t('ai.labels')}</label>
      <input id="f-labels" name="labels" value="${intent.labels.join(', ')}"><small class="hint">${ctx.t('ai.labels_hint')}</small>
      <label for="f-priority">${ctx.t('ai.priority')}</label>
      <input id="f-priority" name="priority" type="number" min="0" max="100" value="${intent.priority}">
      <label><input type="checkbox" name="enabled" value="true" ${intent.enabled ? html`checked` : ''}> ${ctx.t('ai.enabled')}</label>
      <button type="submit" class="primary">${ctx.t('ai.save')}</button>
    </form>
  </section>
  <section class="card">
    <h2>${ctx.t('ai.examples')} (${examples.length})</h2>
    <form method="post" action="/admin/ai/intents/${intent.id}/examples" class="inline">${csrfField(ctx.csrfToken)}
      <input name="text" required maxlength="500" aria-label="${ctx.t('ai.add_example')}" placeholder="${ctx.t('ai.add_example')}">
      <button type="submit" class="small primary">${ctx.t('ai.add')}</button>
    </form>
    <ul class="ai-examples">${examples.map((e) => html`<li data-example="${e.id}"><span>${e.text}</span> <small class="muted">${ctx.t(`ai.source.${e.source}`)}</small>
      <form method="post" action="/admin/ai/examples/${e.id}/delete" class="inline">${csrfField(ctx.csrfToken)}<button type="submit" class="small danger" aria-label="${ctx.t('ai.remove')}">×</button></form></li>`)}</ul>
  </section>`, { head: html`<link rel="stylesheet" href="/static/ai.css">` });
}
