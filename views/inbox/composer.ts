/**
 * The reply box (Alpine state): Enter sends, Shift+Enter adds a line, private-note mode, emoji,
 * quote-reply, attachments by picker / drag and drop / paste (uploaded first, then sent as ids),
 * canned responses on "/", @mentions in notes and the template picker (composer-pickers.ts), window countdown, drafts kept in
 * localStorage per conversation. Errors from the server (422/403) land in `#composer-error-<id>`.
 */
import type { Conversation } from '../../src/core/types';
import { html, jsonForHtml, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { cannedPickerAttrs, cannedPickerList, mentionPickerAttrs, mentionPickerList, templatePicker } from './composer-pickers';
import { icon } from '../icons';

const EMOJI = ['😀', '😂', '😊', '😍', '🙏', '👍', '👌', '🎉', '❤️', '✅', '⚠️', '🙌', '🤔', '😢', '📦', '🚚'];

/** Why the viewer may not reply: only the assignee may, and the viewer can (`take_over`) or cannot (`locked`) take it over. */
export type ReplyLock = 'take_over' | 'locked';

/**
 * "Only the assignee can reply": with a one-click take-over (audited) for whoever may take it
 * over, a plain explanation for the others; private notes stay allowed either way.
 */
function replyLockNotice(t: Translate, id: string, lock: ReplyLock): SafeHtml {
  if (lock === 'locked') return html`<div class="reply-locked notice"><span>${t('inbox.take_over.not_allowed')}</span></div>`;
  return html`<div class="take-over notice"><span>${t('inbox.take_over.locked')}</span>
    <button type="button" class="small" hx-post="/inbox/c/${id}/take-over" hx-target="#composer-error-${id}" hx-swap="innerHTML">${t('inbox.take_over')}</button></div>`;
}

/** The composer for a conversation at `now` (the core clock); `windowLeftMs` 0 means only templates can be sent. */
export function composer(t: Translate, conversation: Conversation, windowLeftMs: number, now: number, replyLock?: ReplyLock): SafeHtml {
  const id = conversation.id;
  const state = jsonForHtml({ id, windowEndsAt: windowLeftMs > 0 ? now + windowLeftMs : 0, countdownText: t('template.window_closes', { h: '{h}', m: '{m}' }) });
  return html`<form id="composer-${id}" class="composer" hx-post="/inbox/c/${id}/messages" hx-target="#composer-error-${id}" hx-swap="innerHTML"
    x-data="composer(${state})" :class="note && 'note-mode'"
    @quote.window="quote = $event.detail" @compose-mode.window="note = $event.detail.note; $refs.text.focus()" @htmx:after-request="if ($event.detail.successful) sent()"
    @dragover.prevent="" @drop.prevent="upload($event.dataTransfer.files)" @paste="upload($event.clipboardData.files)">
    ${replyLock ? replyLockNotice(t, id, replyLock) : ''}
    <div id="composer-error-${id}" class="composer-error" role="alert"></div>
    <div class="quote-preview" x-show="quote" x-cloak>${icon('reply')} <span x-text="quote && quote.text"></span>
      <input type="hidden" name="replyTo" :value="quote ? quote.id : ''"><button type="button" class="link" @click="quote = null" aria-label="${t('panes.remove')}">${icon('x')}</button></div>
    <div class="attachments" x-show="files.length" x-cloak>
      <template x-for="f in files" :key="f.id"><span class="chip">${icon('paperclip')} <span x-text="f.name"></span>
        <input type="hidden" name="attachmentIds" :value="f.id"><button type="button" class="link" @click="files = files.filter(x => x.id !== f.id)" aria-label="${t('panes.remove')}">${icon('x')}</button></span></template>
    </div>
    <div class="composer-modes">
      <button type="button" class="small" :class="!note && 'active'" @click="note = false">${t('inbox.compose.reply')}</button>
      <button type="button" class="small" :class="note && 'active'" @click="note = true">${icon('lock')} ${t('inbox.compose.note')}</button>
      <span class="window-countdown muted" x-show="windowEndsAt && countdown()">${icon('timer')} <span x-text="countdown()"></span></span>
      <span class="window-closed" x-show="windowEndsAt === 0 || now >= windowEndsAt" ${windowLeftMs > 0 ? html`x-cloak` : ''}>${t('inbox.window.closed')}</span>
    </div>
    <input type="hidden" name="private" :value="note ? 'true' : 'false'">
    ${templatePicker(t, id)}
    <div class="composer-row">
      <div class="mention-wrap" ${mentionPickerAttrs(id)}><div class="canned-wrap" ${cannedPickerAttrs(id)}><textarea name="content" rows="2" x-model="text" x-ref="text" placeholder="${t('inbox.compose.placeholder')}"
        :placeholder="note ? ${jsonForHtml(t('inbox.compose.note_placeholder'))} : (windowEndsAt === 0 || now >= windowEndsAt) ? ${jsonForHtml(t('inbox.compose.closed_placeholder'))} : ${jsonForHtml(t('inbox.compose.placeholder'))}"
        :disabled="!note && (windowEndsAt === 0 || now >= windowEndsAt)"
        @keydown.enter="if (!$event.shiftKey) { $event.preventDefault(); $el.form.requestSubmit() }"
        @input.throttle.2000ms="typing()" aria-label="${t('inbox.compose.placeholder')}"></textarea>${cannedPickerList(t)}</div>${mentionPickerList(t)}</div>
      <div class="composer-tools">
        <details class="emoji" @click.outside="$el.open = false" @keydown.escape="$el.open = false"><summary title="${t('inbox.compose.emoji')}" aria-label="${t('inbox.compose.emoji')}">${icon('smile')}</summary>
          <div class="emoji-grid">${EMOJI.map((e) => html`<button type="button" class="link" @click="insert('${e}')">${e}</button>`)}</div></details>
        <label class="attach" title="${t('inbox.compose.attach')}">${icon('paperclip')}<input type="file" multiple aria-label="${t('inbox.compose.attach')}" @change="upload($event.target.files); $event.target.value = ''"></label>
        <button type="submit" class="primary" :disabled="!note && (windowEndsAt === 0 || now >= windowEndsAt)" x-text="note ? ${jsonForHtml(t('inbox.compose.save_note'))} : ${jsonForHtml(t('inbox.compose.send'))}">${t('inbox.compose.send')}</button>
      </div>
    </div>
  </form>`;
}
