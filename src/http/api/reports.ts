/**
 * Reports API: `GET /api/v1/reports/summary?from=&to=` (ISO dates) and one route per table
 * (`daily`, `agents`, `teams`, `channels`, `sla`, `heatmap`), each also as CSV with `?format=csv`.
 * Supervisors and admins see everything; agents get their own conversations only.
 */
import { z } from 'zod';
import { buildReport } from '../../core/reports/report';
import { reportQuerySchema, resolveReportQuery } from '../../core/reports/report-query';
import { REPORT_COLUMNS, REPORT_TABLES, reportRows, reportSummary, type ReportTable } from '../../core/reports/report-tables';
import type { PublicUser } from '../../core/types';
import { toCsv } from '../../lib/csv';
import type { Core } from '../../core/context';
import type { HttpDeps } from '../deps';
import { requireUser } from '../request-context';
import { csvResponse } from '../respond';
import { apiFeature, doc } from './base';
import { reportRowOut, reportSummaryOut } from './schemas';

export const reportRouteQuery = reportQuerySchema.extend({ format: z.enum(['json', 'csv']).default('json') });
type RouteQuery = z.output<typeof reportRouteQuery>;
const CSV_NOTE = '; `?format=csv` answers the same rows as a text/csv file (UTF-8 with a BOM)';

/** The CSV file of one report table. */
export function reportCsv(core: Core, user: PublicUser, query: RouteQuery, table: ReportTable): Response {
  const report = buildReport(core, user, resolveReportQuery(core, user, query));
  const columns = REPORT_COLUMNS[table];
  const rows = reportRows(report, table).map((row) => columns.map((c) => row[c]));
  return csvResponse(toCsv(columns, rows), `turno-${table}-${query.from.slice(0, 10)}-${query.to.slice(0, 10)}.csv`);
}

/** The reports endpoints (JSON by default; `?format=csv` answers the same rows as text/csv). */
export function reportsApi(deps: HttpDeps) {
  const { core } = deps;
  const build = (user: PublicUser, query: RouteQuery) => buildReport(core, user, resolveReportQuery(core, user, query));
  const routes = apiFeature(deps, 'api-reports')
    .get('/reports/summary', ({ query, auth }) => {
      const user = requireUser(auth);
      return query.format === 'csv' ? reportCsv(core, user, query, 'summary') : reportSummary(build(user, query));
    }, { query: reportRouteQuery, ...doc('reports', `Headline figures of a range (times in seconds)${CSV_NOTE}`, reportSummaryOut) });
  // One route per table (a literal path each, so the API docs list them).
  for (const table of REPORT_TABLES.filter((name) => name !== 'summary')) {
    // The rows are typed loosely (ReportRow) in core; the schema states, and validates, each table's shape.
    const itemsOut: z.ZodType = z.object({ items: z.array(reportRowOut[table]) });
    routes.get(`/reports/${table}`, ({ query, auth }) => {
      const user = requireUser(auth);
      return query.format === 'csv' ? reportCsv(core, user, query, table) : { items: reportRows(build(user, query), table) };
    }, { query: reportRouteQuery, ...doc('reports', `The ${table} table of a range (one list, not paged)${CSV_NOTE}`, itemsOut) });
  }
  return routes;
}
