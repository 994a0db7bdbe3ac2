/**
 * What a bubble shows around its content: the "forwarded" flags, the click-to-WhatsApp ad that
 * started the conversation, the product the customer asks about, the "edited" mark with the
 * previous versions, and the notice that replaces a message deleted for everyone (admins can
 * load the kept content). Payload fields are the parser's (src/channels/whatsapp/parse-message.ts)
 * and core's (src/core/message-revisions.ts); every value is escaped.
 */
import { icon } from '../icons';
import type { MessageDeletion, MessageVersion } from '../../src/core/message-revisions';
import type { Message } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { timeTag } from './format';
import { str } from './message-label';

type Payload = Record<string, any>;

/** Only web links become links (a referral's URL comes from the provider and is not trusted). */
function webUrl(v: unknown): string {
  const s = str(v);
  return /^https?:\/\//i.test(s) ? s : '';
}

function referral(t: Translate, r: Payload): SafeHtml {
  const source = str(r.source_type);
  const title = source === 'ad' || source === 'post' ? t(`inbox.referral.${source}`) : t('inbox.referral.other', { source: source || '?' });
  const url = webUrl(r.source_url);
  const image = webUrl(r.image_url) || webUrl(r.thumbnail_url);
  const video = webUrl(r.video_url);
  return html`<aside class="referral">${icon('megaphone')} <strong>${title}</strong>
    ${str(r.headline) ? html`<div class="referral-headline">${str(r.headline)}</div>` : ''}
    ${str(r.body) ? html`<div class="referral-body">${str(r.body)}</div>` : ''}
    ${image ? html`<img class="referral-media" src="${image}" alt="${str(r.headline)}" loading="lazy" referrerpolicy="no-referrer">` : video ? html`<a href="${video}" target="_blank" rel="noopener noreferrer">${icon('clapperboard')} ${str(r.media_type) || 'video'}</a>` : ''}
    ${url ? html`<a class="referral-link" href="${url}" target="_blank" rel="noopener noreferrer">${t('inbox.referral.open')}</a>` : str(r.source_url) ? html`<small>${str(r.source_url)}</small>` : ''}
  </aside>`;
}

/** Forwarded flags, ad referral and asked-about product shown above the content. */
export function messageContextBadges(t: Translate, m: Message): SafeHtml {
  const p = (m.payload ?? {}) as Payload;
  const forwarded = p.frequentlyForwarded === true ? t('inbox.forwarded_many') : p.forwarded === true ? t('inbox.forwarded') : '';
  const product = p.referredProduct && typeof p.referredProduct === 'object' ? (p.referredProduct as Payload) : null;
  return html`${forwarded ? html`<div class="forwarded">↪ ${forwarded}</div>` : ''}${
    p.referral && typeof p.referral === 'object' ? referral(t, p.referral as Payload) : ''}${
    product ? html`<div class="referred-product">${icon('shopping-bag')} ${t('inbox.product.asked', { id: str(product.productRetailerId) || '?' })}${str(product.catalogId) ? html` <small>(${str(product.catalogId)})</small>` : ''}</div>` : ''}`;
}

/** "Edited" with the previous versions (oldest first), or nothing for an unedited message. */
export function editedMark(t: Translate, m: Message): SafeHtml {
  const p = (m.payload ?? {}) as Payload;
  if (typeof p.editOf === 'string') return html`<div class="edited orphan">${icon('pencil')} ${t('inbox.edited.orphan')}</div>`;
  const versions = (Array.isArray(p.edits) ? p.edits : []) as MessageVersion[];
  if (versions.length === 0) return html``;
  return html`<details class="edited"><summary>${icon('pencil')} ${t('inbox.edited')}</summary><div class="muted">${t('inbox.edited.history')}</div>
    <ol class="edit-history">${versions.map((v) => html`<li><span class="text">${str(v.content)}</span> <small>${timeTag(t, v.replacedAt, 'time')}</small></li>`)}</ol></details>`;
}

/**
 * The notice shown instead of a message deleted for everyone. When its content was kept, a
 * button (visible to admins only; the route checks too) loads it into the bubble.
 */
export function deletedNotice(t: Translate, m: Message): SafeHtml {
  const d = (m.payload?.deleted ?? {}) as Partial<MessageDeletion>;
  const who = d.by === 'business' ? t('inbox.deleted.business') : t('inbox.deleted.contact');
  return html`<div class="deleted-notice">${icon('ban')} <em>${who}</em>${d.contentKept
    ? html` <button type="button" class="link admin-only" hx-get="/inbox/messages/${m.id}/deleted-content" hx-target="closest .deleted-notice" hx-swap="beforeend">${t('inbox.deleted.show')}</button>`
    : html` <small class="muted">${t('inbox.deleted.erased')}</small>`}</div>`;
}
