/**
 * What the CRM's route files share: the store, the deal actions, its settings
 * and a translator per language. Built once in index.ts `setup`.
 */
import { z, type Locale } from 'turno/plugin';
import type { Deals } from './deals';
import type { T } from './format';
import type { CrmStore } from './store';

/** Settings an admin edits on Admin → Plugins (a form is generated from this schema). */
export const settingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR').describe('Currency of new deals (ISO 4217 code, e.g. EUR, USD, MXN, BRL)'),
  rottingDays: z.number().int().min(1).max(365).default(14).describe('Open deals without activity for this many days are highlighted on the board'),
});
export type CrmSettings = z.output<typeof settingsSchema>;

export interface Crm {
  store: CrmStore;
  deals: Deals;
  /** The saved settings, or the defaults until an admin saves some. */
  settings(): CrmSettings;
  /** A translator for `locale` (the plugin's messages, then Turno's). */
  tr(locale: Locale): T;
}

/** An HTML response. */
export function htmlResponse(markup: { toString(): string }, status = 200): Response {
  return new Response(markup.toString(), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
