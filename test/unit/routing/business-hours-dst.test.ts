/** Business-hours boundaries on days whose UTC offset changes (DST), consistent with isOpenAt (I8). */
import { expect, test } from 'bun:test';
import { addBusinessTime, isOpenAt, type BusinessHoursSpec } from '../../../src/core/routing/business-hours';

const everyDay = (timezone: string, from: string, to: string): BusinessHoursSpec =>
  ({ timezone, weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from, to })), holidays: [] });
const MIN = 60_000;

test('New York, spring forward (2024-03-10): 09:00 local is 13:00 UTC', () => {
  const spec = everyDay('America/New_York', '09:00', '17:00');
  const early = Date.UTC(2024, 2, 10, 10, 0); // 06:00 EDT
  expect(addBusinessTime(spec, early, 30 * MIN)).toBe(Date.UTC(2024, 2, 10, 13, 30));
  expect(isOpenAt(spec, Date.UTC(2024, 2, 10, 12, 59))).toBe(false);
  expect(isOpenAt(spec, Date.UTC(2024, 2, 10, 13, 0))).toBe(true);
});

test('New York, fall back (2024-11-03): 09:00 local is 14:00 UTC', () => {
  const spec = everyDay('America/New_York', '09:00', '17:00');
  const early = Date.UTC(2024, 10, 3, 10, 0); // 05:00 EST
  expect(addBusinessTime(spec, early, 30 * MIN)).toBe(Date.UTC(2024, 10, 3, 14, 30));
  expect(isOpenAt(spec, Date.UTC(2024, 10, 3, 13, 59))).toBe(false);
  expect(isOpenAt(spec, Date.UTC(2024, 10, 3, 14, 0))).toBe(true);
  // Closing at 17:00 EST = 22:00 UTC: 30 minutes from 16:45 local run into the next day.
  expect(addBusinessTime(spec, Date.UTC(2024, 10, 3, 21, 45), 30 * MIN)).toBe(Date.UTC(2024, 10, 4, 14, 15));
});

test('Santiago, DST starts at midnight (2024-09-08): 08:00 + 30 business minutes is 08:30 local (11:30 UTC)', () => {
  const spec = everyDay('America/Santiago', '08:00', '18:00');
  const start = Date.UTC(2024, 8, 8, 11, 0); // 08:00 at UTC-3
  expect(isOpenAt(spec, start)).toBe(true);
  expect(isOpenAt(spec, start - MIN)).toBe(false);
  expect(addBusinessTime(spec, start, 30 * MIN)).toBe(Date.UTC(2024, 8, 8, 11, 30));
  expect(addBusinessTime(spec, Date.UTC(2024, 8, 8, 5, 0), 30 * MIN)).toBe(Date.UTC(2024, 8, 8, 11, 30));
});
