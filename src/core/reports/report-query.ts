/**
 * What a report is asked for: a date range (ISO dates, read as whole days in the company's time
 * zone, `to` inclusive; or ISO instants, `to` exclusive) and optional filters. Agents only ever get
 * their own conversations.
 */
import { z } from 'zod';
import type { Core } from '../context';
import { fail } from '../errors';
import { hoursFor } from '../routing/hours-store';
import { wallTimeToUtc } from '../routing/business-hours';
import type { PublicUser } from '../types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOrInstant = z.string().trim().refine((v) => DATE.test(v) || !Number.isNaN(Date.parse(v)), 'Use an ISO date such as 2026-03-31');
const optionalId = z.string().trim().max(64).optional().transform((v) => v || undefined);
const MAX_RANGE_DAYS = 400;

export const reportQuerySchema = z.object({
  from: dateOrInstant,
  to: dateOrInstant,
  teamId: optionalId,
  agentId: optionalId,
  channelId: optionalId,
  labelId: optionalId,
  intent: optionalId,
});
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

export interface ReportFilters {
  teamId?: string;
  agentId?: string;
  channelId?: string;
  labelId?: string;
  intent?: string;
}

export interface ReportRange {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** The zone days, the daily series and the heat map are read in. */
  timeZone: string;
}

export interface ReportQuery extends ReportRange {
  filters: ReportFilters;
}

/** The zone reports use: the company's business hours zone, else UTC. */
export function reportTimeZone(core: Core): string {
  return hoursFor(core, null)?.timezone ?? 'UTC';
}

/** The calendar date after `date` ('YYYY-MM-DD'). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/**
 * Validates the query and turns it into instants; refuses (unprocessable, field `to`) a range that
 * is empty, reversed or longer than 400 days. An agent's `agentId` is forced
 * to themselves.
 */
export function resolveReportQuery(core: Core, user: PublicUser, input: ReportQueryInput): ReportQuery {
  const data = reportQuerySchema.parse(input);
  const timeZone = reportTimeZone(core);
  const from = DATE.test(data.from) ? wallTimeToUtc(data.from, 0, timeZone) : Date.parse(data.from);
  const to = DATE.test(data.to) ? wallTimeToUtc(nextDate(data.to), 0, timeZone) : Date.parse(data.to);
  const problem = to <= from ? 'The end of the range must be after its start' : to - from > MAX_RANGE_DAYS * 86_400_000 ? `Choose at most ${MAX_RANGE_DAYS} days` : null;
  if (problem) throw fail.unprocessable(problem, { field: 'to' });
  const { from: _f, to: _t, ...filters } = data;
  if (user.role === 'agent') filters.agentId = user.id;
  return { from, to, timeZone, filters };
}
