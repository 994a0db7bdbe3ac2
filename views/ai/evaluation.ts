/** An evaluation report as tables: summary, per-intent precision/recall/F1, confusion matrix. */
import { html, type SafeHtml } from '../../src/lib/html';
import { UNKNOWN_LABEL, type Evaluation } from '../../src/ai/evaluate';
import type { PageContext } from '../context';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Renders `e` for the admin page. */
export function evaluationView(ctx: PageContext, e: Evaluation): SafeHtml {
  return html`<div id="ai-eval-result">
    <dl class="ai-stats">
      <div><dt>${ctx.t('ai.eval_rows')}</dt><dd>${e.total}</dd></div>
      <div><dt>${ctx.t('ai.eval_accuracy')}</dt><dd data-metric="accuracy">${pct(e.accuracy)}</dd></div>
      <div><dt>macro-F1</dt><dd data-metric="macro-f1">${e.macroF1.toFixed(3)}</dd></div>
      <div><dt>${ctx.t('ai.eval_unknown')}</dt><dd>${pct(e.unknownShare)}</dd></div>
      <div><dt>${ctx.t('ai.eval_answered_precision')}</dt><dd data-metric="answered-precision">${pct(e.answeredPrecision)}</dd></div>
      <div><dt>p50 / p95</dt><dd>${e.latencyMs.p50.toFixed(2)} / ${e.latencyMs.p95.toFixed(2)} ms</dd></div>
    </dl>
    <p class="muted">${ctx.t(`ai.backend.${e.backend}`)}</p>
    <div class="table-wrap"><table class="table">
      <thead><tr><th>${ctx.t('ai.intent')}</th><th>${ctx.t('ai.eval_precision')}</th><th>${ctx.t('ai.eval_recall')}</th><th>F1</th><th>n</th></tr></thead>
      <tbody>${e.perIntent.map((m) => html`<tr data-eval-intent="${m.intent}"><td>${m.intent}</td><td>${m.precision.toFixed(3)}</td><td>${m.recall.toFixed(3)}</td><td>${m.f1.toFixed(3)}</td><td>${m.support}</td></tr>`)}</tbody>
    </table></div>
    <h3>${ctx.t('ai.eval_confusion')}</h3>
    <div class="table-wrap"><table class="table confusion">
      <thead><tr><th></th>${[...e.labels, UNKNOWN_LABEL].map((l) => html`<th>${l}</th>`)}</tr></thead>
      <tbody>${e.labels.map((l, i) => html`<tr><th>${l}</th>${e.confusion[i]!.map((n, j) => html`<td class="${i === j ? 'diag' : n ? 'miss' : ''}">${n}</td>`)}</tr>`)}</tbody>
    </table></div>
  </div>`;
}
