/**
 * The channel's health card: the latest problems WhatsApp reported for the whole number
 * (`value.errors`), each explained in the reader's language next to Meta's own words.
 */
import { describeErrorCode } from '../../src/channels/whatsapp/error-descriptions';
import { channelSystemErrors } from '../../src/core/channel-health';
import type { Channel } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';
import { timeTag } from '../inbox/format';

/** The "Problems WhatsApp reported" card (an empty state when there are none). */
export function channelHealth(ctx: PageContext, channel: Pick<Channel, 'config'>): SafeHtml {
  const errors = channelSystemErrors(channel);
  return html`<section class="card" id="health">
    <h2>${ctx.t('channels.health')}</h2>
    ${errors.length === 0 ? html`<p class="muted">${ctx.t('channels.health_none')}</p>` : html`<ul class="channel-errors">${errors.map((e) => html`<li class="channel-error">
      <strong>${describeErrorCode(e.code, ctx.locale)}</strong> <small>(${ctx.t('inbox.error.code', { code: e.code })}) ${timeTag(ctx.t, e.at, 'datetime')}</small>
      ${e.title || e.details ? html`<div class="muted">${ctx.t('channels.health_meta')}: ${[e.title, e.details].filter(Boolean).join(' — ')}</div>` : ''}
      ${e.href && /^https:\/\//.test(e.href) ? html`<a href="${e.href}" target="_blank" rel="noopener noreferrer">${ctx.t('channels.health_docs')}</a>` : ''}</li>`)}</ul>`}
  </section>`;
}
