/** /admin/kb — knowledge-base articles: list, create, edit, delete, enable, CSV import. */
import { html, type SafeHtml } from '../../src/lib/html';
import { KB_LANGUAGES, type KbArticle } from '../../src/ai/kb/articles';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { adminNav } from '../admin-nav';

type Flash = { kind: 'success' | 'error'; text: string } | null;

/** The create/edit form; `values` re-fill it after a validation error. */
function articleForm(ctx: PageContext, action: string, a: Partial<KbArticle> | null): SafeHtml {
  return html`<form method="post" action="${action}" class="stack">${csrfField(ctx.csrfToken)}
    <label for="f-title">${ctx.t('kb.title_field')}</label><input id="f-title" name="title" maxlength="200" value="${a?.title ?? ''}">
    <label for="f-questions">${ctx.t('kb.questions')}</label>
    <textarea id="f-questions" name="questions" rows="4" required>${(a?.questions ?? []).join('\n')}</textarea><small class="hint">${ctx.t('kb.questions_hint')}</small>
    <label for="f-answer">${ctx.t('kb.answer')}</label><textarea id="f-answer" name="answer" rows="5" required maxlength="4000">${a?.answer ?? ''}</textarea>
    <label for="f-language">${ctx.t('kb.language')}</label>
    <select id="f-language" name="language">${KB_LANGUAGES.map((l) => html`<option value="${l}" ${l === (a?.language ?? 'es') ? html`selected` : ''}>${ctx.t(`kb.lang.${l}`)}</option>`)}</select>
    <label for="f-tags">${ctx.t('kb.tags')}</label><input id="f-tags" name="tags" value="${(a?.tags ?? []).join(', ')}">
    <label><input type="checkbox" name="enabled" value="true" ${a?.enabled === false ? '' : html`checked`}> ${ctx.t('ai.enabled')}</label>
    <button type="submit" class="primary">${ctx.t('ai.save')}</button>
  </form>`;
}

/** The article list with the create and import forms. */
export function kbListPage(ctx: PageContext, articles: KbArticle[], flash: Flash = null, values: Partial<KbArticle> | null = null): SafeHtml {
  return layout(ctx, ctx.t('kb.title'), html`${adminNav(ctx)}
  <h1>${ctx.t('kb.title')}</h1>
  ${flash ? notice(flash.kind, flash.text) : ''}
  <section class="card">
    ${articles.length === 0 ? html`<p class="muted">${ctx.t('kb.empty')}</p>` : ''}
    <div class="table-wrap"><table class="table" id="kb-table">
      <thead><tr><th>${ctx.t('kb.title_field')}</th><th>${ctx.t('kb.language')}</th><th>${ctx.t('kb.questions')}</th><th>${ctx.t('kb.tags')}</th><th></th></tr></thead>
      <tbody>${articles.map((a) => html`<tr data-article="${a.id}">
        <td><a href="/admin/kb/${a.id}">${a.title}</a>${a.enabled ? '' : html` <span class="muted">(${ctx.t('ai.disabled')})</span>`}</td>
        <td>${a.language}</td><td>${a.questions.length}</td><td>${a.tags.join(', ')}</td>
        <td><form method="post" action="/admin/kb/${a.id}/enabled" class="inline">${csrfField(ctx.csrfToken)}
          <input type="hidden" name="enabled" value="${a.enabled ? 'false' : 'true'}">
          <button type="submit" class="small">${ctx.t(a.enabled ? 'kb.disable' : 'kb.enable')}</button></form>
        <form method="post" action="/admin/kb/${a.id}/delete" class="inline">${csrfField(ctx.csrfToken)}
          <button type="submit" class="small danger">${ctx.t('kb.delete')}</button></form></td></tr>`)}</tbody>
    </table></div>
  </section>
  <section class="card"><h2>${ctx.t('kb.new')}</h2>${articleForm(ctx, '/admin/kb', values)}</section>
  <section class="card"><h2>${ctx.t('kb.import')}</h2>
    <p class="muted">${ctx.t('kb.import_hint')}</p>
    <form method="post" action="/admin/kb/import" enctype="multipart/form-data" class="stack">${csrfField(ctx.csrfToken)}
      <input type="file" name="file" accept=".csv,text/csv" required aria-label="${ctx.t('kb.import')}">
      <button type="submit" class="primary">${ctx.t('kb.import_button')}</button>
    </form>
  </section>`);
}

/** The edit page of one article. */
export function kbEditPage(ctx: PageContext, article: KbArticle, flash: Flash = null): SafeHtml {
  return layout(ctx, article.title, html`${adminNav(ctx)}
  <p><a href="/admin/kb">← ${ctx.t('kb.title')}</a></p>
  <h1>${article.title}</h1>
  ${flash ? notice(flash.kind, flash.text) : ''}
  <section class="card">${articleForm(ctx, `/admin/kb/${article.id}`, article)}</section>`);
}
