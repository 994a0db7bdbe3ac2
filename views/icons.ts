/**
 * Inline SVG icons from the app's own sprite (`/static/vendor/icons.svg`, built from lucide-static
 * at install), so they render the same on every system, also without an emoji font. An icon that
 * carries meaning on its own gets `label` (read by screen readers, shown as a tooltip); a
 * decorative one next to text is hidden from assistive technology.
 */
import { html, type SafeHtml } from '../src/lib/html';
import type { IconName } from './icon-names';

export type { IconName } from './icon-names';

/** `<svg class="icon icon-<name>">` referencing the sprite; `label` makes it an image with that name. */
export function icon(name: IconName, opts: { label?: string; className?: string } = {}): SafeHtml {
  const a11y = opts.label ? html`role="img" aria-label="${opts.label}"` : html`aria-hidden="true"`;
  return html`<svg class="icon icon-${name}${opts.className ? ` ${opts.className}` : ''}" ${a11y} focusable="false">${opts.label ? html`<title>${opts.label}</title>` : ''}<use href="/static/vendor/icons.svg#i-${name}"></use></svg>`;
}
