/** Form building blocks: labelled inputs with inline errors, selects, the CSRF field, flash notes. */
import { html, type SafeHtml } from '../../src/lib/html';

export interface FieldOptions {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  error?: string | null;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
}

/** A labelled input with its error message (aria-invalid when there is one). */
export function field(o: FieldOptions): SafeHtml {
  const id = `f-${o.name}`;
  return html`<label for="${id}">${o.label}</label>
  <input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"
    ${o.required ? html`required` : ''} ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
    ${o.error ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>
  ${o.hint ? html`<small class="hint">${o.hint}</small>` : ''}
  ${o.error ? html`<small class="error" id="${id}-error">${o.error}</small>` : ''}`;
}

/** A labelled select; `options` are [value, label] pairs. */
export function select(name: string, label: string, options: Array<[string, string]>, selected?: string | null): SafeHtml {
  return html`<label for="f-${name}">${label}</label>
  <select id="f-${name}" name="${name}">
    ${options.map(([value, text]) => html`<option value="${value}" ${value === selected ? html`selected` : ''}>${text}</option>`)}
  </select>`;
}

/** The hidden CSRF token field for classic (non-htmx) form posts. */
export function csrfField(token: string | null): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token ?? ''}">`;
}

/** A notice box: `kind` is info, success or error. */
export function notice(kind: 'info' | 'success' | 'error', text: string | null | undefined): SafeHtml {
  if (!text) return html``;
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
}
