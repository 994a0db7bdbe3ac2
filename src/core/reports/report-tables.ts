/**
 * The report as flat tables (one object per row, the same keys in JSON and as CSV columns) and
 * the summary shape of `GET /api/v1/reports/summary`. Times are in seconds.
 */
import type { Report, TimeFigure } from './report';

export const REPORT_TABLES = ['summary', 'daily', 'agents', 'teams', 'channels', 'intents', 'sla', 'heatmap'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export type ReportRow = Record<string, string | number | null>;

const pick = (f: TimeFigure) => ({ median: f.median, p90: f.p90, count: f.count, businessHours: f.business });

/** `{conversations, firstResponseTime, resolutionTime, csat, …}`: the headline figures. */
export function reportSummary(report: Report) {
  return {
    range: report.range,
    conversations: report.conversations,
    messages: report.messages,
    firstResponseTime: pick(report.firstResponseTime),
    replyTime: pick(report.replyTime),
    resolutionTime: pick(report.resolutionTime),
    reopenResolutionTime: pick(report.reopenResolutionTime),
    bot: report.bot,
    sla: report.sla,
    csat: report.csat,
  };
}

function summaryRows(report: Report): ReportRow[] {
  const time = (metric: string, f: TimeFigure): ReportRow[] => [
    { metric: `${metric}_median_seconds`, value: f.median },
    { metric: `${metric}_p90_seconds`, value: f.p90 },
    { metric: `${metric}_business_hours_median_seconds`, value: f.business.median },
    { metric: `${metric}_business_hours_p90_seconds`, value: f.business.p90 },
    { metric: `${metric}_count`, value: f.count },
  ];
  return [
    { metric: 'conversations_opened', value: report.conversations.opened },
    { metric: 'conversations_resolved', value: report.conversations.resolved },
    { metric: 'conversations_reopened', value: report.conversations.reopened },
    { metric: 'messages_in', value: report.messages.in },
    { metric: 'messages_out', value: report.messages.out },
    ...time('first_response', report.firstResponseTime),
    ...time('reply', report.replyTime),
    ...time('resolution', report.resolutionTime),
    ...time('reopen_resolution', report.reopenResolutionTime),
    { metric: 'bot_handled', value: report.bot.handled },
    { metric: 'bot_handoffs', value: report.bot.handoffs },
    { metric: 'bot_handoff_rate_percent', value: report.bot.handoffRate },
    { metric: 'csat_responses', value: report.csat.responses },
    { metric: 'csat_average', value: report.csat.average },
    { metric: 'csat_satisfied_percent', value: report.csat.satisfiedPercent },
  ];
}

/** The rows of one table of the report. */
export function reportRows(report: Report, table: ReportTable): ReportRow[] {
  switch (table) {
    case 'summary': return summaryRows(report);
    case 'daily': return report.daily;
    case 'agents': return report.agents.map((a) => ({ ...a }));
    case 'teams': return report.teams.map((r) => ({ ...r }));
    case 'channels': return report.channels.map((r) => ({ ...r }));
    case 'intents': return report.intents.map((r) => ({ ...r }));
    case 'sla': return report.sla.map((r) => ({ ...r }));
    case 'heatmap': return report.heatmap.flatMap((hours, weekday) => hours.map((messages, hour) => ({ weekday, hour, messages })));
  }
}

/** Column names of a table (stable even when it has no rows). */
export const REPORT_COLUMNS: Record<ReportTable, string[]> = {
  summary: ['metric', 'value'],
  daily: ['date', 'opened', 'resolved', 'messagesIn'],
  agents: ['id', 'name', 'conversations', 'replies', 'resolved', 'firstResponseMedian', 'csatAverage'],
  teams: ['id', 'name', 'opened', 'resolved', 'firstResponseMedian', 'resolutionMedian', 'csatAverage'],
  channels: ['id', 'name', 'opened', 'resolved', 'firstResponseMedian', 'resolutionMedian', 'csatAverage'],
  intents: ['id', 'name', 'opened', 'resolved', 'firstResponseMedian', 'resolutionMedian', 'csatAverage'],
  sla: ['metric', 'met', 'breached'],
  heatmap: ['weekday', 'hour', 'messages'],
};
