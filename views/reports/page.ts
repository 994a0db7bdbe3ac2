/**
 * The reports page: range presets and custom dates, filters, headline figures compared with the
 * previous period, SVG charts, sortable tables with CSV downloads, and a help panel with every
 * formula. A plain GET form: every state is a URL a supervisor can bookmark or share.
 */
import type { Report, TimeFigure } from '../../src/core/reports/report';
import type { RangePreset } from '../../src/core/reports/presets';
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';
import type { Translate } from '../i18n';
import { layout } from '../layout';
import { barChart, heatmapChart, stackedBars } from './charts';
import { durationText } from './format';
import { reportTables, type TableSort } from './tables';

export interface ReportsPageData {
  /** Null when the query was refused (`error` says why). */
  report: Report | null;
  previous: Report | null;
  /** The query as given (dates and filters), to rebuild links. */
  params: Record<string, string>;
  presets: Array<{ key: RangePreset; from: string; to: string }>;
  previousDates: { from: string; to: string } | null;
  options: { teams: Array<[string, string]>; agents: Array<[string, string]>; channels: Array<[string, string]>; labels: Array<[string, string]>; intents: Array<[string, string]> };
  sort: TableSort | null;
  error: string | null;
}

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "+12 %" / "−5 %" change from `before` to `now` (null when there is nothing to compare). */
function change(now: number | null, before: number | null): string | null {
  if (now === null || before === null || before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

function kpi(t: Translate, key: string, value: string, now: number | null, before: number | null, beforeText: string | null, sub: SafeHtml | string = ''): SafeHtml {
  const delta = change(now, before);
  return html`<div class="kpi" data-kpi="${key}">
    <span class="kpi-label">${t(`reports.kpi.${key}`)}</span>
    <strong class="kpi-value">${value}</strong>
    ${sub ? html`<span class="kpi-sub">${sub}</span>` : ''}
    ${beforeText !== null ? html`<span class="kpi-prev">${t('reports.previous_value', { value: beforeText })}${delta ? html` <b>${delta}</b>` : ''}</span>` : ''}
  </div>`;
}

function timeKpi(t: Translate, key: string, f: TimeFigure, prev: TimeFigure | null): SafeHtml {
  const sub = html`p90 ${durationText(f.p90)} · ${t('reports.business_hours')} ${durationText(f.business.median)}`;
  return kpi(t, key, durationText(f.median), f.median, prev?.median ?? null, prev ? durationText(prev.median) : null, sub);
}

function headline(t: Translate, r: Report, p: Report | null): SafeHtml {
  const n = (v: number | null) => (v === null ? '—' : String(v));
  return html`<section class="kpis" aria-label="${t('reports.headline')}">
    ${kpi(t, 'opened', n(r.conversations.opened), r.conversations.opened, p?.conversations.opened ?? null, p ? n(p.conversations.opened) : null)}
    ${kpi(t, 'resolved', n(r.conversations.resolved), r.conversations.resolved, p?.conversations.resolved ?? null, p ? n(p.conversations.resolved) : null, t('reports.reopened', { count: r.conversations.reopened }))}
    ${timeKpi(t, 'first_response', r.firstResponseTime, p?.firstResponseTime ?? null)}
    ${timeKpi(t, 'reply', r.replyTime, p?.replyTime ?? null)}
    ${timeKpi(t, 'resolution', r.resolutionTime, p?.resolutionTime ?? null)}
    ${kpi(t, 'messages', `${r.messages.in} / ${r.messages.out}`, r.messages.in, p?.messages.in ?? null, p ? `${p.messages.in} / ${p.messages.out}` : null, t('reports.in_out'))}
    ${kpi(t, 'bot', n(r.bot.handled), r.bot.handled, p?.bot.handled ?? null, p ? n(p.bot.handled) : null,
      t('reports.bot_sub', { handoffs: r.bot.handoffs, rate: r.bot.handoffRate ?? '—', up: r.bot.ratings.up, down: r.bot.ratings.down }))}
    ${kpi(t, 'csat', r.csat.average === null ? '—' : `${r.csat.average} / 5`, r.csat.average, p?.csat.average ?? null, p ? (p.csat.average === null ? '—' : String(p.csat.average)) : null,
      t('reports.csat_sub', { count: r.csat.responses, satisfied: r.csat.satisfiedPercent ?? '—' }))}
  </section>`;
}

function filters(ctx: PageContext, d: ReportsPageData): SafeHtml {
  const t = ctx.t;
  const choose = (name: string, label: string, options: Array<[string, string]>) => html`<label>${label}
    <select name="${name}"><option value="">${t('reports.all')}</option>${options.map(([v, text]) => html`<option value="${v}" ${d.params[name] === v ? html`selected` : ''}>${text}</option>`)}</select></label>`;
  const presetHref = (p: { from: string; to: string }) => `/reports?${new URLSearchParams({ ...d.params, from: p.from, to: p.to })}`;
  return html`<form class="card report-filters" method="get" action="/reports">
    <nav class="presets" aria-label="${t('reports.presets')}">${d.presets.map((p) => html`<a href="${presetHref(p)}" class="${d.params.from === p.from && d.params.to === p.to ? 'active' : ''}">${t(`reports.preset.${p.key}`)}</a>`)}</nav>
    <div class="filter-grid">
      <label>${t('reports.from')} <input type="date" name="from" value="${d.params.from ?? ''}" required></label>
      <label>${t('reports.to')} <input type="date" name="to" value="${d.params.to ?? ''}" required></label>
      ${choose('teamId', t('reports.team'), d.options.teams)}
      ${ctx.user?.role !== 'agent' ? choose('agentId', t('reports.agent'), d.options.agents) : ''}
      ${choose('channelId', t('reports.channel'), d.options.channels)}
      ${choose('labelId', t('reports.label'), d.options.labels)}
      ${choose('intent', t('reports.intent'), d.options.intents)}
    </div>
    <label class="compare"><input type="checkbox" name="compare" value="1" ${d.previousDates ? html`checked` : ''}> ${t('reports.compare')}</label>
    <button type="submit" class="primary">${t('reports.show')}</button>
  </form>`;
}

function help(t: Translate): SafeHtml {
  const items = ['first_response', 'reply', 'resolution', 'business_hours', 'percentiles', 'range', 'bot', 'sla', 'csat', 'filters'];
  return html`<details class="card report-help" id="report-help"><summary>${t('reports.help.title')}</summary>
    <dl>${items.map((k) => html`<dt>${t(`reports.help.${k}.term`)}</dt><dd>${t(`reports.help.${k}`)}</dd>`)}</dl></details>`;
}

function charts(t: Translate, r: Report): SafeHtml {
  const days = r.daily.map((d) => d.date.slice(5));
  const weekdays = WEEKDAY_KEYS.map((k) => t(`reports.weekday.${k}`));
  return html`<section class="card"><h2>${t('reports.chart.volume')}</h2>
      ${barChart('chart-volume', t('reports.chart.volume'), t('reports.chart.volume_desc', { days: r.daily.length }), days, [
        { label: t('reports.kpi.opened'), className: 'series-a', values: r.daily.map((d) => d.opened) },
        { label: t('reports.kpi.resolved'), className: 'series-b', values: r.daily.map((d) => d.resolved) },
      ])}</section>
    <section class="card"><h2>${t('reports.chart.heatmap')}</h2>
      ${heatmapChart('chart-heatmap', t('reports.chart.heatmap'), t('reports.chart.heatmap_desc', { zone: r.range.timeZone }), weekdays, r.heatmap,
        (day, hour, n) => t('reports.chart.heat_cell', { day, hour: String(hour).padStart(2, '0'), count: n }))}</section>
    ${r.sla.length ? html`<section class="card"><h2>${t('reports.chart.sla')}</h2>
      ${stackedBars('chart-sla', t('reports.chart.sla'), r.sla.map((s) => ({ label: t(`reports.sla.${s.metric}`), met: s.met, breached: s.breached })), { met: t('reports.sla.met'), breached: t('reports.sla.breached') })}</section>` : ''}`;
}

/** The whole page. */
export function reportsPage(ctx: PageContext, d: ReportsPageData): SafeHtml {
  const t = ctx.t;
  const body = html`<h1>${t('reports.title')}</h1>
    ${filters(ctx, d)}
    ${d.error || !d.report ? html`<p class="notice error" role="alert">${d.error}</p>` : html`
      <p class="muted range-note">${t('reports.range_note', { from: d.params.from ?? '', to: d.params.to ?? '', zone: d.report.range.timeZone })}${d.previousDates ? ` · ${t('reports.compared_with', d.previousDates)}` : ''}
        · <a href="#report-help">${t('reports.help.link')}</a></p>
      ${headline(t, d.report, d.previous)}
      ${charts(t, d.report)}
      ${reportTables(t, d.report, d.params, d.sort, new Map(d.options.intents))}
      ${help(t)}`}`;
  return layout(ctx, t('reports.title'), body, { head: html`<link rel="stylesheet" href="/static/reports.css">` });
}
