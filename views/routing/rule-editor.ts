/**
 * The routing-rule form: condition rows (type + the inputs that type needs) and action rows,
 * driven by Alpine (static/rule-editor.js). The JSON textareas are the submitted fields; the rows
 * write them, and "Advanced (JSON)" shows them for direct editing — without JavaScript they are
 * the whole editor. Server-side errors (zod paths like `conditions.1.pattern`) show on their row.
 */
import { PRIORITIES } from '../../src/db/schema/enums';
import { html, jsonForHtml, unsafeRaw } from '../../src/lib/html';
import { csrfField } from '../components/form';
import type { PageContext } from '../context';

export interface RuleForm {
  id?: string;
  name?: string;
  conditions?: string;
  actions?: string;
  enabled?: boolean;
  onEveryMessage?: boolean;
  stopOnMatch?: boolean;
}

/** What the selects offer: [id, name] pairs. */
export interface RuleChoices {
  teams: Array<[string, string]>;
  agents: Array<[string, string]>;
  labels: Array<[string, string]>;
  channels: Array<[string, string]>;
  intents: Array<[string, string]>;
}

const CONDITION_TYPES = ['keywords', 'regex', 'language', 'channel', 'contact_attribute', 'label', 'customer', 'business_hours', 'intent'];
const ACTION_TYPES = ['assign_team', 'assign_agent', 'add_label', 'set_priority', 'auto_reply', 'spam'];

/** `<option>`s for an x-model select bound to a row field. */
function options(pairs: Array<[string, string]>) {
  return html`${pairs.map(([v, l]) => html`<option value="${v}">${l}</option>`)}`;
}

