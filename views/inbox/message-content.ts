/**
 * The body of a message bubble for every message type stored in `messages` (text, media,
 * documents, location, contacts, interactive replies, orders, templates, unknown types).
 * Every value comes from the customer or the provider and is escaped.
 */
import type { Attachment, Message } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { fileSize, linkify, timeTag } from './format';
import { callPermissionLabel, mediaCaption, messageLabel, orderTotals, str } from './message-label';
import { icon, type IconName } from '../icons';

type Payload = Record<string, any>;

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
  if (a.kind === 'audio') return html`<audio controls preload="metadata" src="${mediaUrl(a)}"></audio>`;
  if (a.kind === 'video') return html`<video controls preload="none" class="media" src="${mediaUrl(a)}"></video>`;
  return html`<a class="document" href="${mediaUrl(a)}" download="${a.filename ?? 'file'}">${icon('file-text')} <span class="doc-name">${a.filename ?? t('inbox.type.document')}</span> <small>${fileSize(a.size)}</small></a>`;
}

function location(t: Translate, p: Payload): SafeHtml {
  const lat = Number(p.latitude);
  const lon = Number(p.longitude);
  const ok = p.latitude != null && p.longitude != null && Number.isFinite(lat) && Number.isFinite(lon);
  const href = ok ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}` : '';
  const shared = /^https?:\/\//i.test(str(p.url)) ? str(p.url) : '';
  return html`<div class="location">${icon('map-pin')} <strong>${str(p.name) || t('inbox.type.location')}</strong>
    ${str(p.address) ? html`<div>${str(p.address)}</div>` : ''}
    ${ok ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">${t('inbox.location.open_map')}</a>` : ''}
    ${shared ? html`<a class="location-link" href="${shared}" target="_blank" rel="noopener noreferrer">${t('inbox.location.open_link')}</a>` : ''}</div>`;
}

const list = (v: unknown) => (Array.isArray(v) ? v : []) as Payload[];

/** A shared contact card: name, organisation, phones, e-mails, addresses, web sites, birthday. */
function contactCards(p: Payload): SafeHtml {
  return html`<div class="contact-cards">${list(p.contacts).map((c) => {
    const org = (c.org ?? {}) as Payload;
    const company = [str(org.company), str(org.department), str(org.title)].filter(Boolean).join(' · ');
    const address = (a: Payload) => [str(a.street), str(a.city), str(a.state), str(a.zip), str(a.country) || str(a.countryCode)].filter(Boolean).join(', ');
    return html`<div class="contact-card">${icon('user')} <strong>${str(c.name)}</strong>${company ? html`<div class="contact-org">${company}</div>` : ''}${
      list(c.phones).map((ph) => html`<div>${icon('phone')} ${str(ph.phone) || str(ph.waId)}${str(ph.type) ? html` <small>${str(ph.type)}</small>` : ''}</div>`)}${
      list(c.emails).map((e) => html`<div>${icon('mail')} <a href="mailto:${str(e.email)}">${str(e.email)}</a>${str(e.type) ? html` <small>${str(e.type)}</small>` : ''}</div>`)}${
      list(c.addresses).map((a) => html`<div class="contact-address">${icon('house')} ${address(a)}${str(a.type) ? html` <small>${str(a.type)}</small>` : ''}</div>`)}${
      (Array.isArray(c.urls) ? (c.urls as unknown[]) : []).map(str).filter((u) => /^https?:\/\//i.test(u)).map((u) => html`<div>${icon('link')} <a href="${u}" target="_blank" rel="noopener noreferrer">${u}</a></div>`)}${
      str(c.birthday) ? html`<div>${icon('cake')} ${str(c.birthday)}</div>` : ''}</div>`;
  })}</div>`;
}

function order(t: Translate, p: Payload): SafeHtml {
  const items = (Array.isArray(p.items) ? p.items : []) as Payload[];
  return html`<div class="order"><strong>${icon('shopping-cart')} ${t('inbox.type.order')}</strong>
    <ul>${items.map((i) => html`<li>${str(i.quantity)} × ${str(i.productRetailerId)} — ${str(i.itemPrice)} ${str(i.currency)}</li>`)}</ul>
    <div class="order-total">${t('inbox.order.total')}: ${orderTotals(p) || '—'}</div></div>`;
}

function flowReply(t: Translate, p: Payload): SafeHtml {
  const response = (p.response && typeof p.response === 'object' && !Array.isArray(p.response) ? p.response : {}) as Payload;
  const fields = Object.entries(response).filter(([key]) => key !== 'flow_token');
  return html`<div class="interactive-reply form-reply">${icon('notebook-pen')} <strong>${t('inbox.form.submitted')}</strong>
    ${fields.length ? html`<dl>${fields.map(([key, value]) => html`<dt>${key}</dt><dd>${typeof value === 'string' ? value : JSON.stringify(value)}</dd>`)}</dl>` : ''}</div>`;
}

function callPermission(t: Translate, p: Payload): SafeHtml {
  const expires = typeof p.expiresAt === 'number' && p.response === 'accept' ? html` <small>${t('inbox.call_permission.until')} ${timeTag(t, p.expiresAt, 'datetime')}</small>` : '';
  return html`<div class="interactive-reply call-permission">${icon('phone')} <strong>${callPermissionLabel(t, p)}</strong>${expires}</div>`;
}

/**
 * Inbound replies (`{kind, id, title, description}` / nfm_reply / call_permission_reply), kinds
 * without a view of their own (one readable line, never an empty bubble) and outbound buttons or lists.
 */
function interactive(t: Translate, message: Message, p: Payload): SafeHtml {
  if (p.kind === 'nfm_reply') return flowReply(t, p);
  if (p.kind === 'call_permission_reply') return callPermission(t, p);
  if (typeof p.kind === 'string' && p.kind !== 'button_reply' && p.kind !== 'list_reply') {
    return html`<div class="unsupported interactive-other">${icon('circle-dot')} ${messageLabel(t, message)}</div>`;
  }
  const content = message.content;
  if (typeof p.kind === 'string') {
    return html`<div class="interactive-reply">${icon('reply')} <strong>${str(p.title) || str(p.id)}</strong>${str(p.description) ? html`<div class="reply-description">${str(p.description)}</div>` : ''}</div>`;
  }
  const outbound = (p.interactive ?? {}) as Payload;
  const chips = (outbound.kind === 'list' ? [str(outbound.button)] : ((outbound.buttons ?? []) as Payload[]).map((b) => str(b.title))).filter(Boolean);
  return html`<div class="interactive">${linkify(content || str(outbound.body))}
    ${chips.length ? html`<div class="buttons">${chips.map((c) => html`<span class="button-chip">${c}</span>`)}</div>` : ''}</div>`;
}

function buttonReply(p: Payload, content: string): SafeHtml {
  return html`<div class="interactive-reply">${icon('reply')} <strong>${str(p.text) || content || str(p.payload)}</strong></div>`;
}

/** The type-specific body of a message plus its attachments and caption. */
export function messageContent(t: Translate, message: Message, attachments: Attachment[]): SafeHtml {
  const p = (message.payload ?? {}) as Payload;
  const text = (value: string) => (value ? html`<div class="text">${linkify(value)}</div>` : '');
  switch (message.type) {
    case 'text': case 'note': case 'system':
      return html`<div class="text">${linkify(message.content)}</div>${attachments.map((a) => attachmentView(t, a))}`;
    case 'image': case 'sticker': case 'video': case 'audio': case 'document':
      return html`${attachments.length ? attachments.map((a) => attachmentView(t, a)) : html`<div class="media-pending">${t(`inbox.type.${message.type}`)}</div>`}${message.type === 'sticker' ? '' : text(mediaCaption(message))}`;
    case 'location': return location(t, p);
    case 'contacts': return contactCards(p);
    case 'interactive': return interactive(t, message, p);
    case 'revoke': return html`<div class="deleted-notice">${icon('ban')} <em>${messageLabel(t, message)}</em></div>`;
    case 'button': return buttonReply(p, message.content);
    case 'order': return html`${order(t, p)}${text(str(p.text))}`;
    case 'template': return html`<div class="template"><small>${icon('clipboard-list')} ${t('inbox.type.template')}: ${str((p.template as Payload | undefined)?.name)}</small>${text(message.content)}</div>`;
    case 'reaction': return html`<div class="text">${messageLabel(t, message)}</div>`;
    // Unknown and unsupported types: one localized line (old rows also stored an English one in content).
    default: return html`<div class="unsupported">${messageLabel(t, message)}</div>`;
  }
}

/** Icon shown before a list preview for non-text last messages. */
export function typeIcon(type: string): SafeHtml {
  const icons: Record<string, IconName> = {
    image: 'camera', sticker: 'sticker', video: 'clapperboard', audio: 'mic', document: 'file-text', location: 'map-pin', contacts: 'user',
    order: 'shopping-cart', template: 'clipboard-list', interactive: 'mouse-pointer-click', button: 'mouse-pointer-click', note: 'lock', unsupported: 'triangle-alert',
  };
  const name = icons[type];
  return name ? icon(name, { className: 'type-icon' }) : html``;
}
