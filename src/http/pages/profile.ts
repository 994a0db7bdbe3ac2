/**
 * `/profile` (the signed-in user's own settings): profile (name, language, avatar colour),
 * notification settings, manual availability (also posted by the top-bar status menu, which
 * sends `back` to return to the page it was used on) and password change (other sessions are
 * signed out). Classic form posts, CSRF-checked globally; failures re-render with inline errors.
 */
import { Elysia, t as schema } from 'elysia';
import { setAvailability } from '../../core/availability';
import { changePassword, notificationSettingsOf, updateNotificationSettings, updateProfile } from '../../core/profile';
import { getUserOrThrow, toPublicUser } from '../../core/users';
import { translator, pickLocale } from '../../../views/i18n';
import { profilePage, type ProfileState } from '../../../views/settings/profile-page';
import type { PageContext } from '../../../views/context';
import { formFailure } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireUser } from '../request-context';
import { htmlResponse, redirect } from '../respond';

const OK_KEYS: Record<string, string> = { profile: 'profile.saved', notifications: 'profile.saved', availability: 'profile.saved', password: 'profile.password.changed' };

/** Profile routes. */
export function profilePages(deps: HttpDeps) {
  const { core } = deps;
  const render = (page: PageContext, userId: string, state: ProfileState, status = 200) => {
    const user = toPublicUser(getUserOrThrow(core, userId));
    const locale = pickLocale(user.locale, null);
    const ctx = { ...page, user, locale, t: translator(locale) };
    return htmlResponse(profilePage(ctx, user, notificationSettingsOf(user), core.clock.now(), state), status);
  };
  const fail = (page: PageContext, userId: string, form: 'profile' | 'password' | 'notifications', error: unknown) => {
    const failure = formFailure(error, page.t);
    if (!failure) throw error;
    return render(page, userId, { failed: { form, errors: failure.errors, message: failure.message } }, failure.status);
  };
  return new Elysia({ name: 'profile-pages' })
    .use(requestContext(deps))
    .get('/profile', ({ auth, page, query }) => {
      const user = requireUser(auth);
      return render(page, user.id, { ok: query.ok && OK_KEYS[query.ok] ? translator(pickLocale(getUserOrThrow(core, user.id).locale, null))(OK_KEYS[query.ok]!) : null });
    }, { query: schema.Object({ ok: schema.Optional(schema.String({ maxLength: 20 })) }) })
    .post('/profile', ({ auth, ip, page, body }) => {
      const user = requireUser(auth);
      try {
        updateProfile(core, user.id, { name: body.name, locale: body.locale as never, avatarColor: body.avatarColor || null }, actorOf(auth, ip));
        return redirect('/profile?ok=profile');
      } catch (error) { return fail(page, user.id, 'profile', error); }
    }, { body: schema.Object({ name: schema.String({ maxLength: 200 }), locale: schema.String({ maxLength: 10 }), avatarColor: schema.Optional(schema.String({ maxLength: 10 })), _csrf: schema.Optional(schema.String()) }) })
    .post('/profile/notifications', ({ auth, page, body }) => {
      const user = requireUser(auth);
      const mute = body.muteUntil ? new Date(body.muteUntil).getTime() : NaN;
      try {
        updateNotificationSettings(core, user.id, { sound: body.sound === 'true', browser: body.browser === 'true', muteUntil: Number.isFinite(mute) && mute > core.clock.now() ? mute : null });
        return redirect('/profile?ok=notifications');
      } catch (error) { return fail(page, user.id, 'notifications', error); }
    }, { body: schema.Object({ sound: schema.Optional(schema.String()), browser: schema.Optional(schema.String()), muteUntil: schema.Optional(schema.String({ maxLength: 40 })), _csrf: schema.Optional(schema.String()) }) })
    .post('/profile/availability', ({ auth, body, isHtmx }) => {
      const user = requireUser(auth);
      setAvailability(core, user.id, body.availability === 'auto' ? null : body.availability, { manual: true });
      const back = body.back && /^\/[\w\-/]*$/.test(body.back) && !body.back.startsWith('//') ? body.back : '/profile?ok=availability';
      return redirect(back, isHtmx);
    }, { body: schema.Object({
      availability: schema.Union([schema.Literal('auto'), schema.Literal('online'), schema.Literal('away'), schema.Literal('offline')]),
      back: schema.Optional(schema.String({ maxLength: 200 })), _csrf: schema.Optional(schema.String()),
    }) })
    .post('/profile/password', async ({ auth, ip, page, body }) => {
      const user = requireUser(auth);
      try {
        await changePassword(core, user.id, { current: body.current, next: body.next }, auth.session?.id ?? null, actorOf(auth, ip));
        return redirect('/profile?ok=password');
      } catch (error) { return fail(page, user.id, 'password', error); }
    }, { body: schema.Object({ current: schema.String({ maxLength: 200 }), next: schema.String({ maxLength: 400 }), _csrf: schema.Optional(schema.String()) }) });
}
