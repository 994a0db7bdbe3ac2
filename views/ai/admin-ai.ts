/** The /admin/ai page: classifier status, bot stats and settings, intents (and their CSV import/export), learning queue, evaluation, try box. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { ClassifierStatus } from '../../src/ai/classifier-service';
import type { Evaluation } from '../../src/ai/evaluate';
import { intentName, type Intent } from '../../src/ai/intent-store';
import type { IntentSuggestion } from '../../src/ai/learning';
import type { BotStats } from '../../src/ai/kb/ratings';
import type { Classification } from '../../src/ai/types';
import type { Team } from '../../src/core/types';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { adminNav } from '../admin-nav';
import { evaluationView } from './evaluation';
import { icon } from '../icons';
import { intentsCsvCard } from './intents-csv';
import type { IntentImportReport } from '../../src/ai/intent-csv';

export interface AiPageData {
  status: ClassifierStatus;
  exampleCount: number;
  stats: BotStats;
  bot: { enabled: boolean; threshold: number; mode: 'always' | 'after_hours' };
  generative: { enabled: boolean; baseUrl: string; model: string; hasKey: boolean };
  allowModelDownloads: boolean;
  intents: Array<Intent & { examples: number }>;
  teams: Team[];
  suggestions: IntentSuggestion[];
  flash?: { kind: 'success' | 'error'; text: string } | null;
  evaluation?: Evaluation | null;
  tried?: { text: string; result: Classification } | null;
  importReport?: IntentImportReport | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Why this backend answers, in the reader's language (the service's `reason` is for logs). */
function reasonText(ctx: PageContext, s: AiPageData['status']): string {
  if (s.transformer === 'absent') return ctx.t('ai.reason.absent');
  if (s.transformer === 'ready') return ctx.t('ai.reason.ready', { path: s.modelPath ?? '' });
  return ctx.t(s.transformer === 'failed' ? 'ai.reason.failed' : 'ai.reason.pending');
}

/** The classifier status line (also used by the try box fragment). */
function statusCard(ctx: PageContext, d: AiPageData): SafeHtml {
  const s = d.status;
  return html`<section class="card" id="ai-status">
    <h2>${ctx.t('ai.status_title')}</h2>
    <p><strong>${ctx.t('ai.active_backend')}:</strong> <span class="badge" data-backend="${s.active}">${ctx.t(`ai.backend.${s.active}`)}</span>
      · ${ctx.t('ai.model_state')}: <span data-model-state="${s.transformer}">${ctx.t(`ai.model.${s.transformer}`)}</span></p>
    <p class="muted">${reasonText(ctx, s)}</p>
    ${s.error ? notice('error', s.error) : ''}
    <p class="muted">${ctx.t('ai.examples_total', { n: d.exampleCount })}</p>
    <p class="muted" data-unknown-below="${s.minConfidence.toFixed(3)}">${ctx.t('ai.unknown_below', { pct: pct(s.minConfidence) })}</p>
    <form method="post" action="/admin/ai/downloads" class="inline">${csrfField(ctx.csrfToken)}
      <input type="hidden" name="allow" value="${d.allowModelDownloads ? 'false' : 'true'}">
      <span>${ctx.t(d.allowModelDownloads ? 'ai.downloads_on' : 'ai.downloads_off')}</span>
      <button type="submit" class="small">${ctx.t(d.allowModelDownloads ? 'ai.downloads_disable' : 'ai.downloads_enable')}</button>
    </form>
  </section>`;
}

/** The "try a message" result. */
export function tryResult(ctx: PageContext, tried: AiPageData['tried']): SafeHtml {
  if (!tried) return html`<div id="ai-try-result"></div>`;
  const r = tried.result;
  return html`<div id="ai-try-result" class="notice info" role="status">
    <strong>${r.intent ?? ctx.t('ai.unknown')}</strong> · ${ctx.t('ai.confidence')} ${pct(r.confidence)} · ${ctx.t(`ai.backend.${r.backend}`)}
    <ul class="muted">${r.scores.slice(0, 3).map((s) => html`<li>${s.intent}: ${pct(s.score)}</li>`)}</ul>
  </div>`;
}

