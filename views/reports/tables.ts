/**
 * The report's tables (agents, teams, channels, daily), sortable by any column through links
 * (`?sort=agents.replies&dir=desc`, marked with `aria-sort`, no script needed) and each with its
 * CSV download from the API.
 */
import type { Report } from '../../src/core/reports/report';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { durationText } from './format';

export const SORTABLE_TABLES = ['agents', 'teams', 'channels', 'intents', 'daily'] as const;
export type SortableTable = (typeof SORTABLE_TABLES)[number];
export interface TableSort {
  table: SortableTable;
  column: string;
  dir: 'asc' | 'desc';
}

type Row = Record<string, string | number | null>;
interface Column {
  key: string;
  kind: 'text' | 'number' | 'duration';
}

const COLUMNS: Record<SortableTable, Column[]> = {
  agents: [{ key: 'name', kind: 'text' }, { key: 'conversations', kind: 'number' }, { key: 'replies', kind: 'number' }, { key: 'resolved', kind: 'number' }, { key: 'firstResponseMedian', kind: 'duration' }, { key: 'csatAverage', kind: 'number' }],
  teams: [{ key: 'name', kind: 'text' }, { key: 'opened', kind: 'number' }, { key: 'resolved', kind: 'number' }, { key: 'firstResponseMedian', kind: 'duration' }, { key: 'resolutionMedian', kind: 'duration' }, { key: 'csatAverage', kind: 'number' }],
  channels: [{ key: 'name', kind: 'text' }, { key: 'opened', kind: 'number' }, { key: 'resolved', kind: 'number' }, { key: 'firstResponseMedian', kind: 'duration' }, { key: 'resolutionMedian', kind: 'duration' }, { key: 'csatAverage', kind: 'number' }],
  intents: [{ key: 'name', kind: 'text' }, { key: 'opened', kind: 'number' }, { key: 'resolved', kind: 'number' }, { key: 'firstResponseMedian', kind: 'duration' }, { key: 'resolutionMedian', kind: 'duration' }, { key: 'csatAverage', kind: 'number' }],
  daily: [{ key: 'date', kind: 'text' }, { key: 'opened', kind: 'number' }, { key: 'resolved', kind: 'number' }, { key: 'messagesIn', kind: 'number' }],
};

/** True when `column` is a sortable column of `table`. */
export function isSortColumn(table: SortableTable, column: string): boolean {
  return COLUMNS[table].some((c) => c.key === column);
}

/** Rows sorted by a column; empty values last whichever the direction. */
function sorted(rows: Row[], column: string, dir: 'asc' | 'desc'): Row[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column] ?? null;
    const y = b[column] ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

function cell(t: Translate, c: Column, row: Row): SafeHtml | string {
  const v = row[c.key] ?? null;
  if (c.key === 'name' && !v) return t('reports.none');
  if (c.kind === 'duration') return durationText(v as number | null);
  return v === null ? '—' : String(v);
}

function table(t: Translate, name: SortableTable, rows: Row[], params: Record<string, string>, sort: TableSort | null): SafeHtml {
  const active = sort?.table === name ? sort : null;
  const shown = active ? sorted(rows, active.column, active.dir) : rows;
  const { sort: _s, dir: _d, ...keep } = params;
  const csv = `/api/v1/reports/${name}?${new URLSearchParams({ ...keep, format: 'csv' })}`;
  const header = (c: Column) => {
    const current = active?.column === c.key ? active.dir : null;
    const next = current === 'desc' ? 'asc' : current === 'asc' ? 'desc' : c.kind === 'text' ? 'asc' : 'desc';
    const href = `/reports?${new URLSearchParams({ ...keep, sort: `${name}.${c.key}`, dir: next })}#table-${name}`;
    return html`<th scope="col" ${current ? html`aria-sort="${current === 'asc' ? 'ascending' : 'descending'}"` : ''} class="${c.kind === 'text' ? '' : 'num'}">
      <a href="${href}">${t(`reports.col.${c.key}`)}${current ? (current === 'asc' ? ' ▲' : ' ▼') : ''}</a></th>`;
  };
  return html`<section class="card" id="table-${name}"><div class="table-head"><h2>${t(`reports.table.${name}`)}</h2>
      <a class="csv" href="${csv}" download>${t('reports.download_csv')}</a></div>
    ${shown.length === 0 ? html`<p class="muted">${t('reports.empty')}</p>` : html`<div class="table-wrap"><table class="table report-table" data-table="${name}">
      <thead><tr>${COLUMNS[name].map(header)}</tr></thead>
      <tbody>${shown.map((row) => html`<tr>${COLUMNS[name].map((c) => html`<td class="${c.kind === 'text' ? '' : 'num'}" data-col="${c.key}">${cell(t, c, row)}</td>`)}</tr>`)}</tbody>
    </table></div>`}</section>`;
}

/** Every table of the report page; `intentNames` names the intents in the reader's language. */
export function reportTables(t: Translate, r: Report, params: Record<string, string>, sort: TableSort | null, intentNames: Map<string, string>): SafeHtml {
  const intents = r.intents.map((row) => ({ ...row, name: row.id ? (intentNames.get(row.id) ?? row.id) : '' }));
  return html`${table(t, 'agents', r.agents as unknown as Row[], params, sort)}
    ${table(t, 'teams', r.teams as unknown as Row[], params, sort)}
    ${table(t, 'channels', r.channels as unknown as Row[], params, sort)}
    ${table(t, 'intents', intents as unknown as Row[], params, sort)}
    ${table(t, 'daily', r.daily as unknown as Row[], params, sort)}`;
}
