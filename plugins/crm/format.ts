/** Small display helpers shared by the panel and the board. */
import type { Locale } from 'turno/plugin';
import type { Deal, Pipeline, Stage } from './store';

/** A translator bound to one language (the plugin's messages first, then the host's). */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** A pipeline's or stage's name: what someone typed, or its translated default. */
export function nameOf(item: Pick<Pipeline | Stage, 'name' | 'nameKey'>, t: T): string {
  return item.name ?? (item.nameKey ? t(item.nameKey) : '');
}

/** Minor units as money in the viewer's locale, e.g. 150000 EUR → "1.500,00 €" in Spanish. */
export function money(cents: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/**
 * Sums per currency, e.g. "1.500,00 € · 200,00 US$" (deals in several currencies are not
 * converted); zero in `fallbackCurrency` when there are no deals.
 */
export function totals(deals: Deal[], locale: Locale, fallbackCurrency: string): string {
  const sums = new Map<string, number>();
  for (const deal of deals) sums.set(deal.currency, (sums.get(deal.currency) ?? 0) + deal.valueCents);
  if (sums.size === 0) return money(0, fallbackCurrency, locale);
  return [...sums].map(([currency, cents]) => money(cents, currency, locale)).join(' · ');
}
