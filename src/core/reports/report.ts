/**
 * A report over a range: volume, response and resolution times (median and p90, wall-clock and
 * business hours), bot vs human, SLA met/breached, CSAT, a daily series, an hour × weekday heat
 * map of incoming messages, and per agent / team / channel tables. Read from the rollups
 * (`report-source.ts`), which hold the figures of `timeline-metrics.ts`. Times are in seconds.
 */
import type { Core } from '../context';
import { listChannels } from '../channels';
import { localParts, wallTimeToUtc, type BusinessHoursSpec } from '../routing/business-hours';
import { hoursFor } from '../routing/hours-store';
import { policyFor, type SlaPolicy } from '../routing/sla';
import { listTeams } from '../teams';
import type { PublicUser } from '../types';
import { listUsers } from '../users';
import { readReportSource, type PointRow, type SourceRows } from './report-source';
import { nextDate, type ReportQuery } from './report-query';
import { percentiles, TIME_METRICS, type TimeMetric } from './timeline-metrics';

export interface TimeFigure {
  median: number | null;
  p90: number | null;
  count: number;
  business: { median: number | null; p90: number | null };
}

export interface BreakdownRow {
  id: string;
  name: string;
  opened: number;
  resolved: number;
  firstResponseMedian: number | null;
  resolutionMedian: number | null;
  csatAverage: number | null;
}

export interface AgentRow {
  id: string;
  name: string;
  conversations: number;
  replies: number;
  resolved: number;
  firstResponseMedian: number | null;
  csatAverage: number | null;
}

export interface SlaRow {
  metric: 'first_response' | 'next_response' | 'resolution';
  met: number;
  breached: number;
}

export interface Report {
  range: { from: string; to: string; timeZone: string };
  conversations: { opened: number; resolved: number; reopened: number };
  messages: { in: number; out: number };
  firstResponseTime: TimeFigure;
  replyTime: TimeFigure;
  resolutionTime: TimeFigure;
  reopenResolutionTime: TimeFigure;
  bot: { handled: number; handoffs: number; answers: number; handoffRate: number | null; ratings: { up: number; down: number } };
  sla: SlaRow[];
  csat: { responses: number; average: number | null; satisfiedPercent: number | null };
  daily: Array<{ date: string; opened: number; resolved: number; messagesIn: number }>;
  /** heatmap[weekday 0 = Sunday][hour] = incoming messages. */
  heatmap: number[][];
  agents: AgentRow[];
  teams: BreakdownRow[];
  channels: BreakdownRow[];
  /** By the first detected intent; `name` is the intent id (views show its name in the reader's language). */
  intents: BreakdownRow[];
}

/** Which SLA target each time metric is held to. */
const SLA_OF: Partial<Record<TimeMetric, { metric: SlaRow['metric']; field: 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' }>> = {
  first_response: { metric: 'first_response', field: 'firstResponseMinutes' },
  reply: { metric: 'next_response', field: 'nextResponseMinutes' },
  resolution: { metric: 'resolution', field: 'resolutionMinutes' },
};

const QUARTER = 15 * 60_000;
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);

/** A time sample as read from the rollups. */
type Sample = PointRow & { kind: TimeMetric; ms: number; businessMs: number };

function timeFigure(samples: Sample[]): TimeFigure {
  const wall = percentiles(samples.map((s) => s.ms));
  const biz = percentiles(samples.map((s) => s.businessMs));
  return { median: seconds(wall.median), p90: seconds(wall.p90), count: wall.count, business: { median: seconds(biz.median), p90: seconds(biz.p90) } };
}

function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}

/** Every local date of the range, in order. */
function datesOf(q: ReportQuery): string[] {
  const dates: string[] = [];
  for (let date = localParts(q.from, q.timeZone).date; wallTimeToUtc(date, 0, q.timeZone) < q.to && dates.length < 500; date = nextDate(date)) dates.push(date);
  return dates;
}

/** Builds the report of `query` as `user` may see it. */
export function buildReport(core: Core, user: PublicUser, query: ReportQuery): Report {
  const hoursOf = memo((teamId: string | null): BusinessHoursSpec | null => hoursFor(core, teamId));
  const policyOf = memo((teamId: string | null): SlaPolicy | null => policyFor(core, teamId));
  const source = readReportSource(core, user, query, query.filters);
  const byKind = new Map<string, PointRow[]>();
  for (const p of source.points) {
    const list = byKind.get(p.kind);
    if (list) list.push(p);
    else byKind.set(p.kind, [p]);
  }
  const count = (kind: string) => byKind.get(kind) ?? [];
  const byMetric = (metric: TimeMetric) => count(metric) as Sample[];
  const samples = TIME_METRICS.flatMap(byMetric);
  const daily = new Map(datesOf(query).map((date) => [date, { date, opened: 0, resolved: 0, messagesIn: 0 }]));
  // Every zone's offset is a multiple of 15 minutes: one local reading per quarter hour is exact.
  const localOf = memo((quarter: number) => localParts(quarter * QUARTER, query.timeZone));
  const local = (at: number) => localOf(Math.floor(at / QUARTER));
  const dayOf = (at: number) => daily.get(local(at).date);
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const totals = { in: 0, out: 0, botAnswers: 0 };
  for (const o of source.opened) {
    const day = dayOf(Math.max(o.hour, query.from));
    if (day) day.opened += o.n;
  }
  for (const r of count('resolved')) {
    const day = dayOf(r.at);
    if (day) day.resolved++;
  }
  for (const m of source.messages) {
    if (m.direction !== 'inbound') {
      totals.out += m.n;
      if (m.senderType === 'bot') totals.botAnswers += m.n;
      continue;
    }
    totals.in += m.n;
    const at = Math.max(m.hour, query.from);
    const day = dayOf(at);
    if (day) day.messagesIn += m.n;
    const parts = local(at);
    heatmap[parts.weekday]![Math.floor(parts.minutes / 60)]! += m.n;
  }
  const handoffs = count('handoff').length;
  const botHandled = count('bot_handled').length;
  const csat = count('csat');
  return {
    range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString(), timeZone: query.timeZone },
    conversations: { opened: source.opened.reduce((a, o) => a + o.n, 0), resolved: count('resolved').length, reopened: count('reopened').length },
    messages: { in: totals.in, out: totals.out },
    firstResponseTime: timeFigure(byMetric('first_response')),
    replyTime: timeFigure(byMetric('reply')),
    resolutionTime: timeFigure(byMetric('resolution')),
    reopenResolutionTime: timeFigure(byMetric('reopen_resolution')),
    bot: {
      handled: botHandled, handoffs, answers: totals.botAnswers,
      handoffRate: botHandled + handoffs ? Math.round((handoffs / (botHandled + handoffs)) * 1000) / 10 : null,
      ratings: source.ratings,
    },
    sla: slaRows(samples, policyOf, hoursOf),
    csat: csatFigure(csat.map((p) => p.value!)),
    daily: [...daily.values()],
    heatmap,
    agents: agentRows(core, source, samples),
    teams: breakdown(source, (p) => p.currentTeamId, new Map(listTeams(core).map((t) => [t.id, t.name]))),
    channels: breakdown(source, (p) => p.channelId, new Map(listChannels(core).map((ch) => [ch.id, ch.name]))),
    intents: breakdown(source, (p) => p.intent, new Map()).map((r) => ({ ...r, name: r.id })),
  };
}

