/**
 * Reports API: `GET /api/v1/reports/summary?from=&to=` (ISO dates) and one route per table
 * (`daily`, `agents`, `teams`, `channels`, `sla`, `heatmap`), each also as CSV with `?format=csv`.
 * Supervisors and admins see everything; agents get their own conversations only.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { buildReport } from '../../core/reports/report';
import { reportQuerySchema, resolveReportQuery } from '../../core/reports/report-query';
import { REPORT_COLUMNS, REPORT_TABLES, reportRows, reportSummary, type ReportTable } from '../../core/reports/report-tables';
import type { PublicUser } from '../../core/types';
import { toCsv } from '../../lib/csv';
import type { Core } from '../../core/context';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { csvResponse } from '../respond';

export const reportRouteQuery = reportQuerySchema.extend({ format: z.enum(['json', 'csv']).default('json') });
type RouteQuery = z.output<typeof reportRouteQuery>;

/** The CSV file of one report table. */
export function reportCsv(core: Core, user: PublicUser, query: RouteQuery, table: ReportTable): Response {
  const report = buildReport(core, user, resolveReportQuery(core, user, query));
  const columns = REPORT_COLUMNS[table];
  const rows = reportRows(report, table).map((row) => columns.map((c) => row[c]));
  return csvResponse(toCsv(columns, rows), `turno-${table}-${query.from.slice(0, 10)}-${query.to.slice(0, 10)}.csv`);
}

/** The reports endpoints. */
export function reportsApi(deps: HttpDeps) {
  const { core } = deps;
  const build = (user: PublicUser, query: RouteQuery) => buildReport(core, user, resolveReportQuery(core, user, query));
  const routes = new Elysia({ name: 'api-reports', prefix: '/api/v1/reports' })
    .use(requestContext(deps))
    .get('/summary', ({ query, auth }) => {
      const user = requireUser(auth);
      return query.format === 'csv' ? reportCsv(core, user, query, 'summary') : reportSummary(build(user, query));
    }, { query: reportRouteQuery, detail: { summary: 'Headline figures of a range (times in seconds)', tags: ['reports'] } });
  // One route per table (a literal path each, so the API docs list them).
  for (const table of REPORT_TABLES.filter((name) => name !== 'summary')) {
    routes.get(`/${table}`, ({ query, auth }) => {
      const user = requireUser(auth);
      return query.format === 'csv' ? reportCsv(core, user, query, table) : { items: reportRows(build(user, query), table) };
    }, { query: reportRouteQuery, detail: { summary: `The ${table} table of a range`, tags: ['reports'] } });
  }
  return routes;
}
