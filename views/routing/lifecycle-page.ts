/**
 * Admin: lifecycle settings — reopen window, auto-resolve after N hours (+ closing message),
 * offline timeout, unattended alert threshold, the skip after someone gives a conversation back,
 * the company-wide out-of-office reply per customer language, and whether deleted messages keep
 * their content for admins.
 */
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { fieldError, routingTabs } from './tabs';

/** Form values by setting key (`hours.outOfOfficeMessages.<locale>` for the per-language texts). */
export type LifecycleForm = Record<string, string>;
export const OOO_LOCALES = ['es', 'pt-BR', 'en'] as const;

/** The /admin/routing/lifecycle page. */
export function lifecyclePage(ctx: PageContext, form: LifecycleForm, state: { errors?: Record<string, string>; saved?: boolean } = {}) {
  const t = ctx.t;
  const errors = state.errors ?? {};
  const number = (key: string, label: string, hint: string, step = '1') => html`<label>${t(label)}
    <input type="number" name="${key}" min="0" step="${step}" value="${form[key] ?? ''}" required ${errors[key] ? html`aria-invalid="true"` : ''}></label>
    <small class="hint">${t(hint)}</small>${fieldError(errors[key])}`;
  const text = (key: string, label: string) => html`<label>${t(label)}
    <textarea name="${key}" rows="2" maxlength="1000">${form[key] ?? ''}</textarea></label>${fieldError(errors[key])}`;
  return layout(ctx, t('routing.lifecycle.title'), html`${adminNav(ctx)}${routingTabs(ctx)}
  <section class="card"><h1>${t('routing.lifecycle.title')}</h1>
    ${notice('success', state.saved ? t('routing.teams.saved') : null)}
    ${notice('error', Object.keys(errors).length ? t('routing.form.fix_errors') : null)}
    <form method="post" action="/admin/routing/lifecycle" class="stack" id="lifecycle-form">${csrfField(ctx.csrfToken)}
      ${number('lifecycle.reopenWindowMinutes', 'routing.lifecycle.reopen', 'routing.lifecycle.reopen_hint')}
      ${number('lifecycle.autoResolveHours', 'routing.lifecycle.auto_resolve', 'routing.lifecycle.auto_resolve_hint', 'any')}
      ${text('lifecycle.autoResolveMessage', 'routing.lifecycle.closing')}
      ${number('routing.offlineTimeoutMinutes', 'routing.lifecycle.offline', 'routing.lifecycle.offline_hint')}
      ${number('alerts.unattendedMinutes', 'routing.lifecycle.unattended', 'routing.lifecycle.unattended_hint')}
      ${number('routing.releaseCooldownMinutes', 'routing.lifecycle.release', 'routing.lifecycle.release_hint')}
      <fieldset><legend>${t('routing.lifecycle.ooo')}</legend><small class="hint">${t('routing.lifecycle.ooo_hint')}</small>
        ${number('hours.outOfOfficeEveryHours', 'routing.lifecycle.ooo_every', 'routing.lifecycle.ooo_every_hint', 'any')}
        ${OOO_LOCALES.map((l) => text(`hours.outOfOfficeMessages.${l}`, `routing.lifecycle.ooo_${l}`))}</fieldset>
      <label>${t('routing.lifecycle.keep_deleted')}
        <select name="messages.keepDeletedContent">${['true', 'false'].map((v) => html`<option value="${v}" ${form['messages.keepDeletedContent'] === v ? html`selected` : ''}>${t(`routing.lifecycle.keep_deleted_${v}`)}</option>`)}</select></label>
      <small class="hint">${t('routing.lifecycle.keep_deleted_hint')}</small>
      <button type="submit">${t('routing.teams.save')}</button></form></section>`, { head: html`<link rel="stylesheet" href="/static/routing.css">` });
}
