/**
 * Business hours: weekly local-time intervals in an IANA time zone, with holiday dates. Pure
 * functions; local time comes from `Intl.DateTimeFormat` with `timeZone`, so daylight-saving
 * changes are handled by the platform's zone data.
 */
export interface WeeklyInterval {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  from: string;
  to: string;
}

export interface BusinessHoursSpec {
  timezone: string;
  weekly: WeeklyInterval[];
  /** Local dates 'YYYY-MM-DD' closed all day. */
  holidays: string[];
}

interface LocalParts {
  date: string;
  weekday: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is a zone the platform knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local calendar date, weekday and minute-of-day of instant `at` in `timeZone`. */
export function localParts(at: number, timeZone: string): LocalParts {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const h = Number(parts.hour);
  const mi = Number(parts.minute);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS.indexOf(parts.weekday!), minutes: h * 60 + mi };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when instant `at` falls inside the opening hours (and not on a holiday). */
export function isOpenAt(spec: BusinessHoursSpec, at: number): boolean {
  const local = localParts(at, spec.timezone);
  if (spec.holidays.includes(local.date)) return false;
  return spec.weekly.some((i) => i.day === local.weekday && local.minutes >= toMinutes(i.from) && local.minutes < toMinutes(i.to));
}

/** UTC instant of local midnight starting the local day that contains `at`. */
function localMidnight(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  let guess = at - p.minutes * 60_000 - (at % 60_000);
  // Re-check once: the offset may differ at midnight on a DST day.
  const q = localParts(guess, timeZone);
  if (q.minutes !== 0) guess -= (q.minutes > 720 ? q.minutes - 1440 : q.minutes) * 60_000;
  return guess;
}

/** Local wall time (`date` + `minutes`) written as if it were UTC, to compare wall times as numbers. */
function wallAsUtc(date: string, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) + minutes * 60_000;
}

/**
 * UTC instant of local wall time `minutes` after midnight of local `date` in `timeZone`. Starts
 * from the wall time read as UTC and corrects by the zone's offset until the local reading matches,
 * so days whose offset changes (DST) are exact; a wall time skipped by the change lands after the gap.
 */
export function wallTimeToUtc(date: string, minutes: number, timeZone: string): number {
  const target = wallAsUtc(date, minutes);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const local = localParts(guess, timeZone);
    const diff = target - wallAsUtc(local.date, local.minutes);
    if (diff === 0) return guess;
    guess += diff;
  }
  return guess;
}

/** Open intervals [start, end) in UTC ms of the local day containing `at`. */
function openIntervalsOfDay(spec: BusinessHoursSpec, at: number): Array<[number, number]> {
  const local = localParts(at, spec.timezone);
  if (spec.holidays.includes(local.date)) return [];
  const boundary = (hhmm: string) => wallTimeToUtc(local.date, toMinutes(hhmm), spec.timezone);
  return spec.weekly.filter((i) => i.day === local.weekday)
    .map((i): [number, number] => [boundary(i.from), boundary(i.to)])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant when `durationMs` of open time has elapsed after `start` (an SLA due date counted in
 * business hours). Gives up after 400 days without opening hours and returns null.
 */
export function addBusinessTime(spec: BusinessHoursSpec, start: number, durationMs: number): number | null {
  let remaining = durationMs;
  let dayCursor = start;
  for (let day = 0; day < 400; day++) {
    for (const [from, to] of openIntervalsOfDay(spec, dayCursor)) {
      const s = Math.max(from, start);
      if (to <= s) continue;
      if (to - s >= remaining) return s + remaining;
      remaining -= to - s;
    }
    dayCursor = localMidnight(dayCursor, spec.timezone) + 26 * 3600_000;
    dayCursor = localMidnight(dayCursor, spec.timezone);
  }
  return null;
}

/** Open time in ms between `from` and `to` (SLA elapsed time in business hours). */
export function businessTimeBetween(spec: BusinessHoursSpec, from: number, to: number): number {
  let total = 0;
  let dayCursor = from;
  for (let day = 0; day < 400 && dayCursor < to; day++) {
    for (const [a, b] of openIntervalsOfDay(spec, dayCursor)) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
    dayCursor = localMidnight(localMidnight(dayCursor, spec.timezone) + 26 * 3600_000, spec.timezone);
  }
  return total;
}
