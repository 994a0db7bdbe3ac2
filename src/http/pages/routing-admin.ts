/** Admin pages for teams (/admin/teams) and routing rules (/admin/routing). Core audits every change. */
import { Elysia } from 'elysia';
import { ZodError } from 'zod';
import { intentName, listIntents } from '../../ai/intent-store';
import { listChannels } from '../../core/channels';
import { listLabels } from '../../core/labels';
import { DomainError } from '../../core/errors';
import { actionsOf, createRule, deleteRule, evaluateRules, getRuleOrThrow, listRules, moveRule, updateRule } from '../../core/routing/rules';
import { setTeamChannels, teamChannelIds } from '../../core/routing/team-admin';
import { addTeamMember, createTeam, listTeams, removeTeamMember, teamMemberIds, updateTeam } from '../../core/teams';
import { listActiveUsers, listUsers, updateUser } from '../../core/users';
import type { ClassifyIntent } from '../../core/routing/conditions';
import type { RuleInput } from '../../core/routing/rule-schema';
import { rulesPage } from '../../../views/routing/rules-page';
import type { RuleChoices, RuleForm } from '../../../views/routing/rule-editor';
import { teamsPage } from '../../../views/routing/teams-page';
import { localizeIssue, localizeMessage, type Translate } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { ruleItemsText } from '../../../views/routing/rule-summary';
import { formFailure } from '../form-errors';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';
import { routingSettingsPages } from './routing-settings';

type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** Field path → translated message (`conditions.1.pattern`), so the editor can show each error on its row. */
function errorPaths(error: unknown, t: Translate): Record<string, string> {
  return error instanceof ZodError ? formFailure(error, t, { fullPaths: true })!.errors : {};
}

/** One translated line for the failure; null for a body that is not JSON (the caller says so). */
function errorText(error: unknown, t: Translate): string | null {
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.')}: ${localizeIssue(t, i)}`).join('; ');
  if (error instanceof DomainError) return localizeMessage(t, error.message);
  if (error instanceof SyntaxError) return null;
  throw error;
}

