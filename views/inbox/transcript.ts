/**
 * The printable transcript of a conversation (`/inbox/c/:id/transcript`): who, which number,
 * when, and every customer-facing message with its time; no private notes. Printing it (or saving
 * it as PDF from the print dialog) uses static/print.css.
 */
import type { ThreadMessage } from '../../src/core/inbox-read';
import type { Conversation } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';
import { icon } from '../icons';
import { layout } from '../layout';
import { timeTag } from './format';
import { messageBubble } from './message-bubble';

export interface TranscriptData {
  conversation: Conversation;
  contactName: string;
  contactPhone: string | null;
  channelName: string;
  messages: ThreadMessage[];
}

/** The transcript page. */
export function transcriptPage(ctx: PageContext, d: TranscriptData): SafeHtml {
  const t = ctx.t;
  const c = d.conversation;
  const first = d.messages[0]?.message.sentAt;
  const last = d.messages[d.messages.length - 1]?.message.sentAt;
  return layout(ctx, t('transcript.title', { name: d.contactName }), html`<article class="transcript card">
    <header class="transcript-header">
      <p class="no-print"><a href="/inbox/c/${c.id}">${icon('arrow-left')} ${t('transcript.back')}</a>
        <button type="button" class="small icon-button" onclick="window.print()">${icon('printer')} ${t('transcript.print')}</button></p>
      <h1>${t('transcript.title', { name: d.contactName })}</h1>
      <dl class="transcript-facts">
        ${d.contactPhone ? html`<dt>${t('transcript.phone')}</dt><dd>${d.contactPhone}</dd>` : ''}
        <dt>${t('transcript.conversation')}</dt><dd>#${c.number} · ${d.channelName}</dd>
        ${first && last ? html`<dt>${t('transcript.period')}</dt><dd>${timeTag(t, first, 'datetime')} – ${timeTag(t, last, 'datetime')}</dd>` : ''}
      </dl>
      <p class="hint">${t('transcript.hint')}</p>
    </header>
    <div class="thread transcript-thread">${d.messages.length ? d.messages.map((m) => messageBubble(t, m)) : html`<p class="muted">${t('transcript.empty')}</p>`}</div>
  </article>`, { head: html`<link rel="stylesheet" href="/static/inbox.css"><link rel="stylesheet" href="/static/print.css" media="print">`, bodyClass: 'transcript-body' });
}
