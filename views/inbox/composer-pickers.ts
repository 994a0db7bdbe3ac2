/**
 * Composer pickers (Alpine components in static/composer-tools.js):
 * - canned responses: typing `/` at the start of a word opens a searchable list of the user's and
 *   shared responses (loaded once from `/inbox/c/:id/canned`, variables already expanded by the
 *   server); ↑/↓ choose, Enter or Tab inserts, Esc closes. Everything is rendered with x-text.
 * - @mentions: in a private note, `@` plus the start of a name lists the colleagues who may see
 *   the conversation (`/inbox/c/:id/mentionable`); the same keys insert "@Full Name ".
 * - templates: on demand (button) or automatically once the 24-hour window has closed (client
 *   timer on the composer's `windowEndsAt`): approved templates of the channel, inputs for body
 *   and header variables, a header file for IMAGE/VIDEO/DOCUMENT headers, a live preview, send.
 */
import { html, jsonForHtml, type SafeHtml } from '../../src/lib/html';
import type { Translate } from '../i18n';
import { icon } from '../icons';

/** Markup of the canned-response list (inside the wrapper that owns the textarea). */
export function cannedPickerList(t: Translate): SafeHtml {
  return html`<ul class="canned-picker" x-show="open" x-cloak role="listbox" aria-label="${t('canned.picker.label')}">
    <template x-for="(c, i) in matches()" :key="c.id"><li role="option" :class="i === index && 'active'" :aria-selected="i === index" @mousedown.prevent="pick(i)">
      <code x-text="'/' + c.shortcut"></code> <strong x-text="c.title"></strong><div class="canned-text" x-text="c.text"></div></li></template>
    <li class="muted" x-show="loaded && !matches().length">${t('canned.picker.empty')}</li>
  </ul>`;
}

/** Attributes of the wrapper around the composer textarea that turn on the canned picker. */
export function cannedPickerAttrs(conversationId: string): SafeHtml {
  return html`x-data="cannedPicker(${jsonForHtml(conversationId)})" @keydown.capture="key($event)" @input="scan($event.target)"`;
}

/** Markup of the @mention list (inside the wrapper from `mentionPickerAttrs`). */
export function mentionPickerList(t: Translate): SafeHtml {
  return html`<ul class="canned-picker mention-picker" x-show="mentionOpen" x-cloak role="listbox" aria-label="${t('mentions.picker.label')}">
    <template x-for="(p, i) in mentionMatches()" :key="p.id"><li role="option" :class="i === mentionIndex && 'active'" :aria-selected="i === mentionIndex" @mousedown.prevent="pickMention(i)">
      <strong x-text="'@' + p.name"></strong></li></template>
    <li class="muted" x-show="people && !mentionMatches().length">${t('mentions.picker.empty')}</li>
  </ul>`;
}

/** Attributes of the wrapper (around the canned one) that turn on the @mention picker in notes. */
export function mentionPickerAttrs(conversationId: string): SafeHtml {
  return html`x-data="mentionPicker(${jsonForHtml(conversationId)})" @keydown.capture="mentionKey($event)" @input="scanMention($event.target)"`;
}

/** The template picker panel and its toggle button. */
export function templatePicker(t: Translate, conversationId: string): SafeHtml {
  const labels = jsonForHtml({ missing: t('template.missing') });
  return html`<div class="template-picker" x-data="templatePicker(${jsonForHtml(conversationId)}, ${labels})" x-show="!note">
    <button type="button" class="small" @click="toggle()" :aria-expanded="visible()">${icon('clipboard-list')} ${t('template.button')}</button>
    <div class="template-panel" x-show="visible()" x-cloak>
      <p class="window-closed" x-show="windowEndsAt === 0 || now >= windowEndsAt">${t('template.window_closed')}</p>
      <p class="muted" x-show="loaded && !list.length">${t('template.none')}</p>
      <label x-show="list.length">${t('template.choose')}
        <select x-model="choice" @change="select()" name="_template_choice"><option value="">—</option>
          <template x-for="(tp, i) in list" :key="tp.name + tp.language"><option :value="i" x-text="tp.name + ' (' + tp.language + ')'"></option></template></select></label>
      <template x-if="sel">
        <div class="template-form">
          <template x-for="(v, i) in sel.header && sel.header.format === 'TEXT' ? sel.header.vars : []" :key="'h' + v"><label>
            <span x-text="${jsonForHtml(t('template.variable', { name: '§' }))}.replace('§', v)"></span><input x-model="headerValues[i]" maxlength="60"></label></template>
          <template x-if="sel.header && ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(sel.header.format)"><label>
            <span x-text="${jsonForHtml(t('template.header_file', { format: '§' }))}.replace('§', sel.header.format.toLowerCase())"></span>
            <input type="file" @change="uploadHeader($event.target.files[0])"><small x-text="headerFile ? headerFile.name : ''"></small></label></template>
          <template x-if="sel.header && sel.header.format === 'LOCATION'"><fieldset class="template-location"><legend>${t('template.location')}</legend>
            <label>${t('template.latitude')} <input type="number" step="any" min="-90" max="90" x-model="location.latitude"></label>
            <label>${t('template.longitude')} <input type="number" step="any" min="-180" max="180" x-model="location.longitude"></label>
            <label>${t('template.place_name')} <input x-model="location.name" maxlength="100"></label>
            <label>${t('template.place_address')} <input x-model="location.address" maxlength="300"></label></fieldset></template>
          <template x-for="(v, i) in sel.bodyVars" :key="'b' + v"><label>
            <span x-text="${jsonForHtml(t('template.variable', { name: '§' }))}.replace('§', v)"></span><input x-model="values[i]" maxlength="1024"></label></template>
          <template x-for="b in sel.buttons.filter((b) => b.needs)" :key="'k' + b.index"><label>
            <span x-text="(b.needs === 'url' ? ${jsonForHtml(t('template.button_url', { text: '§' }))} : ${jsonForHtml(t('template.button_coupon', { text: '§' }))}).replace('§', b.text || b.type)"></span>
            <input x-model="buttonValues[b.index]" :maxlength="b.needs === 'url' ? 2000 : 15"></label></template>
          <div class="template-preview"><small class="muted">${t('template.preview')}</small>
            <div class="bubble out"><strong x-show="sel.header && sel.header.format === 'TEXT'" x-text="headerPreview()"></strong>
              <div class="text" x-text="preview()"></div><small class="muted" x-text="sel.footer"></small></div></div>
          <div class="template-actions"><button type="button" class="primary small" @click="send()" :disabled="sending">${t('template.send')}</button>
            <button type="button" class="small" @click="reset()">${t('template.cancel')}</button></div>
        </div>
      </template>
    </div>
  </div>`;
}
