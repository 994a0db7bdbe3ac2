/**
 * Per-type reading of one inbound message object: `content`, structured `payload` and the media
 * reference. Every field is read defensively (Meta adds keys; older payloads miss some).
 *
 * `content` holds only text the customer wrote or chose (body, caption, place name and address,
 * contact names, the reply title, the order note), never prose of ours: it is searched and shown
 * as is. Labels such as "Order: 3 items" are built per agent language by the views from type +
 * payload (views/inbox/message-label.ts); `content` is '' when the customer wrote nothing.
 *
 * Payload shapes by type:
 * - text: `{ body }`
 * - image/video/audio/document/sticker: the media fields (`mediaId, mimeType, sha256, caption, …`)
 * - location: `{ latitude, longitude, name, address, url }`
 * - contacts: `{ contacts: [{ name, phones[{phone, waId, type}], emails[{email, type}], org, addresses[{street, city, …, type}], urls, birthday }] }`
 * - interactive: `{ kind, id, title, description }`; nfm_reply: `{ kind, name, body, response, responseJson }`;
 *   call_permission_reply: `{ kind, response, expiresAt, source }`; other kinds: `{ kind }` (+ the reply fields
 *   when present); no `interactive` object at all: `{ kind: 'missing' }` (Meta adds error 131000)
 * - edit: `{ originalExternalId, editedType, edited }` — `edited` is the new version's payload, `content` its text
 * - revoke: `{ originalExternalId }`
 * - button: `{ text, payload }`
 * - reaction: `{ targetExternalId, emoji, removed }`
 * - order: `{ catalogId, text, items[{productRetailerId, quantity, itemPrice, currency}], total: {CUR: n} }`
 * - system: `{ kind, body, newWaId?, identity? }`
 * - unsupported / unknown: `{ errors, unsupportedType? }`; types Turno does not know: `{ unknownType }`
 */
import type { ErrorDetail, InboundMedia } from './types';

type Obj = Record<string, unknown>;

/** Reads `v` as a plain object, or `{}`. */
export function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}
/** Reads `v` as a string, or `undefined`. Numbers are stringified. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Meta's unix-seconds (string or number) to milliseconds; 0 when absent or unreadable. */
export function secondsToMs(v: unknown): number {
  const n = num(v);
  return n === undefined ? 0 : Math.round(n * 1000);
}

/** Normalises Meta error objects to `{code, title, details}` (details falls back to message). */
export function readErrors(v: unknown): ErrorDetail[] {
  return arr(v).map((e) => {
    const o = obj(e);
    const data = obj(o.error_data);
    return {
      code: num(o.code) ?? 0,
      title: str(o.title) ?? str(o.message) ?? '',
      details: str(data.details) ?? str(o.message) ?? '',
    };
  });
}

