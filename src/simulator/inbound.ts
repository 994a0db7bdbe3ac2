/**
 * Builds inbound customer messages in Meta's wire format for every type the Cloud API sends.
 * Media kinds register sample bytes with the simulator so the two-step download works.
 */
import { customerFor, PRODUCTS, sampleCaption, samplePlace, sampleText } from './customers';
import { sampleMedia } from './sample-media';
import { newWamid, nowSeconds } from './wire';

export const INBOUND_KINDS = [
  'text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contacts',
  'button_reply', 'list_reply', 'nfm_reply', 'button', 'reaction', 'order', 'system', 'referral',
  'unsupported', 'unknown_future',
  // Changes to an earlier message (`replyTo` names it) and kinds beyond the basic types.
  'edit', 'revoke', 'call_permission_reply', 'interactive_unknown', 'interactive_missing', 'product_inquiry', 'user_changed_number',
] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

export interface InboundOptions {
  /** Text body (text/referral/edit), caption (media) or reaction emoji. */
  text?: string;
  caption?: string;
  /** `context.id`: one of the business's wamids (quote-reply, button tap, reaction target). */
  replyTo?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  /** Announce a wrong sha256 for the media bytes. */
  wrongSha?: boolean;
  timestampSec?: number;
  profileName?: string;
  /** Send `from_user_id` (business-scoped user id) instead of `from`/`wa_id`. */
  userIdOnly?: boolean;
  userId?: string;
  /** Fixed wamid (to simulate duplicates). */
  wamid?: string;
}

export type AddMedia = (bytes: Uint8Array, mimeType: string, opts: { filename?: string; wrongSha?: boolean }) => { id: string; sha256: string };

type Obj = Record<string, unknown>;

function media(kind: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker', addMedia: AddMedia, opts: InboundOptions, caption?: string): Obj {
  const file = sampleMedia(kind);
  const stored = addMedia(file.bytes, file.mimeType, { filename: file.filename, wrongSha: opts.wrongSha });
  const m: Obj = { mime_type: file.mimeType, sha256: stored.sha256, id: stored.id };
  if (kind === 'voice') m.voice = true;
  if (kind === 'audio') m.voice = false;
  if (kind === 'sticker') m.animated = false;
  if (kind === 'document') m.filename = file.filename;
  if (caption && kind !== 'audio' && kind !== 'voice' && kind !== 'sticker') m.caption = caption;
  return m;
}

