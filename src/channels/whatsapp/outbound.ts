/**
 * Builders for the exact wire JSON of outbound WhatsApp messages. Pure functions: they validate
 * Cloud API limits (throwing `OutboundValidationError`) and return the body to POST to
 * `/{phone_number_id}/messages`. Interactive and template builders live in their own files and are
 * re-exported here so callers import one module.
 */
import { checkText, envelope, OutboundValidationError, type OutboundBody, type SendOptions } from './outbound-common';

export { OutboundValidationError, type OutboundBody, type SendOptions } from './outbound-common';
export * from './outbound-interactive';
export * from './outbound-template';

export const TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;
const URL_RE = /\b(https?:\/\/|www\.)\S+/i;

/** True when `text` contains something WhatsApp would render as a link. */
export function containsUrl(text: string): boolean {
  return URL_RE.test(text);
}

/**
 * Text message. `preview_url` is set to true automatically when the body contains a URL, unless
 * `previewUrl` is given explicitly. Body: 1–4096 characters.
 */
export function buildText(to: string, body: string, opts: SendOptions & { previewUrl?: boolean } = {}): OutboundBody {
  checkText('text', body, TEXT_MAX);
  const text: Record<string, unknown> = { body };
  const preview = opts.previewUrl ?? containsUrl(body);
  if (preview) text.preview_url = true;
  return envelope(to, 'text', text, opts);
}

export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Media source: an uploaded media id, or a public https link. */
export type MediaSource = { id: string } | { link: string };

export interface MediaOptions extends SendOptions {
  /** Not allowed for audio and sticker. */
  caption?: string;
  /** Documents only: the file name the customer sees. */
  filename?: string;
}

/** Reads a media source into `{id}` or `{link}`; throws when neither (or both) is given. */
export function mediaRef(field: string, src: MediaSource): Record<string, string> {
  const s = src as { id?: string; link?: string };
  if (s.id && s.link) throw new OutboundValidationError(field, 'give either a media id or a link, not both');
  if (s.id) return { id: s.id };
  if (s.link) {
    if (!/^https?:\/\//i.test(s.link)) throw new OutboundValidationError(field, 'link must be an http(s) URL');
    return { link: s.link };
  }
  throw new OutboundValidationError(field, 'needs a media id or a link');
}

/**
 * Image/video/audio/document/sticker by media id or link. Caption (≤ 1024) only on image, video
 * and document — throws for audio/sticker; `filename` only on document.
 */
export function buildMedia(to: string, kind: MediaKind, source: MediaSource, opts: MediaOptions = {}): OutboundBody {
  if (!MEDIA_KINDS.includes(kind)) throw new OutboundValidationError('type', `unknown media type "${kind}"`);
  const media: Record<string, unknown> = mediaRef(kind, source);
  if (opts.caption !== undefined && opts.caption !== '') {
    if (kind === 'audio' || kind === 'sticker') throw new OutboundValidationError('caption', `${kind} messages cannot have a caption`);
    checkText('caption', opts.caption, CAPTION_MAX);
    media.caption = opts.caption;
  }
  if (opts.filename !== undefined && opts.filename !== '') {
    if (kind !== 'document') throw new OutboundValidationError('filename', 'only documents take a filename');
    checkText('filename', opts.filename, 240);
    media.filename = opts.filename;
  }
  return envelope(to, kind, media, opts);
}

/** Reaction to message `messageId` (a wamid). An empty emoji removes our reaction. */
export function buildReaction(to: string, messageId: string, emoji: string, opts: Omit<SendOptions, 'replyTo'> = {}): OutboundBody {
  checkText('reaction.message_id', messageId, 512);
  if (typeof emoji !== 'string' || [...emoji].length > 10) throw new OutboundValidationError('reaction.emoji', 'must be a single emoji or empty');
  return envelope(to, 'reaction', { message_id: messageId, emoji }, opts);
}

export interface LocationInput {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** Location pin. */
export function buildLocation(to: string, loc: LocationInput, opts: SendOptions = {}): OutboundBody {
  if (!Number.isFinite(loc.latitude) || Math.abs(loc.latitude) > 90) throw new OutboundValidationError('location.latitude', 'out of range');
  if (!Number.isFinite(loc.longitude) || Math.abs(loc.longitude) > 180) throw new OutboundValidationError('location.longitude', 'out of range');
  const location: Record<string, unknown> = { latitude: loc.latitude, longitude: loc.longitude };
  if (loc.name) location.name = loc.name;
  if (loc.address) location.address = loc.address;
  return envelope(to, 'location', location, opts);
}

/**
 * Mark-as-read body for inbound `messageId` (marks earlier messages read too); with
 * `typing: true` it also shows the typing indicator to the customer. The answer is `{success:true}`.
 */
export function buildMarkRead(messageId: string, opts: { typing?: boolean } = {}): OutboundBody {
  checkText('message_id', messageId, 512);
  const body: OutboundBody = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
  if (opts.typing) body.typing_indicator = { type: 'text' };
  return body;
}
