/**
 * Translations. Each feature keeps its strings in its own file (views/i18n/<feature>.ts) with the
 * same keys in every locale; this module merges them and picks the user's language.
 */
import { ai } from './ai';
import { apiTokens } from './api-tokens';
import { audit } from './audit';
import { channels } from './channels';
import { common } from './common';
import { inbox } from './inbox';
import { iconLabels } from './icon-labels';
import { inboxPanes } from './inbox-panes';
import { intentsCsv } from './intents-csv';
import { issues } from './issues';
import { mentions } from './mentions';
import { messageKinds } from './message-kinds';
import { outboundWebhooks } from './outbound-webhooks';
import { plugins } from './plugins';
import { realtime } from './realtime';
import { reports } from './reports';
import { csat } from './csat';
import { routing } from './routing';
import { routingAdmin } from './routing-admin';
import { search } from './search';
import { settings } from './settings';
import { simulator } from './simulator';
import { transfer } from './transfer';
import { validation } from './validation';
import type { FeatureMessages, Locale, Messages } from './types';

export type { Locale } from './types';
export { localizeIssue, localizeMessage, plural } from './localize';
export const SUPPORTED_LOCALES: Locale[] = ['en', 'es', 'pt-BR'];

const features: FeatureMessages[] = [common, audit, routing, routingAdmin, inbox, inboxPanes, iconLabels, messageKinds, mentions, channels, ai, search, settings, simulator, realtime, validation, issues, transfer, plugins, apiTokens, reports, csat, outboundWebhooks, intentsCsv];
const merged: Record<Locale, Messages> = { en: {}, es: {}, 'pt-BR': {} };
rebuild();

function rebuild(): void {
  for (const locale of SUPPORTED_LOCALES) merged[locale] = Object.assign({}, ...features.map((f) => f[locale]));
}

/** Adds a feature's (or plugin's) translations. */
export function registerMessages(messages: FeatureMessages): void {
  features.push(messages);
  rebuild();
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * A translate function for `locale`; missing keys fall back to English, then to the key itself.
 * Plurals: with a numeric `count`, the key's plural form for the language (`Intl.PluralRules`:
 * `<key>.one`, `<key>.other`, …) is used when the feature defines it.
 */
export function translator(locale: Locale): Translate {
  const table = merged[locale];
  const rules = new Intl.PluralRules(locale);
  return (key, vars) => {
    const form = typeof vars?.count === 'number' ? `${key}.${rules.select(vars.count)}` : null;
    const text = (form ? table[form] ?? table[`${key}.other`] : undefined) ?? table[key] ?? merged.en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

/** Chooses the UI language: the user's setting, else the best Accept-Language match, else Spanish. */
export function pickLocale(userLocale: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (userLocale && SUPPORTED_LOCALES.includes(userLocale as Locale)) return userLocale as Locale;
  const ranked = (acceptLanguage ?? '').split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('pt')) return 'pt-BR';
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'es';
}