function botCard(ctx: PageContext, d: AiPageData): SafeHtml {
  const { bot, generative: g, stats } = d;
  return html`<section class="card" id="ai-bot">
    <h2>${ctx.t('ai.bot_title')}</h2>
    <dl class="ai-stats" id="ai-stats">
      <div><dt>${ctx.t('ai.stats_bot')}</dt><dd data-stat="bot">${stats.botMessages}</dd></div>
      <div><dt>${ctx.t('ai.stats_human')}</dt><dd data-stat="human">${stats.humanMessages}</dd></div>
      <div><dt>${icon('thumbs-up', { label: ctx.t('ai.ratings_up') })}</dt><dd data-stat="up">${stats.ratingsUp}</dd></div>
      <div><dt>${icon('thumbs-down', { label: ctx.t('ai.ratings_down') })}</dt><dd data-stat="down">${stats.ratingsDown}</dd></div>
    </dl>
    <form method="post" action="/admin/ai/bot" class="stack">${csrfField(ctx.csrfToken)}
      <label><input type="checkbox" name="enabled" value="true" ${bot.enabled ? html`checked` : ''}> ${ctx.t('ai.bot_enabled')}</label>
      <label for="f-threshold">${ctx.t('ai.bot_threshold')}</label>
      <input id="f-threshold" name="threshold" type="number" min="0" max="1" step="0.05" value="${bot.threshold}">
      <label for="f-mode">${ctx.t('ai.bot_mode')}</label>
      <select id="f-mode" name="mode">
        <option value="always" ${bot.mode === 'always' ? html`selected` : ''}>${ctx.t('ai.bot_mode_always')}</option>
        <option value="after_hours" ${bot.mode === 'after_hours' ? html`selected` : ''}>${ctx.t('ai.bot_mode_after_hours')}</option>
      </select>
      <button type="submit" class="primary">${ctx.t('ai.save')}</button>
    </form>
    <h3>${ctx.t('ai.gen_title')}</h3>
    <p class="muted">${ctx.t('ai.gen_hint')}</p>
    <form method="post" action="/admin/ai/generative" class="stack">${csrfField(ctx.csrfToken)}
      <label><input type="checkbox" name="enabled" value="true" ${g.enabled ? html`checked` : ''}> ${ctx.t('ai.gen_enabled')}</label>
      <label for="f-baseUrl">${ctx.t('ai.gen_base_url')}</label><input id="f-baseUrl" name="baseUrl" type="url" value="${g.baseUrl}" placeholder="http://localhost:11434">
      <label for="f-model">${ctx.t('ai.gen_model')}</label><input id="f-model" name="model" value="${g.model}">
      <label for="f-apiKey">${ctx.t('ai.gen_api_key')}</label><input id="f-apiKey" name="apiKey" type="password" autocomplete="off" placeholder="${g.hasKey ? '••••••••' : ''}">
      <small class="hint">${ctx.t(g.hasKey ? 'ai.gen_key_kept' : 'ai.gen_key_none')}</small>
      <button type="submit" class="primary">${ctx.t('ai.save')}</button>
    </form>
  </section>`;
}

function intentsCard(ctx: PageContext, d: AiPageData): SafeHtml {
  const teamName = new Map(d.teams.map((t) => [t.id, t.name]));
  return html`<section class="card" id="ai-intents">
    <h2>${ctx.t('ai.intents_title')}</h2>
    <div class="table-wrap"><table class="table">
      <thead><tr><th>${ctx.t('ai.intent')}</th><th>${ctx.t('ai.examples')}</th><th>${ctx.t('ai.target_team')}</th><th>${ctx.t('ai.priority')}</th><th></th></tr></thead>
      <tbody>${d.intents.map((i) => html`<tr data-intent="${i.id}">
        <td><a href="/admin/ai/intents/${i.id}">${intentName(i, ctx.locale)}</a> <code>${i.id}</code>${i.enabled ? '' : html` <span class="muted">(${ctx.t('ai.disabled')})</span>`}</td>
        <td>${i.examples}</td><td>${i.targetTeamId ? teamName.get(i.targetTeamId) ?? '—' : '—'}</td><td>${i.priority}</td>
        <td><a href="/admin/ai/intents/${i.id}">${ctx.t('ai.edit')}</a></td></tr>`)}</tbody>
    </table></div>
  </section>`;
}

