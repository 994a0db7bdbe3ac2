/** Small formatting helpers of the inbox views: initials, relative and absolute times, sizes, safe links. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';

/** Up to two initials of a name ("Ana María" → "AM"); "?" when empty. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.slice(0, 2).map((p) => [...p][0]!.toUpperCase()).join('')) || '?';
}

/** A short relative time ("now", "5 min", "3 h", "2 d"). */
export function relativeTime(t: Translate, at: number, now: number): string {
  const min = Math.floor(Math.max(0, now - at) / 60_000);
  if (min < 1) return t('inbox.time.now');
  if (min < 60) return t('inbox.time.min', { n: min });
  if (min < 48 * 60) return t('inbox.time.hours', { n: Math.floor(min / 60) });
  return t('inbox.time.days', { n: Math.floor(min / 1440) });
}

/** How a `<time>` is shown: static/local-time.js has the same table (keep both in sync). */
export type TimeFormat = 'time' | 'date' | 'datetime' | 'day';

const TIME_FORMATS: Record<TimeFormat, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit' },
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  day: { day: 'numeric', month: 'long', year: 'numeric' },
};

const utcFormatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar day key (YYYY-MM-DD, UTC) of the server-rendered day separators; the browser regroups by its own zone. */
export function dayKey(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * An instant as `<time datetime="<ISO UTC>" data-fmt="…">`: the text is a UTC fallback in the
 * reader's language ('locale.tag'); static/local-time.js rewrites it in the browser's time zone.
 */
export function timeTag(t: Translate, at: number, fmt: TimeFormat, cls = ''): SafeHtml {
  const key = `${t('locale.tag')}|${fmt}`;
  let formatter = utcFormatters.get(key);
  if (!formatter) utcFormatters.set(key, formatter = new Intl.DateTimeFormat(t('locale.tag'), { ...TIME_FORMATS[fmt], timeZone: 'UTC' }));
  const fallback = formatter.format(at);
  return html`<time ${cls ? html`class="${cls}" ` : ''}datetime="${new Date(at).toISOString()}" data-fmt="${fmt}">${fallback}</time>`;
}

/** Human file size. */
export function fileSize(bytes: number | null | undefined): string {
  if (!bytes && bytes !== 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Escapes text and turns http(s) URLs into links (rel=noopener, new tab); line breaks kept by CSS. */
export function linkify(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    parts.push(html`${text.slice(last, match.index)}`);
    parts.push(html`<a href="${match[0]}" target="_blank" rel="noopener noreferrer nofollow">${match[0]}</a>`);
    last = match.index! + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}

/** A stable avatar colour for a name/id. */
export function avatarHue(seed: string): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** A round avatar with initials. */
export function avatar(name: string, seed: string, cls = ''): SafeHtml {
  return html`<span class="avatar ${cls}" style="--hue:${avatarHue(seed)}" title="${name}" aria-label="${name}">${initials(name)}</span>`;
}