/** The teams and routing-rules admin pages. */
export function routingAdminPages(deps: HttpDeps, classifyIntent: ClassifyIntent | null) {
  const { core } = deps;
  const teamViews = () => listTeams(core).map((team) => ({ team, memberIds: teamMemberIds(core, team.id), channelIds: teamChannelIds(core, team.id) }));
  const renderTeams = (page: Parameters<typeof teamsPage>[0], flash: { ok?: string | null; error?: string | null }, status = 200) =>
    htmlResponse(teamsPage(page, teamViews(), listUsers(core), listChannels(core), flash), status);
  const choices = (locale: string): RuleChoices => ({
    teams: listTeams(core).map((t) => [t.id, t.name]),
    agents: listActiveUsers(core).map((u) => [u.id, u.name]),
    labels: listLabels(core).map((l) => [l.id, l.name]),
    channels: listChannels(core).map((c) => [c.id, c.name]),
    intents: listIntents(deps.ai.intents.core).map((i) => [i.id, intentName(i, locale)]),
  });
  const ruleForm = (f: Form): RuleForm => ({ name: one(f.name), conditions: one(f.conditions), actions: one(f.actions), enabled: one(f.enabled) === 'true', onEveryMessage: one(f.onEveryMessage) === 'true', stopOnMatch: one(f.stopOnMatch) === 'true' });
  const parseRule = (f: Form): RuleInput => ({ ...ruleForm(f), name: one(f.name), conditions: JSON.parse(one(f.conditions)), actions: JSON.parse(one(f.actions)) });
  return new Elysia({ name: 'routing-admin-pages' })
    .use(requestContext(deps))
    .use(routingSettingsPages(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/teams', ({ page, query }) => renderTeams(page, { ok: query.ok ? page.t('routing.teams.saved') : null }))
    .post('/admin/teams', ({ body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      try {
        createTeam(core, { name: one(f.name), assignmentMode: one(f.assignmentMode) as never }, actorOf(auth, ip));
        return redirect('/admin/teams?ok=1');
      } catch (error) {
        return renderTeams(page, { error: errorText(error, page.t) }, 422);
      }
    })
    .post('/admin/teams/:id', ({ params, body, page, auth, ip }) => {
      const f = (body ?? {}) as Form;
      try {
        const capacity = one(f.capacityOverride);
        updateTeam(core, params.id, {
          name: one(f.name), assignmentMode: one(f.assignmentMode) as never, onlyAssigneeCanReply: one(f.onlyAssigneeCanReply) === 'true',
          assignOnReply: one(f.assignOnReply) === 'true',
          capacityOverride: capacity === '' ? null : Number(capacity),
        }, actorOf(auth, ip));
        setTeamChannels(core, params.id, many(f.channelIds), actorOf(auth, ip));
        return redirect('/admin/teams?ok=1');
      } catch (error) {
        return renderTeams(page, { error: errorText(error, page.t) }, 422);
      }
    })
    .post('/admin/teams/:id/members', ({ params, body, auth, ip }) => {
      addTeamMember(core, params.id, one((body as Form).userId), actorOf(auth, ip));
      return redirect('/admin/teams?ok=1');
    })
    .post('/admin/teams/:id/members/:userId/remove', ({ params, auth, ip }) => {
      removeTeamMember(core, params.id, params.userId, actorOf(auth, ip));
      return redirect('/admin/teams?ok=1');
    })
    .post('/admin/teams/agents/:id/capacity', ({ params, body, page, auth, ip }) => {
      try {
        updateUser(core, params.id, { capacity: Number(one((body as Form).capacity)) }, actorOf(auth, ip));
        return redirect('/admin/teams?ok=1');
      } catch (error) {
        return renderTeams(page, { error: errorText(error, page.t) }, 422);
      }
    })
    .get('/admin/routing', ({ page, query }) => {
      const editing = query.edit ? getRuleOrThrow(core, query.edit) : null;
      const form = editing ? { ...editing, conditions: JSON.stringify(editing.conditions), actions: JSON.stringify(editing.actions) } : undefined;
      return htmlResponse(rulesPage(page, listRules(core), choices(page.locale), { form }));
    })
    .post('/admin/routing', ({ body, page, auth, ip }) => saveRule(null, body as Form, page, actorOf(auth, ip)))
    .post('/admin/routing/test', async ({ body, page }) => {
      const f = (body ?? {}) as Form;
      const text = one(f.text);
      const matches = await evaluateRules(listRules(core), {
        text, channelId: '', contactAttributes: {}, labelIds: [], returningCustomer: one(f.returning) === 'true', isOpen: () => true,
      }, classifyIntent, { newConversation: true });
      const first = matches[0];
      const result = first
        ? page.t('routing.rules.test_match', { index: first.index, name: first.rule.name, reasons: first.reasons.join(', '), actions: ruleItemsText(page.t, 'action', actionsOf(matches), choices(page.locale)) })
        : page.t('routing.rules.test_none');
      return htmlResponse(rulesPage(page, listRules(core), choices(page.locale), { testResult: result, testText: text }));
    })
    .post('/admin/routing/:id', ({ params, body, page, auth, ip }) => saveRule(params.id, body as Form, page, actorOf(auth, ip)))
    .post('/admin/routing/:id/:op', ({ params, auth, ip }) => {
      const actor = actorOf(auth, ip);
      if (params.op === 'up' || params.op === 'down') moveRule(core, params.id, params.op, actor);
      else if (params.op === 'toggle') updateRule(core, params.id, { enabled: !getRuleOrThrow(core, params.id).enabled }, actor);
      else if (params.op === 'delete') deleteRule(core, params.id, actor);
      return redirect('/admin/routing');
    });

  function saveRule(id: string | null, f: Form, page: Parameters<typeof rulesPage>[0], actor: ReturnType<typeof actorOf>) {
    try {
      const input = parseRule(f);
      if (id) updateRule(core, id, input, actor);
      else createRule(core, input, actor);
      return redirect('/admin/routing');
    } catch (error) {
      const message = errorText(error, page.t) ?? page.t('routing.rules.invalid_json');
      return htmlResponse(rulesPage(page, listRules(core), choices(page.locale), { form: { ...ruleForm(f), id: id ?? undefined }, error: message, errors: errorPaths(error, page.t) }), 422);
    }
  }
}
