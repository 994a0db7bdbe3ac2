/**
 * The body of a message bubble for every message type stored in `messages` (text, media,
 * documents, location, contacts, interactive replies, orders, templates, unknown types).
 * Every value comes from the customer or the provider and is escaped.
 */
import type { Attachment, Message } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { fileSize, linkify } from './format';

type Payload = Record<string, any>;

function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function mediaUrl(a: Attachment): string {
  return `/media/${encodeURIComponent(a.id)}`;
}

function attachmentView(t: Translate, a: Attachment): SafeHtml {
  if (a.status !== 'stored') {
    return html`<div class="media-pending">${a.status === 'failed' ? t('inbox.media.failed') : t('inbox.media.pending')} · ${a.filename ?? a.kind}</div>`;
  }
  if (a.kind === 'image' || a.kind === 'sticker') {
    return html`<a href="${mediaUrl(a)}" target="_blank" rel="noopener"><img class="media ${a.kind}" src="${mediaUrl(a)}" alt="${a.filename ?? t(`inbox.type.${a.kind}`)}" loading="lazy"></a>`;
  }
  if (a.kind === 'audio') return html`<audio controls preload="none" src="${mediaUrl(a)}"></audio>`;
  if (a.kind === 'video') return html`<video controls preload="none" class="media" src="${mediaUrl(a)}"></video>`;
  return html`<a class="document" href="${mediaUrl(a)}" download="${a.filename ?? 'file'}">📄 <span class="doc-name">${a.filename ?? t('inbox.type.document')}</span> <small>${fileSize(a.size)}</small></a>`;
}

function location(t: Translate, p: Payload): SafeHtml {
  const loc = (p.location ?? p) as Payload;
  const lat = Number(loc.latitude);
  const lon = Number(loc.longitude);
  const ok = Number.isFinite(lat) && Number.isFinite(lon);
  const href = ok ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}` : '';
  return html`<div class="location">📍 <strong>${str(loc.name) || t('inbox.type.location')}</strong>
    ${str(loc.address) ? html`<div>${str(loc.address)}</div>` : ''}
    ${ok ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">${t('inbox.location.open_map')}</a>` : ''}</div>`;
}

function contactCards(p: Payload): SafeHtml {
  const list = (Array.isArray(p.contacts) ? p.contacts : []) as Payload[];
  return html`<div class="contact-cards">${list.map((c) => {
    const name = str(c.name?.formatted_name) || str(c.name);
    const phones = (Array.isArray(c.phones) ? c.phones : []) as Payload[];
    return html`<div class="contact-card">👤 <strong>${name}</strong>${phones.map((ph) => html`<div>${str(ph.phone) || str(ph.wa_id)}</div>`)}</div>`;
  })}</div>`;
}

function order(t: Translate, p: Payload): SafeHtml {
  const o = (p.order ?? p) as Payload;
  const items = (Array.isArray(o.product_items) ? o.product_items : []) as Payload[];
  const total = items.reduce((sum, i) => sum + Number(i.item_price ?? 0) * Number(i.quantity ?? 1), 0);
  const currency = str(items[0]?.currency);
  return html`<div class="order"><strong>🛒 ${t('inbox.type.order')}</strong>
    <ul>${items.map((i) => html`<li>${str(i.quantity)} × ${str(i.product_retailer_id)} — ${str(i.item_price)} ${str(i.currency)}</li>`)}</ul>
    <div class="order-total">${t('inbox.order.total')}: ${total.toFixed(2)} ${currency}</div></div>`;
}

function interactive(p: Payload, content: string): SafeHtml {
  const reply = (p.interactive?.button_reply ?? p.interactive?.list_reply ?? p.button_reply ?? p.list_reply ?? p.button) as Payload | undefined;
  if (reply) return html`<div class="interactive-reply">↩︎ <strong>${str(reply.title) || str(reply.text)}</strong>${str(reply.description) ? html`<div>${str(reply.description)}</div>` : ''}</div>`;
  const outbound = p.interactive as Payload | undefined;
  const buttons = (outbound?.action?.buttons ?? []) as Payload[];
  return html`<div class="interactive">${linkify(content || str(outbound?.body?.text))}
    ${buttons.length ? html`<div class="buttons">${buttons.map((b) => html`<span class="button-chip">${str(b.reply?.title) || str(b.title)}</span>`)}</div>` : ''}</div>`;
}

/** The type-specific body of a message plus its attachments and caption. */
export function messageContent(t: Translate, message: Message, attachments: Attachment[]): SafeHtml {
  const p = (message.payload ?? {}) as Payload;
  const caption = message.content ? html`<div class="text">${linkify(message.content)}</div>` : '';
  switch (message.type) {
    case 'text': case 'note': case 'system':
      return html`<div class="text">${linkify(message.content)}</div>${attachments.map((a) => attachmentView(t, a))}`;
    case 'image': case 'sticker': case 'video': case 'audio': case 'document':
      return html`${attachments.length ? attachments.map((a) => attachmentView(t, a)) : html`<div class="media-pending">${t(`inbox.type.${message.type}`)}</div>`}${message.type === 'sticker' ? '' : caption}`;
    case 'location': return location(t, p);
    case 'contacts': return contactCards(p);
    case 'interactive': case 'button': return interactive(p, message.content);
    case 'order': return html`${order(t, p)}${caption}`;
    case 'template': return html`<div class="template"><small>📋 ${t('inbox.type.template')}: ${str((p.template as Payload | undefined)?.name)}</small>${caption}</div>`;
    case 'reaction': return html`<div class="text">${message.content}</div>`;
    default: return html`<div class="unsupported">${t('inbox.type.unsupported', { type: message.type })}</div>${caption}`;
  }
}

/** Icon shown before a list preview for non-text last messages. */
export function typeIcon(type: string): string {
  const icons: Record<string, string> = {
    image: '📷', sticker: '💟', video: '🎬', audio: '🎤', document: '📄', location: '📍', contacts: '👤',
    order: '🛒', template: '📋', interactive: '🔘', button: '🔘', note: '🔒',
  };
  return icons[type] ?? '';
}
