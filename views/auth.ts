/** First-run setup and sign-in pages. */
import { html } from '../src/lib/html';
import { csrfField, field, notice, select } from './components/form';
import type { PageContext } from './context';
import { SUPPORTED_LOCALES } from './i18n';
import { layout } from './layout';

export interface FormState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string | null;
}

/** The setup page shown until the first admin exists. */
export function setupPage(ctx: PageContext, state: FormState = {}) {
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return layout(ctx, ctx.t('setup.title'), html`<section class="card narrow">
    <h1>${ctx.t('setup.title')}</h1>
    <p>${ctx.t('setup.intro')}</p>
    ${notice('error', state.message)}
    <form method="post" action="/setup" class="stack">
      ${csrfField(ctx.csrfToken)}
      ${field({ name: 'name', label: ctx.t('field.name'), value: v.name, error: e.name, required: true, autocomplete: 'name' })}
      ${field({ name: 'email', label: ctx.t('field.email'), type: 'email', value: v.email, error: e.email, required: true, autocomplete: 'email' })}
      ${field({ name: 'password', label: ctx.t('field.password'), type: 'password', error: e.password, hint: ctx.t('field.password_hint'), required: true, autocomplete: 'new-password' })}
      ${select('locale', ctx.t('field.language'), SUPPORTED_LOCALES.map((l) => [l, ctx.t(`lang.${l}`)]), v.locale ?? ctx.locale)}
      <label><input type="checkbox" name="simulator" value="on" ${!state.values || v.simulator === 'on' ? html`checked` : ''}> ${ctx.t('setup.try_simulator')}</label>
      <small class="hint">${ctx.t('setup.try_simulator_hint')}</small>
      <button type="submit" class="primary">${ctx.t('setup.submit')}</button>
    </form>
  </section>`, { bodyClass: 'centered' });
}

/** The sign-in page; `next` is where to go after signing in. */
export function loginPage(ctx: PageContext, state: FormState & { next?: string } = {}) {
  const v = state.values ?? {};
  return layout(ctx, ctx.t('login.title'), html`<section class="card narrow">
    <h1>${ctx.t('login.title')}</h1>
    ${notice('error', state.message)}
    <form method="post" action="/login" class="stack">
      ${csrfField(ctx.csrfToken)}
      <input type="hidden" name="next" value="${state.next ?? ''}">
      ${field({ name: 'email', label: ctx.t('field.email'), type: 'email', value: v.email, required: true, autocomplete: 'username' })}
      ${field({ name: 'password', label: ctx.t('field.password'), type: 'password', required: true, autocomplete: 'current-password' })}
      <button type="submit" class="primary">${ctx.t('login.submit')}</button>
    </form>
  </section>`, { bodyClass: 'centered' });
}