function queueCard(ctx: PageContext, d: AiPageData): SafeHtml {
  const options = d.intents.map((i) => [i.id, intentName(i, ctx.locale)] as const);
  return html`<section class="card" id="ai-queue">
    <h2>${ctx.t('ai.queue_title')}</h2>
    ${d.suggestions.length === 0 ? html`<p class="muted">${ctx.t('ai.queue_empty')}</p>` : ''}
    <ul class="ai-queue">${d.suggestions.map((s) => html`<li data-suggestion="${s.id}">
      <blockquote>${s.messageText}</blockquote>
      <p class="muted">${ctx.t('ai.queue_from_to', { from: s.fromIntent ?? '?', to: s.toIntent ?? '?' })}</p>
      <form method="post" action="/admin/ai/suggestions/${s.id}/approve" class="inline">${csrfField(ctx.csrfToken)}
        <select name="intentId" aria-label="${ctx.t('ai.intent')}">${options.map(([id, name]) => html`<option value="${id}" ${id === s.toIntent ? html`selected` : ''}>${name}</option>`)}</select>
        <button type="submit" class="small primary">${ctx.t('ai.approve')}</button></form>
      <form method="post" action="/admin/ai/suggestions/${s.id}/reject" class="inline">${csrfField(ctx.csrfToken)}
        <button type="submit" class="small danger">${ctx.t('ai.reject')}</button></form>
    </li>`)}</ul>
  </section>`;
}

function toolsCard(ctx: PageContext, d: AiPageData): SafeHtml {
  return html`<section class="card" id="ai-try">
    <h2>${ctx.t('ai.try_title')}</h2>
    <form method="post" action="/admin/ai/try" class="stack" hx-post="/admin/ai/try" hx-target="#ai-try-result" hx-swap="outerHTML">${csrfField(ctx.csrfToken)}
      <label for="f-try">${ctx.t('ai.try_label')}</label><input id="f-try" name="text" required maxlength="1000" value="${d.tried?.text ?? ''}">
      <button type="submit" class="primary">${ctx.t('ai.try_button')}</button>
    </form>
    ${tryResult(ctx, d.tried)}
  </section>
  <section class="card" id="ai-eval">
    <h2>${ctx.t('ai.eval_title')}</h2>
    <p class="muted">${ctx.t('ai.eval_hint')}</p>
    <form method="post" action="/admin/ai/eval" enctype="multipart/form-data" class="stack">${csrfField(ctx.csrfToken)}
      <input type="file" name="file" accept=".csv,text/csv" required aria-label="${ctx.t('ai.eval_file')}">
      <button type="submit" class="primary">${ctx.t('ai.eval_button')}</button>
    </form>
    ${d.evaluation ? evaluationView(ctx, d.evaluation) : ''}
  </section>`;
}

/** The whole /admin/ai page. */
export function aiAdminPage(ctx: PageContext, d: AiPageData): SafeHtml {
  return layout(ctx, ctx.t('ai.title'), html`${adminNav(ctx)}
    <h1>${ctx.t('ai.title')}</h1>
    ${d.flash ? notice(d.flash.kind, d.flash.text) : ''}
    <div class="ai-grid">${statusCard(ctx, d)}${botCard(ctx, d)}</div>
    ${toolsCard(ctx, d)}${queueCard(ctx, d)}${intentsCard(ctx, d)}${intentsCsvCard(ctx, d.importReport)}`, { head: html`<link rel="stylesheet" href="/static/ai.css">` });
}
