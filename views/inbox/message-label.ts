/**
 * The one-line, localized text of a message for the conversation list, quotes and notifications,
 * built at render time from type + payload (the parser's normalised shape) so every agent reads it
 * in their own language. Rows stored before this (English "📍 Location: …" content) render right
 * too: non-text types never read the stored prose.
 */
import { PLAIN_PREVIEW_TYPES } from '../../src/core/last-message';
import { isDeleted } from '../../src/core/message-revisions';
import type { Message } from '../../src/core/types';
import type { Translate } from '../i18n';

type Payload = Record<string, any>;
export type LabelSource = Pick<Message, 'type' | 'content' | 'payload'>;

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** A payload value as text ('' unless a string or number). */
export function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** Order totals per currency as "MXN 899.30 + USD 10.00" (from the parser's `total`). */
export function orderTotals(p: Payload): string {
  const total = (p.total && typeof p.total === 'object' ? p.total : {}) as Record<string, unknown>;
  return Object.entries(total).map(([cur, v]) => `${cur} ${Number(v).toFixed(2)}`).join(' + ');
}

/**
 * The caption of a media message: inbound ones (parser payload with `mediaId`) carry it in the
 * payload, agents' uploads in `content`.
 */
export function mediaCaption(m: LabelSource): string {
  const p = (m.payload ?? {}) as Payload;
  return 'mediaId' in p ? str(p.caption) : m.content;
}

function mediaLabel(t: Translate, m: LabelSource, p: Payload): string {
  const caption = mediaCaption(m);
  if (caption) return caption;
  if (m.type === 'document' && str(p.filename)) return str(p.filename);
  if (m.type === 'audio' && p.voice === true) return t('inbox.label.voice');
  return t(`inbox.type.${m.type}`);
}

function orderLabel(t: Translate, p: Payload): string {
  const items = (Array.isArray(p.items) ? p.items : []) as Payload[];
  const count = items.reduce((n, i) => n + (Number(i.quantity) || 0), 0);
  const label = t('inbox.label.order', { count, total: orderTotals(p) || '—' });
  return str(p.text) ? `${label} — ${str(p.text)}` : label;
}

/** The Calling API's answer to a call permission request ("Call permission accepted"). */
export function callPermissionLabel(t: Translate, p: Payload): string {
  const response = str(p.response);
  return response === 'accept' || response === 'reject' ? t(`inbox.label.call_permission.${response}`) : t('inbox.label.call_permission.other', { response: response || '?' });
}

/** Reply kinds shown as the option the customer chose. */
const CHOICE_KINDS = new Set(['button_reply', 'list_reply']);

/**
 * Every interactive kind gets a line: form replies, chosen options, call permission answers, a
 * message WhatsApp could not deliver (no `interactive` object), and kinds Turno has no view for.
 */
function interactiveLabel(t: Translate, m: LabelSource, p: Payload): string {
  const kind = str(p.kind);
  if (kind === 'nfm_reply') return t('inbox.form.submitted');
  if (kind === 'call_permission_reply') return callPermissionLabel(t, p);
  if (kind === 'missing') return t('inbox.label.interactive_missing');
  if (CHOICE_KINDS.has(kind)) return str(p.title) || str(p.id) || t('inbox.label.interactive_kind', { kind });
  if (kind) return [t('inbox.label.interactive_kind', { kind }), str(p.title) || str(p.id)].filter(Boolean).join(': ');
  return m.content || str(p.interactive?.body) || t('inbox.type.interactive');
}

/** The localized one-line text of a message (no type icon; see `typeIcon`). */
export function messageLabel(t: Translate, m: LabelSource): string {
  const p = (m.payload ?? {}) as Payload;
  if (isDeleted(m) || m.type === 'revoke') return t('inbox.label.deleted');
  if (PLAIN_PREVIEW_TYPES.has(m.type)) return m.content;
  if (MEDIA_TYPES.has(m.type)) return mediaLabel(t, m, p);
  switch (m.type) {
    case 'location': {
      const place = [str(p.name), str(p.address)].filter(Boolean).join(' · ');
      return place ? t('inbox.label.location', { place }) : t('inbox.type.location');
    }
    case 'contacts': {
      const names = ((Array.isArray(p.contacts) ? p.contacts : []) as Payload[]).map((c) => str(c.name)).filter(Boolean).join(', ');
      return names ? t('inbox.label.contacts', { names }) : t('inbox.type.contacts');
    }
    case 'interactive': return interactiveLabel(t, m, p);
    case 'button': return str(p.text) || m.content || str(p.payload);
    case 'order': return orderLabel(t, p);
    case 'reaction': return str(p.emoji) ? t('inbox.label.reaction', { emoji: str(p.emoji) }) : t('inbox.label.reaction_removed');
    case 'system': return 'kind' in p ? (str(p.body) || t('inbox.type.system')) : m.content;
    case 'unsupported': return str(p.unsupportedType) ? t('inbox.label.unsupported_kind', { kind: str(p.unsupportedType) }) : t('inbox.label.unsupported');
    default: return t('inbox.type.unsupported', { type: m.type });
  }
}

/**
 * A conversation's preview text: the localized label of its last message when the caller looked
 * it up (`previewMessagesOf`, non-text types), else the stored `lastMessagePreview`.
 */
export function conversationPreview(t: Translate, storedPreview: string, lastMessage?: LabelSource): string {
  return lastMessage ? messageLabel(t, lastMessage) : storedPreview;
}
