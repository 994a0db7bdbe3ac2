/** Admin: ordered routing rules (create, edit, reorder, enable/disable, delete) and a test box. */
import type { RoutingRule } from '../../src/core/routing/rules';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { routingTabs } from './tabs';

export interface RuleForm {
  id?: string;
  name?: string;
  conditions?: string;
  actions?: string;
  enabled?: boolean;
  onEveryMessage?: boolean;
  stopOnMatch?: boolean;
}

function ruleForm(ctx: PageContext, form: RuleForm) {
  const t = ctx.t;
  return html`<form method="post" action="${form.id ? `/admin/routing/${form.id}` : '/admin/routing'}" class="stack" id="rule-form">${csrfField(ctx.csrfToken)}
    <label>${t('routing.rules.name')} <input name="name" value="${form.name ?? ''}" required maxlength="120"></label>
    <label>${t('routing.rules.conditions')} <textarea name="conditions" rows="4" required>${form.conditions ?? '[{"type":"keywords","any":["factura"]}]'}</textarea></label>
    <label>${t('routing.rules.actions')} <textarea name="actions" rows="3" required>${form.actions ?? '[{"type":"set_priority","priority":"high"}]'}</textarea></label>
    <label><input type="checkbox" name="enabled" value="true" ${form.enabled !== false ? html`checked` : ''}> ${t('routing.rules.enabled')}</label>
    <label><input type="checkbox" name="onEveryMessage" value="true" ${form.onEveryMessage ? html`checked` : ''}> ${t('routing.rules.every_message')}</label>
    <label><input type="checkbox" name="stopOnMatch" value="true" ${form.stopOnMatch !== false ? html`checked` : ''}> ${t('routing.rules.stop')}</label>
    <small class="hint">${t('routing.rules.help')}</small>
    <button type="submit">${t('routing.rules.save')}</button></form>`;
}

/** The /admin/routing page; `testResult` is the sentence from the last test. */
export function rulesPage(ctx: PageContext, rules: RoutingRule[], state: { form?: RuleForm; error?: string | null; testResult?: string | null; testText?: string } = {}) {
  const t = ctx.t;
  const post = (rule: RoutingRule, action: string, label: string, extra = '') => html`<form method="post" action="/admin/routing/${rule.id}/${action}" class="inline">${csrfField(ctx.csrfToken)}<button class="small ${extra}">${label}</button></form>`;
  return layout(ctx, t('routing.rules.title'), html`${adminNav(ctx)}${routingTabs(ctx)}
  <section class="card"><h1>${t('routing.rules.title')}</h1>
    <ol id="rules">${rules.map((r) => html`<li data-rule="${r.name}">
      <strong>${r.name}</strong> ${r.enabled ? '' : html`<em>(${t('routing.rules.off')})</em>`}
      <code>${JSON.stringify(r.conditions)}</code> → <code>${JSON.stringify(r.actions)}</code>
      <a href="/admin/routing?edit=${r.id}" class="small">✎</a>
      ${post(r, 'up', t('routing.rules.up'))}${post(r, 'down', t('routing.rules.down'))}
      ${post(r, 'toggle', r.enabled ? t('routing.rules.disable') : t('routing.rules.enable'))}${post(r, 'delete', t('routing.rules.delete'), 'danger')}
    </li>`)}</ol>
  </section>
  <section class="card"><h2>${state.form?.id ? state.form.name : t('routing.rules.new')}</h2>${notice('error', state.error)}${ruleForm(ctx, state.form ?? {})}</section>
  <section class="card"><h2>${t('routing.rules.test_title')}</h2>
    <form method="post" action="/admin/routing/test" class="stack">${csrfField(ctx.csrfToken)}
      <label>${t('routing.rules.test_text')} <textarea name="text" rows="2" required maxlength="4096">${state.testText ?? ''}</textarea></label>
      <label><input type="checkbox" name="returning" value="true"> ${t('routing.rules.test_returning')}</label>
      <button type="submit">${t('routing.rules.test_submit')}</button></form>
    ${state.testResult ? html`<p class="notice info" id="test-result">${state.testResult}</p>` : ''}
  </section>`);
}
