/**
 * Admin screens for business hours (/admin/routing/hours), SLA policies (/admin/routing/sla) and
 * lifecycle settings (/admin/routing/lifecycle). Routes turn form fields into the core inputs;
 * core validates with zod and audits; validation errors come back inline (422).
 */
import { Elysia } from 'elysia';
import { ZodError } from 'zod';
import { ownHours, saveBusinessHours } from '../../core/routing/hours-store';
import { readLifecycleSettings, saveLifecycleSettings } from '../../core/routing/lifecycle-settings';
import { deleteSlaPolicy, listSlaPolicies, saveSlaPolicy } from '../../core/routing/sla';
import { getSetting } from '../../core/settings';
import { getTeamOrThrow, listTeams } from '../../core/teams';
import { transaction } from '../../db/client';
import { hoursPage, type HoursForm } from '../../../views/routing/hours-page';
import { lifecyclePage, OOO_LOCALES, type LifecycleForm } from '../../../views/routing/lifecycle-page';
import { slaPage, type SlaForm } from '../../../views/routing/sla-page';
import type { Translate } from '../../../views/i18n';
import { formFailure } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
/** Every value of a repeated field, blanks kept (rows are aligned by position). */
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const optionalNumber = (v: string) => (v.trim() === '' ? null : Number(v));

/** Field path → translated message for nested inputs (`weekly.2.to`, `hours.outOfOfficeMessages.es`); blank or non-numeric numbers say a number is needed. */
function pathErrors(error: unknown, t: Translate): Record<string, string> {
  const failure = formFailure(error, t, { fullPaths: true });
  if (!failure) throw error;
  const numberErrors: Record<string, string> = {};
  if (error instanceof ZodError) {
    for (const issue of error.issues) {
      if (issue.code === 'invalid_type' && issue.expected === 'number') numberErrors[issue.path.join('.') || 'form'] ??= t('routing.form.number');
    }
  }
  return { ...failure.errors, ...(failure.message ? { form: failure.message } : {}), ...numberErrors };
}

/** Every time zone, the business's own first, then the others of its region (America/…), then the rest. */
function timezones(current: string): string[] {
  const region = `${current.split('/')[0]}/`;
  const list = Intl.supportedValuesOf('timeZone').filter((z) => z !== current);
  return [current, ...list.filter((z) => z.startsWith(region)), ...list.filter((z) => !z.startsWith(region))];
}

