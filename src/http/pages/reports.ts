/** The reports page (/reports): every signed-in user; agents see their own conversations only. */
import { Elysia } from 'elysia';
import { ZodError } from 'zod';
import { intentName, listIntents } from '../../ai/intent-store';
import { DomainError } from '../../core/errors';
import { listLabels } from '../../core/labels';
import { presetRange, previousDates, RANGE_PRESETS } from '../../core/reports/presets';
import { buildReport, type Report } from '../../core/reports/report';
import { reportTimeZone, resolveReportQuery } from '../../core/reports/report-query';
import type { PublicUser } from '../../core/types';
import { listActiveUsers } from '../../core/users';
import { visibleChannels, visibleTeams } from '../../core/visibility';
import { reportsPage } from '../../../views/reports/page';
import { isSortColumn, SORTABLE_TABLES, type SortableTable, type TableSort } from '../../../views/reports/tables';
import { localizeMessage } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse } from '../respond';

const FILTER_KEYS = ['teamId', 'agentId', 'channelId', 'labelId', 'intent'] as const;

/** `?sort=agents.replies&dir=desc` → a sort, or null when it names no sortable column. */
function sortOf(query: Record<string, string | undefined>): TableSort | null {
  const [table, column] = (query.sort ?? '').split('.');
  if (!SORTABLE_TABLES.includes(table as SortableTable) || !column || !isSortColumn(table as SortableTable, column)) return null;
  return { table: table as SortableTable, column, dir: query.dir === 'asc' ? 'asc' : 'desc' };
}

/** Reports pages. */
export function reportPages(deps: HttpDeps) {
  const { core } = deps;
  const options = (user: PublicUser, locale: string) => ({
    teams: visibleTeams(core, user).map((t): [string, string] => [t.id, t.name]),
    agents: listActiveUsers(core).map((u): [string, string] => [u.id, u.name]),
    channels: visibleChannels(core, user).map((c): [string, string] => [c.id, c.name]),
    labels: listLabels(core).map((l): [string, string] => [l.id, l.name]),
    intents: listIntents(core).map((i): [string, string] => [i.id, intentName(i, locale)]),
  });
  return new Elysia({ name: 'report-pages' })
    .use(requestContext(deps))
    .get('/reports', ({ query, auth, page }) => {
      const user = requireUser(auth);
      const raw = query as Record<string, string | undefined>;
      const now = core.clock.now();
      const zone = reportTimeZone(core);
      const presets = RANGE_PRESETS.map((key) => ({ key, ...presetRange(key, now, zone) }));
      const range = raw.from && raw.to ? { from: raw.from, to: raw.to } : presetRange('last30', now, zone);
      const compare = raw.compare === '1' || !raw.from;
      const params: Record<string, string> & { from: string; to: string } = { ...range };
      for (const key of FILTER_KEYS) if (raw[key]) params[key] = raw[key]!;
      if (compare) params.compare = '1';
      const base = { params, presets, options: options(user, page.locale), sort: sortOf(raw) };
      try {
        const report = buildReport(core, user, resolveReportQuery(core, user, params));
        let previous: Report | null = null;
        let before: { from: string; to: string } | null = null;
        if (compare && /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to)) {
          before = previousDates(range.from, range.to);
          previous = buildReport(core, user, resolveReportQuery(core, user, { ...params, ...before }));
        }
        return htmlResponse(reportsPage(page, { ...base, report, previous, previousDates: before, error: null }));
      } catch (error) {
        if (!(error instanceof DomainError) && !(error instanceof ZodError)) throw error;
        const message = error instanceof ZodError ? (error.issues[0]?.message ?? 'Invalid input') : error.message;
        return htmlResponse(reportsPage(page, { ...base, report: null, previous: null, previousDates: null, error: localizeMessage(page.t, message) }), 422);
      }
    });
}
