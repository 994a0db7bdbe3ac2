/** Admin: ordered routing rules (create, edit, reorder, enable/disable, delete) and a test box. */
import type { RoutingRule } from '../../src/core/routing/rules';
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import { ruleEditor, type RuleChoices, type RuleForm } from './rule-editor';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { routingTabs } from './tabs';
import { icon } from '../icons';
import { ruleItemsText } from './rule-summary';

/** The /admin/routing page; `testResult` is the sentence from the last test. */
export function rulesPage(ctx: PageContext, rules: RoutingRule[], choices: RuleChoices, state: { form?: RuleForm; error?: string | null; errors?: Record<string, string>; testResult?: string | null; testText?: string } = {}) {
  const t = ctx.t;
  const summary = (list: Array<Record<string, unknown>>, kind: 'condition' | 'action') => ruleItemsText(t, kind, list, choices);
  const post = (rule: RoutingRule, action: string, label: string, extra = '') => html`<form method="post" action="/admin/routing/${rule.id}/${action}" class="inline">${csrfField(ctx.csrfToken)}<button class="small ${extra}">${label}</button></form>`;
  return layout(ctx, t('routing.rules.title'), html`${adminNav(ctx)}${routingTabs(ctx)}
  <section class="card"><h1>${t('routing.rules.title')}</h1>
    <ol id="rules">${rules.map((r) => html`<li data-rule="${r.name}">
      <strong>${r.name}</strong> ${r.enabled ? '' : html`<em>(${t('routing.rules.off')})</em>`}
      <span class="rule-summary">${summary(r.conditions, 'condition')} → ${summary(r.actions, 'action')}</span>
      <a href="/admin/routing?edit=${r.id}" class="small">${icon('pencil', { label: t('routing.rules.edit') })}</a>
      ${post(r, 'up', t('routing.rules.up'))}${post(r, 'down', t('routing.rules.down'))}
      ${post(r, 'toggle', r.enabled ? t('routing.rules.disable') : t('routing.rules.enable'))}${post(r, 'delete', t('routing.rules.delete'), 'danger')}
    </li>`)}</ol>
  </section>
  <section class="card"><h2>${state.form?.id ? state.form.name : t('routing.rules.new')}</h2>${notice('error', state.error)}${ruleEditor(ctx, state.form ?? {}, choices, state.errors)}</section>
  <section class="card"><h2>${t('routing.rules.test_title')}</h2>
    <form method="post" action="/admin/routing/test" class="stack">${csrfField(ctx.csrfToken)}
      <label>${t('routing.rules.test_text')} <textarea name="text" rows="2" required maxlength="4096">${state.testText ?? ''}</textarea></label>
      <label><input type="checkbox" name="returning" value="true"> ${t('routing.rules.test_returning')}</label>
      <button type="submit">${t('routing.rules.test_submit')}</button></form>
    ${state.testResult ? html`<p class="notice info" id="test-result">${state.testResult}</p>` : ''}
  </section>`, { head: html`<link rel="stylesheet" href="/static/routing.css"><script src="/static/rule-editor.js"></script>` });
}