/** Routing settings pages (mounted by routingAdminPages; admin only). */
export function routingSettingsPages(deps: HttpDeps) {
  const { core } = deps;
  const teamParam = (v: string) => (v ? getTeamOrThrow(core, v).id : null);
  const hoursForm = (teamId: string | null): HoursForm => {
    const own = ownHours(core, teamId);
    const base = own ?? (teamId ? ownHours(core, null) : null);
    if (base) return { teamId, timezone: base.timezone, weekly: base.weekly, holidays: base.holidays, outOfOfficeMessage: own?.outOfOfficeMessage ?? '', inherited: !own };
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' }));
    return { teamId, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, weekly: weekdays, holidays: [], outOfOfficeMessage: '', inherited: true };
  };
  const lifecycleForm = (): LifecycleForm => {
    const s = readLifecycleSettings(core);
    const form: LifecycleForm = {};
    for (const [k, v] of Object.entries(s)) if (typeof v !== 'object') form[k] = String(v);
    for (const l of OOO_LOCALES) form[`hours.outOfOfficeMessages.${l}`] = s['hours.outOfOfficeMessages'][l];
    return form;
  };

  return new Elysia({ name: 'routing-settings-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/routing/hours', ({ page, query }) => {
      const teamId = teamParam(query.team ?? '');
      const form = hoursForm(teamId);
      return htmlResponse(hoursPage(page, listTeams(core), timezones(form.timezone), form, { saved: query.ok === '1' }));
    })
    .post('/admin/routing/hours', ({ body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      const teamId = teamParam(one(f.teamId));
      const days = all(f.day), froms = all(f.from), tos = all(f.to);
      const weekly = froms.map((from, i) => ({ day: Number(days[i] ?? 1), from, to: tos[i] ?? '' })).filter((r) => r.from !== '' || r.to !== '');
      const form: HoursForm = { teamId, timezone: one(f.timezone), weekly, holidays: all(f.holiday).filter((h) => h !== ''), outOfOfficeMessage: one(f.outOfOfficeMessage) };
      try {
        saveBusinessHours(core, teamId, { timezone: form.timezone, weekly, holidays: form.holidays, outOfOfficeMessage: form.outOfOfficeMessage }, actorOf(auth, ip));
        return redirect(`/admin/routing/hours?ok=1${teamId ? `&team=${teamId}` : ''}`);
      } catch (error) {
        return htmlResponse(hoursPage(page, listTeams(core), timezones(form.timezone), form, { errors: pathErrors(error, page.t) }), 422);
      }
    })
    .get('/admin/routing/sla', ({ page, query }) => htmlResponse(slaPage(page, listTeams(core), listSlaPolicies(core), { saved: query.ok === '1' })))
    .post('/admin/routing/sla', ({ body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      const form: SlaForm = {
        id: one(f.id) || undefined, name: one(f.name), teamId: one(f.teamId) || null, businessHoursOnly: one(f.businessHoursOnly) === 'true',
        firstResponseMinutes: one(f.firstResponseMinutes), nextResponseMinutes: one(f.nextResponseMinutes), resolutionMinutes: one(f.resolutionMinutes),
      };
      try {
        const actor = actorOf(auth, ip);
        transaction(core.db, () => {
          const teamId = teamParam(form.teamId ?? '');
          const saved = saveSlaPolicy(core, {
            name: form.name, teamId, businessHoursOnly: form.businessHoursOnly, firstResponseMinutes: optionalNumber(form.firstResponseMinutes),
            nextResponseMinutes: optionalNumber(form.nextResponseMinutes), resolutionMinutes: optionalNumber(form.resolutionMinutes),
          }, actor);
          // Moving a policy to another team: the old row goes (one policy per team).
          if (form.id && form.id !== saved.id && listSlaPolicies(core).some((p) => p.id === form.id)) deleteSlaPolicy(core, form.id, actor);
        });
        return redirect('/admin/routing/sla?ok=1');
      } catch (error) {
        const errors = pathErrors(error, page.t);
        return htmlResponse(slaPage(page, listTeams(core), listSlaPolicies(core), { form, errors, message: errors.form ?? null }), 422);
      }
    })
    .post('/admin/routing/sla/:id/delete', ({ params, auth, ip }) => {
      deleteSlaPolicy(core, params.id, actorOf(auth, ip));
      return redirect('/admin/routing/sla?ok=1');
    })
    .get('/admin/routing/lifecycle', ({ page, query }) => htmlResponse(lifecyclePage(page, lifecycleForm(), { saved: query.ok === '1' })))
    .post('/admin/routing/lifecycle', ({ body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      const form: LifecycleForm = Object.fromEntries(Object.entries(f).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, one(v)]));
      const num = (k: string) => Number((form[k] ?? '').trim() === '' ? NaN : form[k]);
      try {
        saveLifecycleSettings(core, {
          'lifecycle.reopenWindowMinutes': num('lifecycle.reopenWindowMinutes'), 'lifecycle.autoResolveHours': num('lifecycle.autoResolveHours'),
          'lifecycle.autoResolveMessage': form['lifecycle.autoResolveMessage'] ?? '', 'routing.offlineTimeoutMinutes': num('routing.offlineTimeoutMinutes'),
          'alerts.unattendedMinutes': num('alerts.unattendedMinutes'), 'routing.releaseCooldownMinutes': num('routing.releaseCooldownMinutes'),
          'hours.outOfOfficeEveryHours': num('hours.outOfOfficeEveryHours'),
          // Not in the form (an older page): unchanged.
          'messages.keepDeletedContent': form['messages.keepDeletedContent'] === undefined ? getSetting(core, 'messages.keepDeletedContent') : form['messages.keepDeletedContent'] === 'true',
          'hours.outOfOfficeMessages': Object.fromEntries(OOO_LOCALES.map((l) => [l, form[`hours.outOfOfficeMessages.${l}`] ?? ''])),
        }, actorOf(auth, ip));
        return redirect('/admin/routing/lifecycle?ok=1');
      } catch (error) {
        return htmlResponse(lifecyclePage(page, form, { errors: pathErrors(error, page.t) }), 422);
      }
    });
}
