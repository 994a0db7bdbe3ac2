/** Small formatting helpers of the inbox views: initials, relative times, sizes, safe links. */
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

/** Clock time (HH:MM, UTC-agnostic: rendered in the server's zone). */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Calendar day key (YYYY-MM-DD) used for day separators. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date (and time) in the reader's language: 'locale.tag' is the BCP 47 tag of each message table. */
export function localDate(t: Translate, at: number, withTime = false): string {
  const tag = t('locale.tag');
  return withTime ? new Date(at).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' })
    : new Date(at).toLocaleDateString(tag, { day: 'numeric', month: 'long', year: 'numeric' });
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