/** The rule form (create or edit). */
export function ruleEditor(ctx: PageContext, form: RuleForm, choices: RuleChoices, errors: Record<string, string> = {}) {
  const t = ctx.t;
  const config = {
    conditions: form.conditions ?? '[{"type":"keywords","any":[]}]', actions: form.actions ?? '[{"type":"set_priority","priority":"high"}]', errors,
    messages: { invalidJson: t('routing.rules.invalid_json') },
    first: { teams: choices.teams[0]?.[0] ?? '', agents: choices.agents[0]?.[0] ?? '', labels: choices.labels[0]?.[0] ?? '', intents: choices.intents[0]?.[0] ?? '' },
  };
  const sel = (model: string, pairs: Array<[string, string]>, label: string) =>
    html`<select x-model="${model}" aria-label="${t(label)}">${options(pairs)}</select>`;
  const typeLabel = (kind: string) => (type: string): [string, string] => [type, t(`routing.editor.${kind}.${type}`)];
  return html`<form method="post" action="${form.id ? `/admin/routing/${form.id}` : '/admin/routing'}" class="stack" id="rule-form" x-data="ruleEditor">${csrfField(ctx.csrfToken)}
    <script type="application/json" class="rule-editor-config">${unsafeRaw(jsonForHtml(config))}</script>
    <label>${t('routing.rules.name')} <input name="name" value="${form.name ?? ''}" required maxlength="120"></label>${errors.name ? html`<small class="error">${errors.name}</small>` : ''}
    <fieldset class="rule-rows" x-cloak x-show="ready"><legend>${t('routing.editor.conditions')}</legend>
      <template x-for="(c, i) in conditions" :key="i"><div class="rule-row" :data-condition="c.type">
        <select x-model="c.type" @change="resetCondition(c)" aria-label="${t('routing.editor.condition_type')}">${options(CONDITION_TYPES.map(typeLabel('condition')))}</select>
        <template x-if="c.type === 'keywords'"><input x-model="c.anyText" placeholder="${t('routing.editor.keywords_hint')}" aria-label="${t('routing.editor.condition.keywords')}"></template>
        <template x-if="c.type === 'regex'"><input x-model="c.pattern" placeholder="factura|invoice" aria-label="${t('routing.editor.condition.regex')}"></template>
        <template x-if="c.type === 'language'">${sel('c.is', [['es', 'Español'], ['pt', 'Português'], ['en', 'English']], 'routing.editor.condition.language')}</template>
        <template x-if="c.type === 'channel'"><select multiple x-model="c.ids" aria-label="${t('routing.editor.condition.channel')}">${options(choices.channels)}</select></template>
        <template x-if="c.type === 'contact_attribute'"><span class="rule-pair"><input x-model="c.key" placeholder="${t('routing.editor.attribute_key')}" aria-label="${t('routing.editor.attribute_key')}"> =
          <input x-model="c.equals" placeholder="${t('routing.editor.attribute_value')}" aria-label="${t('routing.editor.attribute_value')}"></span></template>
        <template x-if="c.type === 'label'">${sel('c.labelId', choices.labels, 'routing.editor.condition.label')}</template>
        <template x-if="c.type === 'customer'">${sel('c.is', [['first_time', t('routing.editor.first_time')], ['returning', t('routing.editor.returning')]], 'routing.editor.condition.customer')}</template>
        <template x-if="c.type === 'business_hours'"><span class="rule-pair">${sel('c.is', [['in', t('routing.editor.hours_in')], ['out', t('routing.editor.hours_out')]], 'routing.editor.condition.business_hours')}
          ${sel('c.teamId', [['', t('routing.hours.company')], ...choices.teams], 'routing.sla.team')}</span></template>
        <template x-if="c.type === 'intent'"><span class="rule-pair">${sel('c.intent', choices.intents, 'routing.editor.condition.intent')}
          <label class="inline">${t('routing.editor.min_confidence')} <input type="number" min="0" max="100" step="5" x-model.number="c.percent" class="narrow">%</label></span></template>
        <button type="button" class="small link" @click="conditions.splice(i, 1)">${t('routing.hours.remove')}</button>
        <small class="error" x-show="errorAt('conditions', i)" x-text="errorAt('conditions', i)"></small>
      </div></template>
      <button type="button" class="small" @click="conditions.push(blankCondition())">${t('routing.editor.add_condition')}</button>
      <small class="error" x-show="errorAt('conditions')" x-text="errorAt('conditions')"></small>
    </fieldset>
    <fieldset class="rule-rows" x-cloak x-show="ready"><legend>${t('routing.editor.actions')}</legend>
      <template x-for="(a, i) in actions" :key="i"><div class="rule-row" :data-action="a.type">
        <select x-model="a.type" @change="resetAction(a)" aria-label="${t('routing.editor.action_type')}">${options(ACTION_TYPES.map(typeLabel('action')))}</select>
        <template x-if="a.type === 'assign_team'">${sel('a.teamId', choices.teams, 'routing.editor.action.assign_team')}</template>
        <template x-if="a.type === 'assign_agent'">${sel('a.userId', choices.agents, 'routing.editor.action.assign_agent')}</template>
        <template x-if="a.type === 'add_label'">${sel('a.labelId', choices.labels, 'routing.editor.action.add_label')}</template>
        <template x-if="a.type === 'set_priority'">${sel('a.priority', PRIORITIES.map((p): [string, string] => [p, t(`routing.editor.priority.${p}`)]), 'routing.editor.action.set_priority')}</template>
        <template x-if="a.type === 'auto_reply'"><textarea x-model="a.text" rows="2" maxlength="1000" aria-label="${t('routing.editor.action.auto_reply')}"></textarea></template>
        <button type="button" class="small link" @click="actions.splice(i, 1)">${t('routing.hours.remove')}</button>
        <small class="error" x-show="errorAt('actions', i)" x-text="errorAt('actions', i)"></small>
      </div></template>
      <button type="button" class="small" @click="actions.push(blankAction())">${t('routing.editor.add_action')}</button>
      <small class="error" x-show="errorAt('actions')" x-text="errorAt('actions')"></small>
    </fieldset>
    <details class="advanced" open x-init="$el.open = !!jsonError"><summary>${t('routing.editor.advanced')}</summary>
      <label>${t('routing.rules.conditions')} <textarea name="conditions" rows="4" required :value="conditionsJson" @change="loadJson('conditions', $event.target.value)">${config.conditions}</textarea></label>
      <label>${t('routing.rules.actions')} <textarea name="actions" rows="3" required :value="actionsJson" @change="loadJson('actions', $event.target.value)">${config.actions}</textarea></label>
      <small class="error" x-show="jsonError" x-text="jsonError"></small>
      <small class="hint">${t('routing.rules.help')}</small></details>
    <label><input type="checkbox" name="enabled" value="true" ${form.enabled !== false ? html`checked` : ''}> ${t('routing.rules.enabled')}</label>
    <label><input type="checkbox" name="onEveryMessage" value="true" ${form.onEveryMessage ? html`checked` : ''}> ${t('routing.rules.every_message')}</label>
    <label><input type="checkbox" name="stopOnMatch" value="true" ${form.stopOnMatch !== false ? html`checked` : ''}> ${t('routing.rules.stop')}</label>
    <button type="submit">${t('routing.rules.save')}</button></form>`;
}