/** The type-specific part (`type` + its object) for `kind`. */
function body(kind: InboundKind, from: string, addMedia: AddMedia, o: InboundOptions): Obj {
  const c = customerFor(from);
  switch (kind) {
    case 'text': return { type: 'text', text: { body: o.text ?? sampleText(c) } };
    case 'image': case 'video': case 'document':
      return { type: kind, [kind]: media(kind, addMedia, o, o.caption ?? sampleCaption(c)) };
    case 'audio': case 'voice': return { type: 'audio', audio: media(kind, addMedia, o) };
    case 'sticker': return { type: 'sticker', sticker: media('sticker', addMedia, o) };
    case 'location': return { type: 'location', location: { ...samplePlace(c), url: 'https://maps.google.com/?q=' + samplePlace(c).latitude } };
    case 'contacts': return { type: 'contacts', contacts: [{
      name: { formatted_name: 'Sofía Ramírez', first_name: 'Sofía', last_name: 'Ramírez' },
      phones: [{ phone: '+52 55 8765 4321', wa_id: '5215587654321', type: 'CELL' }],
      emails: [{ email: 'sofia.ramirez@example.mx', type: 'WORK' }],
      org: { company: 'Papelería La Esperanza', title: 'Gerente' },
      addresses: [{ street: 'Av. Insurgentes Sur 1234', city: 'Ciudad de México', state: 'CDMX', zip: '03100', country: 'México', country_code: 'MX', type: 'WORK' }],
    }] };
    case 'button_reply': return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'confirm_yes', title: o.text ?? 'Sí, confirmar' } } };
    case 'list_reply': return { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'ship_express', title: 'Envío express', description: '1-2 días hábiles' } } };
    case 'nfm_reply': return { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify({ flow_token: 'tok-123', nombre: c.name, fecha: '2026-02-14', personas: 2 }) } } };
    case 'button': return { type: 'button', button: { text: o.text ?? 'Rastrear', payload: 'TRACK_4521' } };
    case 'reaction': return { type: 'reaction', reaction: { message_id: o.replyTo ?? newWamid(), emoji: o.text ?? '❤️' } };
    case 'order': return { type: 'order', order: { catalog_id: '1234567890123456', text: 'Lo quiero para el viernes', product_items: [
      { ...PRODUCTS[0], quantity: 2 }, { product_retailer_id: 'SKU-GORRA-NEGRA', item_price: 199.5, currency: 'MXN', quantity: 1 },
    ] } };
    case 'system': return { type: 'system', system: { body: `${c.name} changed their phone number to a new one.`, wa_id: '5215599998888', type: 'customer_changed_number' } };
    case 'referral': return {
      type: 'text', text: { body: o.text ?? 'Hola, vi el anuncio y quiero más información' },
      referral: { source_url: 'https://fb.me/3cr4Wqqkv', source_id: '120212345678901234', source_type: 'ad', headline: 'Envío gratis este fin de semana', body: 'Compra hoy y recibe mañana', media_type: 'image', image_url: 'https://scontent.example/ad.jpg', ctwa_clid: 'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv' },
    };
    case 'unsupported': return { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }] };
    case 'unknown_future': return { type: 'hologram', hologram: { id: 'holo-1', frames: 42 } };
    case 'edit': return { type: 'edit', edit: { original_message_id: o.replyTo ?? newWamid(), message: { type: 'text', text: { body: o.text ?? `${sampleText(c)} (corregido)` } } } };
    case 'revoke': return { type: 'revoke', revoke: { original_message_id: o.replyTo ?? newWamid() } };
    case 'call_permission_reply': return { type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: { response: o.text === 'reject' ? 'reject' : 'accept', expiration_timestamp: Number(nowSeconds()) + 7 * 86_400, response_source: 'user_action' } } };
    case 'interactive_unknown': return { type: 'interactive', interactive: { type: 'payment_method', payment_method: { payment_method: 'card', credential_id: 'cred-4242', last_four_digits: '4242' } } };
    // Meta sends such a message with `value.errors` 131000 (see `valueErrorsOf`).
    case 'interactive_missing': return { type: 'interactive' };
    case 'product_inquiry': return { type: 'text', text: { body: o.text ?? '¿Lo tienen en talla M?' } };
    case 'user_changed_number': return { type: 'system', system: { body: `${c.name} changed from ${from} to ${newNumberOf(from)}`, wa_id: newNumberOf(from), type: 'user_changed_number' } };
  }
}

/** The number a simulated customer changes to: the same country, the last digits turned around. */
export function newNumberOf(from: string): string {
  return from.slice(0, -4) + [...from.slice(-4)].reverse().join('');
}

/** `value.errors` Meta sends next to a message of `kind` (131000 with an interactive message it could not read). */
export function valueErrorsOf(kind: InboundKind): unknown[] | undefined {
  return kind === 'interactive_missing'
    ? [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'Unsupported webhook payload' } }]
    : undefined;
}

/**
 * One inbound message object (`from`, `id`, `timestamp`, `type`, type object, optional `context`)
 * plus the `contacts[]` entry that goes with it.
 */
export function buildInbound(kind: InboundKind, from: string, addMedia: AddMedia, o: InboundOptions = {}): { message: Obj; contact: Obj; errors?: unknown[] } {
  const c = customerFor(from);
  const userId = o.userId ?? (o.userIdOnly ? `${c.country}.${from.slice(-10)}${from.length}` : undefined);
  const message: Obj = {};
  if (!o.userIdOnly) message.from = from;
  if (userId) message.from_user_id = userId;
  message.id = o.wamid ?? newWamid();
  message.timestamp = o.timestampSec !== undefined ? String(o.timestampSec) : nowSeconds();
  const context: Obj = {};
  if (o.replyTo && !['reaction', 'edit', 'revoke'].includes(kind)) Object.assign(context, { from: '15550783881', id: o.replyTo });
  if (o.forwarded) context.forwarded = true;
  if (o.frequentlyForwarded) Object.assign(context, { forwarded: true, frequently_forwarded: true });
  if (kind === 'product_inquiry') Object.assign(context, { from: '15550783881', id: o.replyTo ?? newWamid(), referred_product: { catalog_id: '1234567890123456', product_retailer_id: PRODUCTS[0]!.product_retailer_id } });
  if (Object.keys(context).length) message.context = context;
  Object.assign(message, body(kind, from, addMedia, o));
  const contact: Obj = { profile: { name: o.profileName ?? c.name } };
  if (!o.userIdOnly) contact.wa_id = from;
  if (userId) contact.user_id = userId;
  const errors = valueErrorsOf(kind);
  return errors ? { message, contact, errors } : { message, contact };
}
