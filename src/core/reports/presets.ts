/** Date range presets of the reports page, as local dates (inclusive) in the report time zone. */
import { localParts } from '../routing/business-hours';

export const RANGE_PRESETS = ['today', 'yesterday', 'last7', 'last30', 'last90', 'this_month', 'last_month'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** `{from, to}` ('YYYY-MM-DD', both inclusive) of a preset, seen from instant `now` in `timeZone`. */
export function presetRange(preset: RangePreset, now: number, timeZone: string): { from: string; to: string } {
  const today = localParts(now, timeZone).date;
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'today': return { from: today, to: today };
    case 'yesterday': return { from: shift(today, -1), to: shift(today, -1) };
    case 'last7': return { from: shift(today, -6), to: today };
    case 'last30': return { from: shift(today, -29), to: today };
    case 'last90': return { from: shift(today, -89), to: today };
    case 'this_month': return { from: monthStart, to: today };
    case 'last_month': {
      const end = shift(monthStart, -1);
      return { from: `${end.slice(0, 8)}01`, to: end };
    }
  }
}

/** The inclusive local date range just before `from`–`to`, of the same number of days. */
export function previousDates(from: string, to: string): { from: string; to: string } {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return { from: shift(from, -days), to: shift(from, -1) };
}
