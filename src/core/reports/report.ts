/**
 * A report over a range: volume, response and resolution times (median and p90, wall-clock and
 * business hours), bot vs human, SLA met/breached, CSAT, a daily series, an hour × weekday heat
 * map of incoming messages, and per agent / team / channel tables. Computed from the timeline
 * (`report-data.ts`) with the formulas of `timeline-metrics.ts`. Times are in seconds.
 */
import type { Core } from '../context';
import { listChannels } from '../channels';
import { localParts, wallTimeToUtc, type BusinessHoursSpec } from '../routing/business-hours';
import { hoursFor } from '../routing/hours-store';
import { policyFor, type SlaPolicy } from '../routing/sla';
import { listTeams } from '../teams';
import type { PublicUser } from '../types';
import { listUsers } from '../users';
import { botRatingCounts, loadReportConversations, type ReportConversation } from './report-data';
import { nextDate, type ReportQuery } from './report-query';
import { percentiles, timelineFigures, type MetricSample, type TimeMetric, type TimelineFigures } from './timeline-metrics';

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
}

/** Which SLA target each time metric is held to. */
const SLA_OF: Partial<Record<TimeMetric, { metric: SlaRow['metric']; field: 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' }>> = {
  first_response: { metric: 'first_response', field: 'firstResponseMinutes' },
  reply: { metric: 'next_response', field: 'nextResponseMinutes' },
  resolution: { metric: 'resolution', field: 'resolutionMinutes' },
};

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);

function timeFigure(samples: MetricSample[]): TimeFigure {
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

interface Scored {
  conversation: ReportConversation;
  figures: TimelineFigures;
  csat: Array<{ at: number; score: number }>;
}

/** Builds the report of `query` as `user` may see it. */
export function buildReport(core: Core, user: PublicUser, query: ReportQuery): Report {
  const inRange = (at: number) => at >= query.from && at < query.to;
  const hoursOf = memo((teamId: string | null): BusinessHoursSpec | null => hoursFor(core, teamId));
  const policyOf = memo((teamId: string | null): SlaPolicy | null => policyFor(core, teamId));
  const scored: Scored[] = loadReportConversations(core, user, query, query.filters).map((conversation) => ({
    conversation,
    figures: timelineFigures(conversation, hoursOf),
    csat: conversation.events.filter((e) => e.kind === 'csat.answered' && typeof e.details.score === 'number').map((e) => ({ at: e.createdAt, score: e.details.score as number })),
  }));
  const samples = scored.flatMap((s) => s.figures.samples.filter((x) => inRange(x.at)));
  const byMetric = (metric: TimeMetric) => samples.filter((s) => s.metric === metric);
  const dates = datesOf(query);
  const daily = new Map(dates.map((date) => [date, { date, opened: 0, resolved: 0, messagesIn: 0 }]));
  const dayOf = (at: number) => daily.get(localParts(at, query.timeZone).date);
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const counts = { opened: 0, resolved: 0, reopened: 0, in: 0, out: 0, botHandled: 0, handoffs: 0, botAnswers: 0 };
  for (const { conversation: c, figures: f } of scored) {
    if (inRange(c.createdAt)) {
      counts.opened++;
      dayOf(c.createdAt)!.opened++;
    }
    for (const at of f.resolvedAt.filter(inRange)) {
      counts.resolved++;
      dayOf(at)!.resolved++;
    }
    counts.reopened += f.reopenedAt.filter(inRange).length;
    counts.handoffs += f.handoffAt.filter(inRange).length;
    if (f.botHandled && f.resolvedAt[0] !== undefined && inRange(f.resolvedAt[0])) counts.botHandled++;
    for (const m of c.messages) {
      if (!inRange(m.sentAt) || m.isPrivate) continue;
      if (m.direction === 'inbound') {
        counts.in++;
        dayOf(m.sentAt)!.messagesIn++;
        const local = localParts(m.sentAt, query.timeZone);
        heatmap[local.weekday]![Math.floor(local.minutes / 60)]!++;
      } else {
        counts.out++;
        if (m.senderType === 'bot') counts.botAnswers++;
      }
    }
  }
  const csat = scored.flatMap((s) => s.csat.filter((x) => inRange(x.at)));
  const botCovered = counts.botHandled + counts.handoffs;
  return {
    range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString(), timeZone: query.timeZone },
    conversations: { opened: counts.opened, resolved: counts.resolved, reopened: counts.reopened },
    messages: { in: counts.in, out: counts.out },
    firstResponseTime: timeFigure(byMetric('first_response')),
    replyTime: timeFigure(byMetric('reply')),
    resolutionTime: timeFigure(byMetric('resolution')),
    reopenResolutionTime: timeFigure(byMetric('reopen_resolution')),
    bot: {
      handled: counts.botHandled, handoffs: counts.handoffs, answers: counts.botAnswers,
      handoffRate: botCovered ? Math.round((counts.handoffs / botCovered) * 1000) / 10 : null,
      ratings: botRatingCounts(core, query, new Set(scored.map((s) => s.conversation.id))),
    },
    sla: slaRows(samples, policyOf, hoursOf),
    csat: csatFigure(csat.map((x) => x.score)),
    daily: [...daily.values()],
    heatmap,
    agents: agentRows(core, scored, samples, inRange),
    teams: breakdown(scored, samples, inRange, (c) => c.currentTeamId, new Map(listTeams(core).map((t) => [t.id, t.name]))),
    channels: breakdown(scored, samples, inRange, (c) => c.channelId, new Map(listChannels(core).map((ch) => [ch.id, ch.name]))),
  };
}

