/**
 * `/profile`: name, avatar colour and language; notification settings (sound, browser
 * notifications, mute until); availability (automatic/online/away/offline); password change.
 * Links to the user's canned responses (and labels for supervisors/admins).
 */
import type { NotificationSettings } from '../../src/core/profile';
import type { PublicUser } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import { csrfField, field, notice } from '../components/form';
import type { PageContext } from '../context';
import { SUPPORTED_LOCALES } from '../i18n';
import { layout } from '../layout';
import { settingsNav } from './settings-nav';

export interface ProfileState {
  ok?: string | null;
  /** Which form failed, with its message per field (or `message` for the form). */
  failed?: { form: 'profile' | 'password' | 'notifications'; errors: Record<string, string>; message: string | null } | null;
}

const AVATAR_COLORS = ['#0f766e', '#2563eb', '#7c3aed', '#db2777', '#dc2626', '#ea580c', '#ca8a04', '#16a34a', '#475569'];

function errorsOf(state: ProfileState, form: string): Record<string, string> {
  return state.failed?.form === form ? state.failed.errors : {};
}

/** Local datetime-local value of a timestamp. */
function localInput(at: number | null): string {
  if (!at) return '';
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The profile page. */
export function profilePage(ctx: PageContext, user: PublicUser, notify: NotificationSettings, now: number, state: ProfileState = {}): SafeHtml {
  const t = ctx.t;
  const pe = errorsOf(state, 'profile');
  const pw = errorsOf(state, 'password');
  const muted = notify.muteUntil !== null && notify.muteUntil > now;
  const choice = user.availabilityManual ?? 'auto';
  return layout(ctx, t('profile.title'), html`${settingsNav(ctx)}
  ${notice('success', state.ok)}
  <section class="card" id="profile-card"><h1>${t('profile.title')}</h1>
    ${state.failed?.form === 'profile' ? notice('error', state.failed.message) : ''}
    <form method="post" action="/profile" class="stack">${csrfField(ctx.csrfToken)}
      ${field({ name: 'name', label: t('field.name'), value: user.name, error: pe.name, required: true, autocomplete: 'name' })}
      <label for="f-locale">${t('profile.language')}</label>
      <select id="f-locale" name="locale">${SUPPORTED_LOCALES.map((l) => html`<option value="${l}" ${l === (user.locale ?? ctx.locale) ? html`selected` : ''}>${t(`profile.locale.${l}`)}</option>`)}</select>
      <fieldset class="swatches"><legend>${t('profile.avatar_color')}</legend>
        <label><input type="radio" name="avatarColor" value="" ${user.avatarColor ? '' : html`checked`}> ${t('profile.avatar_auto')}</label>
        ${AVATAR_COLORS.map((c) => html`<label class="swatch" style="--swatch:${c}"><input type="radio" name="avatarColor" value="${c}" ${user.avatarColor === c ? html`checked` : ''} aria-label="${c}"></label>`)}
      </fieldset>
      ${pe.avatarColor ? html`<small class="error">${pe.avatarColor}</small>` : ''}
      <button type="submit" class="primary">${t('profile.save')}</button>
    </form></section>
  <section class="card" id="availability-card"><h2>${t('profile.availability')}</h2>
    <p class="muted">${t('profile.availability_hint')}</p>
    <form method="post" action="/profile/availability" class="inline availability-choices">${csrfField(ctx.csrfToken)}
      ${['auto', 'online', 'away', 'offline'].map((v) => html`<button type="submit" name="availability" value="${v}" class="small ${choice === v ? 'active' : ''}" aria-pressed="${choice === v ? 'true' : 'false'}"><span class="presence ${v}"></span> ${t(`profile.availability.${v}`)}</button>`)}
    </form></section>
  <section class="card" id="notifications-card"><h2>${t('profile.notifications')}</h2>
    <form method="post" action="/profile/notifications" class="stack">${csrfField(ctx.csrfToken)}
      <label><input type="checkbox" name="sound" value="true" ${notify.sound ? html`checked` : ''}> ${t('profile.notify.sound')}</label>
      <label><input type="checkbox" name="browser" value="true" ${notify.browser ? html`checked` : ''}> ${t('profile.notify.browser')}</label>
      <label for="f-muteUntil">${t('profile.notify.mute_until')}</label>
      <input id="f-muteUntil" type="datetime-local" name="muteUntil" value="${muted ? localInput(notify.muteUntil) : ''}">
      ${muted ? html`<small class="hint">${t('profile.notify.muted')}</small>` : ''}
      <button type="submit">${t('profile.save')}</button>
    </form></section>
  <section class="card narrow" id="password-card"><h2>${t('profile.password')}</h2>
    ${state.failed?.form === 'password' ? notice('error', state.failed.message) : ''}
    <form method="post" action="/profile/password" class="stack">${csrfField(ctx.csrfToken)}
      ${field({ name: 'current', label: t('profile.password.current'), type: 'password', error: pw.current, required: true, autocomplete: 'current-password' })}
      ${field({ name: 'next', label: t('profile.password.new'), type: 'password', error: pw.next, required: true, autocomplete: 'new-password', hint: t('profile.password.hint') })}
      <button type="submit" class="primary">${t('profile.password.change')}</button>
    </form></section>`, { head: html`<link rel="stylesheet" href="/static/inbox-tools.css">` });
}
