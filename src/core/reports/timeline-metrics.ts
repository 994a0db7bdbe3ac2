/**
 * Response and resolution figures of ONE conversation, computed from its timeline (messages +
 * conversation events) by a single walk in time order. Pure: no database, no clock.
 *
 * Formulas (also shown in the reports page's help panel):
 * - first response: the customer's first message, or the bot's hand-off when it came later → the
 *   first customer-facing message of a human agent. A transfer does not restart it. A conversation
 *   resolved before any human answered (e.g. the bot handled it) has none; after a reopen the
 *   wait starts again from the customer's next message.
 * - reply: after the first response, the customer's first unanswered message → the next agent
 *   message. Bot and automatic messages do not answer; resolving ends the wait without a sample.
 * - resolution: creation → the first time it was resolved. A later resolution after a reopen is a
 *   separate `reopen_resolution` sample (reopen → resolved) and the reopen itself is counted.
 * Every sample belongs to the instant it completed (`at`), so a conversation that started before a
 * report's range counts where it was answered or resolved. Business-hours variants count only open
 * time in the hours of the team the conversation had at that moment.
 */
import { businessTimeBetween, type BusinessHoursSpec } from '../routing/business-hours';

export interface TimelineMessage {
  direction: 'inbound' | 'outbound';
  senderType: 'contact' | 'agent' | 'bot' | 'system';
  senderId: string | null;
  isPrivate: boolean;
  sentAt: number;
}

export interface TimelineEvent {
  kind: string;
  createdAt: number;
  details: Record<string, unknown>;
}

export interface ConversationTimeline {
  createdAt: number;
  /** Team and assignee when the conversation was created (usually none); events move them. */
  teamId?: string | null;
  assigneeId?: string | null;
  messages: TimelineMessage[];
  events: TimelineEvent[];
}

export const TIME_METRICS = ['first_response', 'reply', 'resolution', 'reopen_resolution'] as const;
export type TimeMetric = (typeof TIME_METRICS)[number];

export interface MetricSample {
  metric: TimeMetric;
  /** When the sample completed (the answer or the resolution). */
  at: number;
  ms: number;
  /** Open time only, in the hours of `teamId` (or the company's); equals `ms` when none are set. */
  businessMs: number;
  /** The agent who answered (response metrics) or the assignee at resolution. */
  agentId: string | null;
  teamId: string | null;
}

export interface TimelineFigures {
  samples: MetricSample[];
  /** Instants the conversation was resolved / reopened. */
  resolvedAt: number[];
  reopenedAt: number[];
  /** Hand-offs from the bot to people. */
  handoffAt: number[];
  /** Resolved at least once with bot answers and no human message before that. */
  botHandled: boolean;
}

type Item = { at: number; order: number; message?: TimelineMessage; event?: TimelineEvent };

/** Inbound messages first, then timeline events, then outbound messages when instants tie. */
function ordered(t: ConversationTimeline): Item[] {
  const items: Item[] = [
    ...t.messages.map((m) => ({ at: m.sentAt, order: m.direction === 'inbound' ? 0 : 2, message: m })),
    ...t.events.map((e) => ({ at: e.createdAt, order: 1, event: e })),
  ];
  return items.sort((a, b) => a.at - b.at || a.order - b.order);
}

const isReopen = (e: TimelineEvent) => e.kind === 'reopened' || (e.kind === 'status' && e.details.from === 'resolved' && e.details.to !== 'resolved');
const isResolve = (e: TimelineEvent) => e.kind === 'status' && e.details.to === 'resolved' && e.details.from !== 'resolved';
const isHumanAnswer = (m: TimelineMessage) => m.direction === 'outbound' && !m.isPrivate && m.senderType === 'agent';

/**
 * Walks one conversation's timeline and returns its samples and counts. `hoursOf(teamId)` gives
 * the business hours to use for a team (null: always open).
 */
export function timelineFigures(t: ConversationTimeline, hoursOf: (teamId: string | null) => BusinessHoursSpec | null): TimelineFigures {
  const figures: TimelineFigures = { samples: [], resolvedAt: [], reopenedAt: [], handoffAt: [], botHandled: false };
  let teamId = t.teamId ?? null;
  let assigneeId = t.assigneeId ?? null;
  let firstDone = false;
  let firstFrom: number | null = null;
  let waitingFrom: number | null = null;
  let reopenFrom: number | null = null;
  let humanSpoke = false;
  let botSpoke = false;
  const sample = (metric: TimeMetric, from: number, at: number, agentId: string | null) => {
    const hours = hoursOf(teamId);
    const ms = Math.max(0, at - from);
    figures.samples.push({ metric, at, ms, businessMs: hours ? businessTimeBetween(hours, from, at) : ms, agentId, teamId });
  };
  for (const item of ordered(t)) {
    const m = item.message;
    if (m) {
      if (m.direction === 'inbound') {
        if (!firstDone) firstFrom ??= m.sentAt;
        else waitingFrom ??= m.sentAt;
      } else if (isHumanAnswer(m)) {
        humanSpoke = true;
        if (!firstDone) {
          // An agent who writes first (outreach) leaves no first-response sample.
          if (firstFrom !== null) sample('first_response', firstFrom, m.sentAt, m.senderId ?? assigneeId);
          firstDone = true;
        } else if (waitingFrom !== null) {
          sample('reply', waitingFrom, m.sentAt, m.senderId ?? assigneeId);
        }
        waitingFrom = null;
      } else if (m.senderType === 'bot' && !m.isPrivate) {
        botSpoke = true;
      }
      continue;
    }
    const e = item.event!;
    if (e.kind === 'assigned') {
      assigneeId = (e.details.assigneeId as string | null | undefined) ?? null;
      teamId = (e.details.teamId as string | null | undefined) ?? null;
    } else if (e.kind === 'bot.handoff') {
      figures.handoffAt.push(e.createdAt);
      if (!firstDone) firstFrom = e.createdAt;
    } else if (isResolve(e)) {
      figures.resolvedAt.push(e.createdAt);
      if (figures.resolvedAt.length === 1) {
        sample('resolution', t.createdAt, e.createdAt, assigneeId);
        if (botSpoke && !humanSpoke) figures.botHandled = true;
      } else if (reopenFrom !== null) {
        sample('reopen_resolution', reopenFrom, e.createdAt, assigneeId);
      }
      reopenFrom = null;
      waitingFrom = null;
      if (!firstDone) firstFrom = null;
    } else if (isReopen(e)) {
      figures.reopenedAt.push(e.createdAt);
      reopenFrom = e.createdAt;
    }
  }
  return figures;
}

/** Median and 90th percentile (nearest-rank) of `values`, in the same unit; nulls when empty. */
export function percentiles(values: number[]): { median: number | null; p90: number | null; count: number } {
  if (values.length === 0) return { median: null, p90: null, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { median: rank(0.5), p90: rank(0.9), count: sorted.length };
}