/** CSAT scores 1–5: how many, their average, and the share of 4s and 5s. */
function csatFigure(scores: number[]): Report['csat'] {
  const satisfied = scores.filter((s) => s >= 4).length;
  return { responses: scores.length, average: average(scores), satisfiedPercent: scores.length ? Math.round((satisfied / scores.length) * 1000) / 10 : null };
}

/** Samples held to their team's SLA policy (business hours when the policy says so). */
function slaRows(samples: MetricSample[], policyOf: (teamId: string | null) => SlaPolicy | null, hoursOf: (teamId: string | null) => BusinessHoursSpec | null): SlaRow[] {
  const rows = new Map<SlaRow['metric'], SlaRow>();
  for (const s of samples) {
    const target = SLA_OF[s.metric];
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

/** Per agent: conversations they wrote in, their replies, resolutions while assigned, median FRT, CSAT. */
function agentRows(core: Core, scored: Scored[], samples: MetricSample[], inRange: (at: number) => boolean): AgentRow[] {
  const rows = new Map<string, AgentRow & { frt: number[]; scores: number[] }>();
  const names = new Map(listUsers(core).map((u) => [u.id, u.name]));
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, name: names.get(id) ?? id, conversations: 0, replies: 0, resolved: 0, firstResponseMedian: null, csatAverage: null, frt: [], scores: [] }));
    return r;
  };
  for (const { conversation: c, csat } of scored) {
    const writers = new Set<string>();
    for (const m of c.messages) {
      if (m.direction !== 'outbound' || m.isPrivate || m.senderType !== 'agent' || !m.senderId || !inRange(m.sentAt)) continue;
      row(m.senderId).replies++;
      writers.add(m.senderId);
    }
    for (const id of writers) row(id).conversations++;
    if (c.currentAssigneeId) for (const x of csat) if (inRange(x.at)) row(c.currentAssigneeId).scores.push(x.score);
  }
  for (const s of samples) {
    if (!s.agentId) continue;
    if (s.metric === 'first_response') row(s.agentId).frt.push(s.ms);
    if (s.metric === 'resolution' || s.metric === 'reopen_resolution') row(s.agentId).resolved++;
  }
  return [...rows.values()].map(({ frt, scores, ...r }) => ({ ...r, firstResponseMedian: seconds(percentiles(frt).median), csatAverage: average(scores) }))
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));
}

/** Per team or channel (by the conversation's current one). */
function breakdown(scored: Scored[], samples: MetricSample[], inRange: (at: number) => boolean, keyOf: (c: ReportConversation) => string | null, names: Map<string, string>): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow & { frt: number[]; res: number[]; scores: number[] }>();
  const sampleOwner = new Map<MetricSample, string>();
  for (const { conversation: c, figures, csat } of scored) {
    const key = keyOf(c) ?? '';
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { id: key, name: names.get(key) ?? '', opened: 0, resolved: 0, firstResponseMedian: null, resolutionMedian: null, csatAverage: null, frt: [], res: [], scores: [] }));
    if (inRange(c.createdAt)) r.opened++;
    r.resolved += figures.resolvedAt.filter(inRange).length;
    r.scores.push(...csat.filter((x) => inRange(x.at)).map((x) => x.score));
    for (const s of figures.samples) sampleOwner.set(s, key);
  }
  for (const s of samples) {
    const r = rows.get(sampleOwner.get(s)!)!;
    if (s.metric === 'first_response') r.frt.push(s.ms);
    if (s.metric === 'resolution') r.res.push(s.ms);
  }
  return [...rows.values()].filter((r) => r.opened || r.resolved || r.frt.length || r.res.length)
    .map(({ frt, res, scores, ...r }) => ({ ...r, firstResponseMedian: seconds(percentiles(frt).median), resolutionMedian: seconds(percentiles(res).median), csatAverage: average(scores) }))
    .sort((a, b) => b.opened - a.opened || a.name.localeCompare(b.name));
}
