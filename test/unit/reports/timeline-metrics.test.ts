/** Response and resolution figures computed from hand-built conversation timelines. */
import { describe, expect, test } from 'bun:test';
import type { BusinessHoursSpec } from '../../../src/core/routing/business-hours';
import { percentiles, timelineFigures, type ConversationTimeline, type TimelineEvent, type TimelineMessage } from '../../../src/core/reports/timeline-metrics';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 12, 0); // Monday 2 March 2026, 12:00 UTC
const at = (minutes: number) => T0 + minutes * MIN;
const customer = (min: number): TimelineMessage => ({ direction: 'inbound', senderType: 'contact', senderId: 'c1', isPrivate: false, sentAt: at(min) });
const agent = (min: number, id = 'ana', isPrivate = false): TimelineMessage => ({ direction: 'outbound', senderType: 'agent', senderId: id, isPrivate, sentAt: at(min) });
const bot = (min: number): TimelineMessage => ({ direction: 'outbound', senderType: 'bot', senderId: null, isPrivate: false, sentAt: at(min) });
const ev = (min: number, kind: string, details: Record<string, unknown> = {}): TimelineEvent => ({ kind, createdAt: at(min), details });
const resolved = (min: number) => ev(min, 'status', { from: 'open', to: 'resolved' });
const alwaysOpen = () => null;
const figures = (messages: TimelineMessage[], events: TimelineEvent[] = [], hours: (team: string | null) => BusinessHoursSpec | null = alwaysOpen) =>
  timelineFigures({ createdAt: at(0), messages, events } satisfies ConversationTimeline, hours);
const minutesOf = (f: ReturnType<typeof figures>, metric: string) => f.samples.filter((s) => s.metric === metric).map((s) => s.ms / MIN);

describe('first response and reply times', () => {
  test('first response runs from the first customer message to the first human answer; later waits are reply times', () => {
    const f = figures([customer(0), customer(2), agent(5), customer(10), customer(11), agent(30, 'bob'), agent(31), customer(40), agent(44)]);
    expect(minutesOf(f, 'first_response')).toEqual([5]);
    expect(minutesOf(f, 'reply')).toEqual([20, 4]);
    expect(f.samples.find((s) => s.metric === 'reply')!.agentId).toBe('bob');
  });

  test('private notes, bot and automatic messages do not answer the customer', () => {
    const system: TimelineMessage = { ...agent(3), senderType: 'system', senderId: null };
    const f = figures([customer(0), agent(1, 'ana', true), system, bot(4), agent(9)]);
    expect(minutesOf(f, 'first_response')).toEqual([9]);
  });

  test('bot hand-off: the first response runs from the hand-off, not from the first message', () => {
    const f = figures([customer(0), bot(1), customer(5), agent(25)], [ev(10, 'bot.handoff')]);
    expect(minutesOf(f, 'first_response')).toEqual([15]);
    expect(f.handoffAt).toEqual([at(10)]);
    expect(f.botHandled).toBe(false);
  });

  test('the bot answering and the conversation being resolved counts as handled by the bot, with no first response', () => {
    const f = figures([customer(0), bot(1)], [resolved(6)]);
    expect(f.botHandled).toBe(true);
    expect(minutesOf(f, 'first_response')).toEqual([]);
    expect(minutesOf(f, 'resolution')).toEqual([6]);
  });

  test('a transfer does not restart the first response; the sample belongs to the new team and the answering agent', () => {
    const f = figures([customer(0), agent(20, 'bob')], [
      ev(1, 'assigned', { assigneeId: 'ana', teamId: 'sales' }),
      ev(12, 'assigned', { assigneeId: 'bob', teamId: 'support' }),
    ]);
    const first = f.samples.find((s) => s.metric === 'first_response')!;
    expect(first.ms).toBe(20 * MIN);
    expect(first).toMatchObject({ teamId: 'support', agentId: 'bob', at: at(20) });
  });

  test('an agent who writes first (outreach) leaves no first response; the customer answer then waits for a reply', () => {
    const f = figures([agent(0), customer(60), agent(70)]);
    expect(minutesOf(f, 'first_response')).toEqual([]);
    expect(minutesOf(f, 'reply')).toEqual([10]);
  });
});

