/**
 * `/settings/labels` (supervisors and admins): every label with a colour swatch, rename/recolour
 * inline, delete with confirmation (it is removed from every conversation), and a form to add one.
 */
import type { Label } from '../../src/core/types';
import { html, type SafeHtml } from '../../src/lib/html';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { settingsNav } from './settings-nav';

export interface LabelsPageState {
  ok?: string | null;
  failed?: { form: string; errors: Record<string, string>; message: string | null; values: Record<string, string> } | null;
}

/** The labels page; `usage` is the number of conversations per label id. */
export function labelsPage(ctx: PageContext, labels: Label[], usage: Map<string, number>, state: LabelsPageState = {}): SafeHtml {
  const t = ctx.t;
  const f = state.failed;
  const form = (id: string, v: { name: string; color: string }, action: string, submit: string) => {
    const e = f?.form === id ? f.errors : {};
    return html`<form method="post" action="${action}" class="label-form">${csrfField(ctx.csrfToken)}
      <input name="name" value="${v.name}" required maxlength="40" aria-label="${t('labels.name')}" placeholder="${t('labels.name')}" ${e.name ? html`aria-invalid="true"` : ''}>
      <input type="color" name="color" value="${v.color}" aria-label="${t('labels.color')}">
      <button type="submit" class="small primary">${submit}</button>
      ${e.name || e.color ? html`<small class="error">${e.name ?? e.color}</small>` : ''}</form>`;
  };
  return layout(ctx, t('labels.title'), html`${settingsNav(ctx)}
  <section class="card"><h1>${t('labels.title')}</h1>
    ${notice('success', state.ok)}${f?.message ? notice('error', f.message) : ''}
    ${labels.length === 0 ? html`<p class="muted">${t('labels.empty')}</p>` : html`<ul class="labels-admin">${labels.map((l) => html`<li id="label-${l.id}">
      <span class="chip label" style="--label:${/^#[0-9a-f]{6}$/i.test(l.color) ? l.color : '#6b7280'}">${l.name}</span>
      <small class="muted">${t('labels.usage', { n: usage.get(l.id) ?? 0 })}</small>
      ${form(l.id, f?.form === l.id ? { name: f.values.name ?? '', color: f.values.color ?? l.color } : l, `/settings/labels/${l.id}`, t('labels.save'))}
      <form method="post" action="/settings/labels/${l.id}/delete" class="inline" onsubmit="return confirm(this.dataset.confirm)"
        data-confirm="${t('labels.delete_confirm', { name: l.name, n: usage.get(l.id) ?? 0 })}">${csrfField(ctx.csrfToken)}<button type="submit" class="small danger">${t('labels.delete')}</button></form>
    </li>`)}</ul>`}
  </section>
  <section class="card"><h2>${t('labels.add')}</h2>
    ${form('new', f?.form === 'new' ? { name: f.values.name ?? '', color: f.values.color ?? '#6b7280' } : { name: '', color: '#0f766e' }, '/settings/labels', t('labels.create'))}
  </section>`, { head: html`<link rel="stylesheet" href="/static/inbox.css"><link rel="stylesheet" href="/static/inbox-tools.css">` });
}