export interface MessageParts {
  content: string;
  payload: Obj;
  media?: InboundMedia;
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

function readMedia(type: string, o: Obj): InboundMedia {
  const media: InboundMedia = { mediaId: str(o.id) ?? '', mimeType: str(o.mime_type) ?? (type === 'sticker' ? 'image/webp' : 'application/octet-stream') };
  if (str(o.sha256)) media.sha256 = str(o.sha256);
  if (str(o.filename)) media.filename = str(o.filename);
  if (str(o.caption)) media.caption = str(o.caption);
  if (typeof o.voice === 'boolean') media.voice = o.voice;
  if (typeof o.animated === 'boolean') media.animated = o.animated;
  return media;
}

/** Parses a JSON string without throwing; returns `null` when it is not valid JSON. */
export function safeJsonParse(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function readContacts(v: unknown): Obj[] {
  return arr(v).map((c) => {
    const o = obj(c);
    const name = obj(o.name);
    return {
      name: str(name.formatted_name) ?? [str(name.first_name), str(name.last_name)].filter(Boolean).join(' '),
      phones: arr(o.phones).map((p) => ({ phone: str(obj(p).phone), waId: str(obj(p).wa_id), type: str(obj(p).type) })),
      emails: arr(o.emails).map((e) => ({ email: str(obj(e).email), type: str(obj(e).type) })),
      org: o.org ? obj(o.org) : undefined,
      addresses: arr(o.addresses).map((a) => {
        const x = obj(a);
        return { street: str(x.street), city: str(x.city), state: str(x.state), zip: str(x.zip), country: str(x.country), countryCode: str(x.country_code), type: str(x.type) };
      }),
      urls: arr(o.urls).map((u) => str(obj(u).url)).filter(Boolean),
      birthday: str(o.birthday),
    };
  });
}

function readInteractive(o: Obj): MessageParts {
  const kind = str(o.type) ?? 'unknown';
  if (kind === 'nfm_reply') {
    const r = obj(o.nfm_reply);
    const responseJson = str(r.response_json) ?? '';
    const response = safeJsonParse(responseJson);
    return {
      content: '',
      payload: { kind, name: str(r.name), body: str(r.body), response, responseJson },
    };
  }
  if (kind === 'call_permission_reply') {
    const r = obj(o.call_permission_reply);
    const expires = num(r.expiration_timestamp);
    return { content: '', payload: { kind, response: str(r.response) ?? '', expiresAt: expires === undefined ? undefined : expires * 1000, source: str(r.response_source) } };
  }
  const reply = obj(o[kind]);
  const payload = { kind, id: str(reply.id), title: str(reply.title), description: str(reply.description) };
  return { content: payload.title ?? payload.id ?? '', payload };
}

/** An edit: the new version, read like a message of its own type, and the message it replaces. */
function readEdit(o: Obj): MessageParts {
  const inner = obj(o.message);
  const editedType = str(inner.type) ?? 'text';
  const parts = readMessageParts(editedType, inner);
  const edited: MessageParts = { content: parts.content, payload: { originalExternalId: str(o.original_message_id) ?? '', editedType, edited: parts.payload } };
  if (parts.media) edited.media = parts.media;
  return edited;
}

function readOrder(o: Obj): MessageParts {
  const items = arr(o.product_items).map((i) => {
    const it = obj(i);
    return {
      productRetailerId: str(it.product_retailer_id) ?? '',
      quantity: num(it.quantity) ?? 0,
      itemPrice: num(it.item_price) ?? 0,
      currency: str(it.currency) ?? '',
    };
  });
  const total: Record<string, number> = {};
  for (const it of items) total[it.currency] = Math.round(((total[it.currency] ?? 0) + it.itemPrice * it.quantity) * 100) / 100;
  const text = str(o.text);
  return { content: text ?? '', payload: { catalogId: str(o.catalog_id), text, items, total } };
}

function readSystem(o: Obj): MessageParts {
  const kind = str(o.type) ?? 'unknown';
  const payload: Obj = { kind, body: str(o.body) ?? '' };
  const newWaId = str(o.wa_id) ?? str(o.new_wa_id);
  if (newWaId) payload.newWaId = newWaId;
  if (o.identity !== undefined) payload.identity = o.identity;
  if (str(o.customer)) payload.customer = str(o.customer);
  return { content: payload.body as string, payload };
}

/** Builds content/payload/media for a message of `type` from its raw object `m`. */
export function readMessageParts(type: string, m: Obj): MessageParts {
  const o = obj(m[type]);
  if (MEDIA_TYPES.has(type)) {
    const media = readMedia(type, o);
    return { content: media.caption ?? '', payload: { ...media }, media };
  }
  switch (type) {
    case 'text':
      return { content: str(o.body) ?? '', payload: { body: str(o.body) ?? '' } };
    case 'location': {
      const p = { latitude: num(o.latitude), longitude: num(o.longitude), name: str(o.name), address: str(o.address), url: str(o.url) };
      return { content: [p.name, p.address].filter(Boolean).join(' · '), payload: p };
    }
    case 'contacts': {
      const contacts = readContacts(m.contacts);
      return { content: contacts.map((c) => c.name).filter(Boolean).join(', '), payload: { contacts } };
    }
    case 'interactive':
      return m.interactive === undefined ? { content: '', payload: { kind: 'missing' } } : readInteractive(o);
    case 'edit':
      return readEdit(o);
    case 'revoke':
      return { content: '', payload: { originalExternalId: str(o.original_message_id) ?? '' } };
    case 'button':
      return { content: str(o.text) ?? str(o.payload) ?? '', payload: { text: str(o.text), payload: str(o.payload) } };
    case 'reaction': {
      const emoji = str(o.emoji) ?? '';
      return {
        content: emoji,
        payload: { targetExternalId: str(o.message_id), emoji, removed: emoji === '' },
      };
    }
    case 'order':
      return readOrder(o);
    case 'system':
      return readSystem(o);
    case 'unsupported':
    case 'unknown': {
      // Newer payloads name what the customer sent (`unsupported.type`, e.g. a poll).
      const kind = str(obj(m.unsupported).type);
      return { content: '', payload: { errors: readErrors(m.errors), ...(kind ? { unsupportedType: kind } : {}) } };
    }
    default:
      return { content: '', payload: { unknownType: type } };
  }
}