describe('resolution and reopen', () => {
  test('resolution runs from creation to the first resolve; a reopen is counted and its own resolution is separate', () => {
    const f = figures([customer(0), agent(5), customer(100), agent(103)], [resolved(50), ev(100, 'reopened', { reason: 'customer_message' }), resolved(130)]);
    expect(minutesOf(f, 'resolution')).toEqual([50]);
    expect(minutesOf(f, 'reopen_resolution')).toEqual([30]);
    expect(f.reopenedAt).toEqual([at(100)]);
    expect(f.resolvedAt).toEqual([at(50), at(130)]);
    // The customer's message that reopened it waited for a reply like any other.
    expect(minutesOf(f, 'reply')).toEqual([3]);
  });

  test('resolving ends a wait without a reply sample', () => {
    const f = figures([customer(0), agent(5), customer(10), customer(300), agent(302)], [resolved(20), ev(300, 'status', { from: 'resolved', to: 'open' })]);
    expect(minutesOf(f, 'reply')).toEqual([2]);
    expect(f.reopenedAt).toEqual([at(300)]);
  });

  test('resolved before any human answered, reopened, then answered: the first response starts at the new message', () => {
    const f = figures([customer(0), bot(1), customer(200), agent(210)], [resolved(5), ev(200, 'reopened')]);
    expect(minutesOf(f, 'first_response')).toEqual([10]);
  });
});

describe('business-hours variants', () => {
  const weekdays: BusinessHoursSpec = {
    timezone: 'America/Bogota', holidays: [],
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
  };

  test('a wait across a weekend counts only the open minutes on Friday and Monday', () => {
    // Friday 6 March 2026 16:30 Bogotá (UTC-5) = 21:30 UTC → Monday 9 March 09:30 = 14:30 UTC.
    const friday = Date.UTC(2026, 2, 6, 21, 30);
    const monday = Date.UTC(2026, 2, 9, 14, 30);
    const f = timelineFigures({
      createdAt: friday, teamId: 'support',
      messages: [{ ...customer(0), sentAt: friday }, { ...agent(0), sentAt: monday }], events: [],
    }, (team) => (team === 'support' ? weekdays : null));
    const first = f.samples.find((s) => s.metric === 'first_response')!;
    expect(first.ms).toBe(monday - friday);
    expect(first.businessMs).toBe(60 * MIN);
  });

  test('a wait across the spring-forward change counts local opening hours on both days', () => {
    const everyDay: BusinessHoursSpec = { timezone: 'America/New_York', holidays: [], weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '09:00', to: '17:00' })) };
    // Saturday 7 March 2026 16:00 EST (21:00 UTC) → Sunday 8 March 10:00 EDT (14:00 UTC); clocks jump at 02:00 on Sunday.
    const saturday = Date.UTC(2026, 2, 7, 21, 0);
    const sunday = Date.UTC(2026, 2, 8, 14, 0);
    const f = timelineFigures({ createdAt: saturday, messages: [{ ...customer(0), sentAt: saturday }, { ...agent(0), sentAt: sunday }], events: [] }, () => everyDay);
    const first = f.samples.find((s) => s.metric === 'first_response')!;
    expect(first.ms).toBe(17 * 60 * MIN);
    expect(first.businessMs).toBe(2 * 60 * MIN);
  });

  test('a holiday counts as closed', () => {
    const withHoliday = { ...weekdays, holidays: ['2026-03-09'] };
    const friday = Date.UTC(2026, 2, 6, 21, 30);
    const tuesday = Date.UTC(2026, 2, 10, 14, 30);
    const f = timelineFigures({ createdAt: friday, messages: [{ ...customer(0), sentAt: friday }, { ...agent(0), sentAt: tuesday }], events: [] }, () => withHoliday);
    expect(f.samples[0]!.businessMs).toBe(60 * MIN);
  });
});

test('percentiles use the nearest rank', () => {
  expect(percentiles([])).toEqual({ median: null, p90: null, count: 0 });
  expect(percentiles([5, 1, 3])).toEqual({ median: 3, p90: 5, count: 3 });
  expect(percentiles(Array.from({ length: 10 }, (_, i) => i + 1))).toEqual({ median: 5, p90: 9, count: 10 });
});
