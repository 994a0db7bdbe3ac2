/** User administration: list, create, change role, deactivate. */
import { html } from '../src/lib/html';
import type { PublicUser } from '../src/core/types';
import { ROLES } from '../src/db/schema/enums';
import { csrfField, field, notice, select } from './components/form';
import type { PageContext } from './context';
import type { FormState } from './auth';
import { SUPPORTED_LOCALES } from './i18n';
import { layout } from './layout';
import { adminNav } from './admin-nav';

/** The users page. */
export function usersPage(ctx: PageContext, users: PublicUser[], state: FormState & { success?: string | null } = {}) {
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const roles = ROLES.map((r) => [r, ctx.t(`role.${r}`)] as [string, string]);
  return layout(ctx, ctx.t('users.title'), html`${adminNav(ctx)}
  <section class="card">
    <h1>${ctx.t('users.title')}</h1>
    ${notice('success', state.success)}
    <div class="table-wrap"><table class="table stack" id="users-table">
      <thead><tr><th>${ctx.t('field.name')}</th><th>${ctx.t('field.email')}</th><th>${ctx.t('field.role')}</th><th>${ctx.t('users.status')}</th><th><span class="sr-only">${ctx.t('settings.actions')}</span></th></tr></thead>
      <tbody>${users.map((u) => html`<tr data-user="${u.email}">
        <td>${u.name}</td><td>${u.email}</td>
        <td><form method="post" action="/admin/users/${u.id}" class="inline">${csrfField(ctx.csrfToken)}
          <select name="role" aria-label="${ctx.t('field.role')}">${roles.map(([r, label]) => html`<option value="${r}" ${r === u.role ? html`selected` : ''}>${label}</option>`)}</select>
          <button type="submit" class="small">${ctx.t('users.save')}</button></form></td>
        <td>${u.active ? ctx.t('users.active') : ctx.t('users.inactive')}</td>
        <td><form method="post" action="/admin/users/${u.id}" class="inline">${csrfField(ctx.csrfToken)}
          <input type="hidden" name="active" value="${u.active ? 'false' : 'true'}">
          <button type="submit" class="small ${u.active ? 'danger' : ''}">${u.active ? ctx.t('users.deactivate') : ctx.t('users.activate')}</button></form></td>
      </tr>`)}</tbody>
    </table></div>
  </section>
  <section class="card">
    <h2>${ctx.t('users.add')}</h2>
    ${notice('error', state.message)}
    <form method="post" action="/admin/users" class="stack grid-2">
      ${csrfField(ctx.csrfToken)}
      <div>${field({ name: 'name', label: ctx.t('field.name'), value: v.name, error: e.name, required: true })}</div>
      <div>${field({ name: 'email', label: ctx.t('field.email'), type: 'email', value: v.email, error: e.email, required: true })}</div>
      <div>${field({ name: 'password', label: ctx.t('field.password'), type: 'password', error: e.password, hint: ctx.t('field.password_hint'), required: true, autocomplete: 'new-password' })}</div>
      <div>${select('role', ctx.t('field.role'), roles, v.role ?? 'agent')}</div>
      <div>${select('locale', ctx.t('field.language'), SUPPORTED_LOCALES.map((l) => [l, ctx.t(`lang.${l}`)]), v.locale ?? ctx.locale)}</div>
      <div><button type="submit" class="primary">${ctx.t('users.add')}</button></div>
    </form>
  </section>`);
}
