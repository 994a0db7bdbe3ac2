/** Admin page for CSAT survey settings (/admin/csat?team=…); admins only. */
import { Elysia } from 'elysia';
import { approvedTemplateChoices, csatSettingsFor, ownCsatSettings, saveCsatSettings } from '../../core/csat/settings';
import { getTeamOrThrow, listTeams } from '../../core/teams';
import { csatSettingsPage, type CsatForm } from '../../../views/csat/settings-page';
import { formFailure } from '../form-errors';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const number = (v: string) => (v.trim() === '' ? NaN : Number(v));

/** CSAT settings pages. */
export function csatAdminPages(deps: HttpDeps) {
  const { core } = deps;
  const teamParam = (v: string) => (v ? getTeamOrThrow(core, v).id : null);
  const formOf = (teamId: string | null): CsatForm => {
    const own = ownCsatSettings(core, teamId);
    const s = own ?? csatSettingsFor(core, teamId);
    return {
      teamId, enabled: s?.enabled ?? false, delayMinutes: String(s?.delayMinutes ?? 0), language: s?.language ?? 'es',
      template: s?.templateName ? `${s.templateName}|${s.templateLanguage ?? ''}` : '', cooldownDays: String(s?.cooldownDays ?? 30), lowScore: String(s?.lowScore ?? 2), inherited: !own,
    };
  };
  return new Elysia({ name: 'csat-admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/csat', ({ page, query }) => {
      const teamId = teamParam(query.team ?? '');
      return htmlResponse(csatSettingsPage(page, listTeams(core), approvedTemplateChoices(core), formOf(teamId), { saved: query.ok === '1' }));
    })
    .post('/admin/csat', ({ body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      const teamId = teamParam(one(f.teamId));
      const [templateName, templateLanguage] = one(f.template).split('|');
      const form: CsatForm = {
        teamId, enabled: one(f.enabled) === 'true', delayMinutes: one(f.delayMinutes), language: one(f.language), template: one(f.template),
        cooldownDays: one(f.cooldownDays), lowScore: one(f.lowScore), inherited: false,
      };
      try {
        saveCsatSettings(core, teamId, {
          enabled: form.enabled, delayMinutes: number(form.delayMinutes), language: form.language as 'es', templateName: templateName || null,
          templateLanguage: templateLanguage || null, cooldownDays: number(form.cooldownDays), lowScore: number(form.lowScore),
        }, actorOf(auth, ip));
        return redirect(`/admin/csat?ok=1${teamId ? `&team=${teamId}` : ''}`);
      } catch (error) {
        const failure = formFailure(error, page.t);
        if (!failure) throw error;
        return htmlResponse(csatSettingsPage(page, listTeams(core), approvedTemplateChoices(core), form, { errors: { ...failure.errors, ...(failure.message ? { form: failure.message } : {}) } }), failure.status);
      }
    });
}
