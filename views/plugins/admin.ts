/** Admin → Plugins: each plugin with its version, status and error, enable/disable, and its settings form. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { PluginEntry } from '../../src/plugin-host/host';
import type { SettingField } from '../../src/plugin-host/settings';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';

export interface PluginCard {
  entry: PluginEntry;
  fields: SettingField[];
  /** Current values (secrets left out). */
  values: Record<string, unknown>;
  /** Which secret fields have a stored value. */
  storedSecrets: Set<string>;
  /** The plugin's `settings` slot. */
  extra: SafeHtml;
  errors?: Record<string, string>;
}

function settingInput(ctx: PageContext, card: PluginCard, f: SettingField): SafeHtml {
  const id = `plugin-${card.entry.id}-${f.name}`;
  const error = card.errors?.[f.name];
  const value = f.secret ? '' : card.values[f.name] ?? f.defaultValue ?? '';
  const describedBy = error ? html`aria-invalid="true" aria-describedby="${id}-error"` : '';
  const input = f.kind === 'checkbox'
    ? html`<input id="${id}" type="checkbox" name="${f.name}" ${value === true ? html`checked` : ''}>`
    : f.kind === 'select'
      ? html`<select id="${id}" name="${f.name}" ${describedBy}>${f.options.map((o) => html`<option value="${o}" ${o === value ? html`selected` : ''}>${o}</option>`)}</select>`
      : html`<input id="${id}" name="${f.name}" type="${f.secret ? 'password' : f.kind}" value="${String(value)}" autocomplete="off" ${f.required && !(f.secret && card.storedSecrets.has(f.name)) ? html`required` : ''} ${describedBy}>`;
  return html`<label for="${id}">${f.name}</label>${input}
    ${f.description ? html`<small class="hint">${f.description}</small>` : ''}
    ${f.secret && card.storedSecrets.has(f.name) ? html`<small class="hint">${ctx.t('plugins.settings.secret_kept')}</small>` : ''}
    ${error ? html`<small class="error" id="${id}-error">${error}</small>` : ''}`;
}

function card(ctx: PageContext, c: PluginCard): SafeHtml {
  const e = c.entry;
  const loaded = e.definition !== null;
  return html`<article class="card plugin-card" id="plugin-${e.id}" data-plugin="${e.id}" data-status="${e.status}">
    <header><h2>${e.name} <span class="muted">${e.version}</span></h2>
      <span class="chip status-${e.status}">${ctx.t(`plugins.status.${e.status}`)}</span></header>
    ${e.description ? html`<p>${e.description}</p>` : ''}
    <p class="muted">${ctx.t('plugins.file')}: <code>${e.source.path}</code></p>
    ${e.error ? html`<div class="notice error" role="alert"><strong>${ctx.t('plugins.error')}:</strong> ${e.error}</div>` : ''}
    ${e.failures > 0 && e.status === 'active' ? html`<p class="muted">${ctx.t('plugins.failures', { n: e.failures })}</p>` : ''}
    ${loaded
      ? html`<form method="post" action="/admin/plugins/${e.id}/${e.status === 'active' ? 'disable' : 'enable'}" class="inline">${csrfField(ctx.csrfToken)}
          <button type="submit" class="${e.status === 'active' ? 'secondary' : ''}">${ctx.t(e.status === 'active' ? 'plugins.disable' : 'plugins.enable')}</button></form>`
      : html`<p class="muted">${ctx.t('plugins.not_loaded')}</p>`}
    ${loaded ? html`<details ${c.errors ? html`open` : ''}><summary>${ctx.t('plugins.settings')}</summary>
      ${c.fields.length === 0 ? html`<p class="muted">${ctx.t('plugins.settings.none')}</p>` : html`<form method="post" action="/admin/plugins/${e.id}/settings" class="stack">${csrfField(ctx.csrfToken)}
        ${c.fields.map((f) => settingInput(ctx, c, f))}
        <button type="submit">${ctx.t('plugins.settings.save')}</button></form>`}
      ${c.extra}</details>` : ''}
  </article>`;
}

/** The plugins page. */
export function pluginsPage(ctx: PageContext, dir: string, cards: PluginCard[], flash: { success?: string | null; error?: string | null } = {}): SafeHtml {
  return layout(ctx, ctx.t('plugins.title'), html`${adminNav(ctx)}
  <section class="card"><h1>${ctx.t('plugins.title')}</h1>
    <p class="muted">${ctx.t('plugins.intro', { dir })}</p>
    ${notice('success', flash.success)}${notice('error', flash.error)}
    ${cards.length === 0 ? html`<p>${ctx.t('plugins.none', { dir })}</p>` : ''}
  </section>
  ${cards.map((c) => card(ctx, c))}`);
}