/** CSAT scores 1–5: how many, their average, and the share of 4s and 5s. */
function csatFigure(scores: number[]): Report['csat'] {
  const satisfied = scores.filter((s) => s >= 4).length;
  return { responses: scores.length, average: average(scores), satisfiedPercent: scores.length ? Math.round((satisfied / scores.length) * 1000) / 10 : null };
}

/** Samples held to their team's SLA policy (business hours when the policy says so). */
function slaRows(samples: Sample[], policyOf: (teamId: string | null) => SlaPolicy | null, hoursOf: (teamId: string | null) => BusinessHoursSpec | null): SlaRow[] {
  const rows = new Map<SlaRow['metric'], SlaRow>();
  for (const s of samples) {
    const target = SLA_OF[s.kind];
    const policy = target ? policyOf(s.teamId) : null;
    const minutes = target && policy ? policy[target.field] : null;
    if (!target || !policy || !minutes) continue;
    const elapsed = policy.businessHoursOnly && hoursOf(s.teamId) ? s.businessMs : s.ms;
    const row = rows.get(target.metric) ?? { metric: target.metric, met: 0, breached: 0 };
    if (elapsed <= minutes * 60_000) row.met++;
    else row.breached++;
    rows.set(target.metric, row);
  }
  return (['first_response', 'next_response', 'resolution'] as const).flatMap((m) => (rows.has(m) ? [rows.get(m)!] : []));
}

/** Per agent: conversations they wrote in, their messages, resolutions while assigned, median FRT, CSAT. */
function agentRows(core: Core, source: SourceRows, samples: Sample[]): AgentRow[] {
  const rows = new Map<string, AgentRow & { frt: number[]; scores: number[] }>();
  const names = new Map(listUsers(core).map((u) => [u.id, u.name]));
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, name: names.get(id) ?? id, conversations: 0, replies: 0, resolved: 0, firstResponseMedian: null, csatAverage: null, frt: [], scores: [] }));
    return r;
  };
  for (const m of source.agentMessages) Object.assign(row(m.agentId), { replies: m.replies, conversations: m.conversations });
  for (const s of samples) {
    if (!s.agentId) continue;
    if (s.kind === 'first_response') row(s.agentId).frt.push(s.ms);
    if (s.kind === 'resolution' || s.kind === 'reopen_resolution') row(s.agentId).resolved++;
  }
  for (const p of source.points) if (p.kind === 'csat' && p.agentId) row(p.agentId).scores.push(p.value!);
  return [...rows.values()].map(({ frt, scores, ...r }) => ({ ...r, firstResponseMedian: seconds(percentiles(frt).median), csatAverage: average(scores) }))
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));
}

/** Per team, channel or intent (the conversation's current team and channel, its first intent). */
function breakdown(source: SourceRows, keyOf: (p: { channelId: string; currentTeamId: string | null; intent: string | null }) => string | null, names: Map<string, string>): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow & { frt: number[]; res: number[]; scores: number[] }>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { id: key, name: names.get(key) ?? '', opened: 0, resolved: 0, firstResponseMedian: null, resolutionMedian: null, csatAverage: null, frt: [], res: [], scores: [] }));
    return r;
  };
  for (const o of source.opened) row(keyOf({ channelId: o.channelId, currentTeamId: o.teamId, intent: o.intent }) ?? '').opened += o.n;
  for (const p of source.points) {
    const r = row(keyOf(p) ?? '');
    if (p.kind === 'resolved') r.resolved++;
    else if (p.kind === 'first_response') r.frt.push(p.ms!);
    else if (p.kind === 'resolution') r.res.push(p.ms!);
    else if (p.kind === 'csat') r.scores.push(p.value!);
  }
  return [...rows.values()].filter((r) => r.opened || r.resolved || r.frt.length || r.res.length || r.scores.length)
    .map(({ frt, res, scores, ...r }) => ({ ...r, firstResponseMedian: seconds(percentiles(frt).median), resolutionMedian: seconds(percentiles(res).median), csatAverage: average(scores) }))
    .sort((a, b) => b.opened - a.opened || a.name.localeCompare(b.name));
}
