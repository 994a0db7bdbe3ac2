/** The intents CSV card of /admin/ai: export link, import form and the report of the last import. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { IntentImportReport } from '../../src/ai/intent-csv';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { localizeMessage } from '../i18n';

function reportView(ctx: PageContext, r: IntentImportReport): SafeHtml {
  const summary = r.invalidRows > 0 && !r.dryRun ? notice('error', ctx.t('intents_csv.report_failed', { n: r.invalidRows }))
    : notice('success', ctx.t(r.applied ? 'intents_csv.report_applied' : 'intents_csv.report_preview', { rows: r.rows }));
  const counts: Array<[string, string | number]> = [
    ['intents_csv.added', r.examplesAdded], ['intents_csv.duplicates', r.duplicates], ['intents_csv.removed', r.examplesRemoved],
    ['intents_csv.created', r.intentsCreated.join(', ') || '—'], ['intents_csv.renamed', r.intentsRenamed.join(', ') || '—'],
  ];
  return html`<div id="intents-import-report" data-applied="${String(r.applied)}">${summary}
    <dl class="ai-import-counts">${counts.map(([key, value]) => html`<dt>${ctx.t(key)}</dt><dd>${value}</dd>`)}</dl>
    ${r.errors.length === 0 ? '' : html`<div class="table-wrap"><table class="table"><thead><tr><th>${ctx.t('intents_csv.line')}</th><th>${ctx.t('intents_csv.reason')}</th></tr></thead>
      <tbody>${r.errors.map((e) => html`<tr data-line="${e.line}"><td>${e.line}</td><td>${localizeMessage(ctx.t, e.message)}</td></tr>`)}</tbody></table></div>`}
    ${r.invalidRows > r.errors.length ? html`<p class="muted">${ctx.t('intents_csv.more_errors', { n: r.invalidRows - r.errors.length })}</p>` : ''}
  </div>`;
}

/** The card; `report` is the result of the import just posted, if any. */
export function intentsCsvCard(ctx: PageContext, report: IntentImportReport | null | undefined): SafeHtml {
  return html`<section class="card" id="ai-intents-csv">
    <h2>${ctx.t('intents_csv.title')}</h2>
    <p class="muted">${ctx.t('intents_csv.hint')}</p>
    <p><a href="/admin/ai/intents.csv" download>${ctx.t('intents_csv.export')}</a></p>
    <form method="post" action="/admin/ai/import" enctype="multipart/form-data" class="stack">${csrfField(ctx.csrfToken)}
      <input type="file" name="file" accept=".csv,text/csv" required aria-label="${ctx.t('intents_csv.file')}">
      <label><input type="checkbox" name="dryRun" value="true"> ${ctx.t('intents_csv.dry_run')}</label>
      <label><input type="checkbox" name="replace" value="true"> ${ctx.t('intents_csv.replace')}</label>
      <button type="submit" class="primary">${ctx.t('intents_csv.import')}</button>
    </form>
    ${report ? reportView(ctx, report) : ''}
  </section>`;
}
