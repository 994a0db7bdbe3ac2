/** The synced message templates of a channel, with a short text preview of their components. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { PageContext } from '../context';

export interface TemplateRow {
  name: string;
  language: string;
  status: string;
  category: string;
  components: unknown[];
}

type Component = { type?: string; format?: string; text?: string; buttons?: Array<{ text?: string }> };

/** One line per component: "BODY: Hola {{1}}", "HEADER: [IMAGE]", "BUTTONS: Sí · No". */
export function componentsPreview(components: unknown[]): string {
  return (components as Component[]).map((c) => {
    const kind = String(c.type ?? '').toUpperCase();
    if (kind === 'BUTTONS') return `BUTTONS: ${(c.buttons ?? []).map((b) => b.text ?? '').join(' · ')}`;
    if (kind === 'HEADER' && c.format && c.format !== 'TEXT') return `HEADER: [${c.format}]`;
    return `${kind}: ${c.text ?? ''}`;
  }).join('\n');
}

/** The templates table (or an empty-state hint). */
export function templatesSection(ctx: PageContext, rows: TemplateRow[]): SafeHtml {
  return html`<h2>${ctx.t('channels.templates')}</h2>
    <p class="muted">${ctx.t('channels.templates_hint')}</p>
    ${rows.length === 0 ? html`<p class="muted" id="templates-empty">${ctx.t('channels.templates_empty')}</p>` : html`<div class="table-wrap"><table class="table" id="templates-table">
      <thead><tr><th>${ctx.t('channels.tpl.name')}</th><th>${ctx.t('channels.tpl.language')}</th><th>${ctx.t('channels.tpl.status')}</th><th>${ctx.t('channels.tpl.category')}</th><th>${ctx.t('channels.tpl.preview')}</th></tr></thead>
      <tbody>${rows.map((t) => html`<tr data-template="${t.name}">
        <td><code>${t.name}</code></td><td>${t.language}</td><td><span class="badge badge-${t.status}">${t.status}</span></td><td>${t.category}</td>
        <td><pre class="tpl-preview">${componentsPreview(t.components)}</pre></td></tr>`)}</tbody></table></div>`}`;
}
