/**
 * Shows core's English messages (zod field messages, DomainError texts) in the user's language.
 * Core stays locale-free: its English text is the identifier, looked up as `v:<message>` in
 * views/i18n/validation.ts. Messages with a variable part (`{what} not found`, `Line {line}: …`)
 * are matched against the keys that contain `{name}` placeholders.
 */
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
