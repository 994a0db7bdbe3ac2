/**
 * Shows core's English messages (zod field messages, DomainError texts) in the user's language.
 * Core stays locale-free: its English text is the identifier, looked up as `v:<message>` in
 * views/i18n/validation.ts. Messages with a variable part (`{what} not found`, `Line {line}: …`)
 * are matched against the keys that contain `{name}` placeholders.
 */
import { z } from 'zod';
import type { Translate } from './index';
import { validation } from './validation';

/** Placeholders whose captured text is itself a core message, localized in turn. */
const NESTED_MESSAGES = new Set(['problem']);

interface Pattern { key: string; regex: RegExp; names: string[]; fixed: number }

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regexes for the keys with placeholders, the most specific (longest fixed text) first. */
const patterns = Object.keys(validation.en)
  .filter((key) => /\{\w+\}/.test(key))
  .map((key) => {
    const template = key.slice(2);
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const source = template.split(/\{\w+\}/).map(escapeRegex).join('(.+?)');
    const pattern: Pattern = { key, names, regex: new RegExp(`^${source}$`, 's'), fixed: template.replace(/\{\w+\}/g, '').length };
    return pattern;
  })
  .sort((a, b) => b.fixed - a.fixed);

/** The translation of a core message for `t`'s locale, or the message unchanged when none exists. */
export function localizeMessage(t: Translate, message: string): string {
  const exact = `v:${message}`;
  if (exact in validation.en) return t(exact);
  for (const { key, regex, names } of patterns) {
    const match = regex.exec(message);
    if (!match) continue;
    const vars = Object.fromEntries(names.map((name, i) => {
      const value = match[i + 1]!;
      return [name, NESTED_MESSAGES.has(name) ? localizeMessage(t, value) : value];
    }));
    return t(key, vars);
  }
  return message;
}

/**
 * `key.one` / `key.other` (…) for `n` by the reader's language's plural rules (Intl.PluralRules),
 * with `{n}` filled in; falls back to `.other` when a language has no key for that category.
 */
export function plural(t: Translate, key: string, n: number): string {
  const category = new Intl.PluralRules(t('locale.tag')).select(n);
  const exact = `${key}.${category}`;
  const text = t(exact, { n });
  return text === exact ? t(`${key}.other`, { n }) : text;
}

/** What a zod issue carries that decides its wording (a structural view of zod's issue types). */
interface IssueLike {
  code: string;
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  expected?: string;
  format?: string;
  input?: unknown;
}

const englishDefaults = z.locales.en().localeError;

/** True when the issue's message is zod's own English wording (no custom message was given). */
function isZodWording(issue: IssueLike): boolean {
  if (issue.code === 'invalid_type') return /^Invalid input: expected \w+, received \w+$/.test(issue.message);
  const rendered = englishDefaults?.(issue as never);
  return (typeof rendered === 'string' ? rendered : rendered?.message) === issue.message;
}

/**
 * A zod issue in the reader's language. zod's own wording (string/array/number limits, missing or
 * mistyped values, e-mail/URL formats) is rendered from the issue's code and limits, plural-aware;
 * a custom message is a core message, translated by `localizeMessage`.
 */
export function localizeIssue(t: Translate, issue: IssueLike): string {
  if (!isZodWording(issue)) return localizeMessage(t, issue.message);
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return plural(t, `issue.${issue.code}.${issue.origin}`, limit);
      if (issue.origin === 'number' || issue.origin === 'int') return t(`issue.${issue.code}.number`, { n: limit });
      return t('issue.invalid');
    case 'invalid_type':
      if (/received (undefined|null)$/.test(issue.message)) return t('issue.required');
      return issue.expected === 'number' ? t('issue.number') : issue.expected === 'int' ? t('issue.integer') : t('issue.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('issue.email') : issue.format === 'url' ? t('issue.url') : t('issue.invalid');
    default:
      return t('issue.invalid');
  }
}
