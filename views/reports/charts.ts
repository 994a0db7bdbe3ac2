/**
 * Charts drawn on the server as SVG: no chart library or CDN, dark text on light, a `viewBox` so
 * they scale down to a phone. Each chart is `role="img"` with a title and a description, and
 * every bar or cell carries a `<title>` with its exact figure (read by screen readers and shown
 * as a tooltip); the same numbers are in the tables next to them.
 */
import { html, type SafeHtml } from '../../src/lib/html';

export interface BarSeries {
  label: string;
  /** CSS class giving the colour (`series-a`, `series-b`). */
  className: string;
  values: number[];
}

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 34, left: 40 };

/** A round axis maximum ≥ `max` (1, 2, 5 × 10^n). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * pow).find((v) => v >= max)!;
}

/**
 * Grouped bars: one group per category (`categories[i]`), one bar per series. `id` names the
 * title and description elements (unique per page).
 */
export function barChart(id: string, title: string, description: string, categories: string[], series: BarSeries[]): SafeHtml {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.max(1, (groupW * 0.8) / series.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(categories.length / 12);
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];
  return html`<figure class="chart">
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" class="bar-chart">
    <title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc>
    ${ticks.map((v) => html`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}"/><text class="axis" x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`)}
    ${categories.map((cat, i) => html`<g>
      ${series.map((s, j) => {
        const v = s.values[i] ?? 0;
        return html`<rect class="${s.className}" x="${(PAD.left + i * groupW + groupW * 0.1 + j * barW).toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + plotH - y(v)).toFixed(1)}"><title>${cat} · ${s.label}: ${v}</title></rect>`;
      })}
      ${i % labelEvery === 0 ? html`<text class="axis" x="${(PAD.left + i * groupW + groupW / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${cat}</text>` : ''}
    </g>`)}
  </svg>
  <figcaption class="legend">${series.map((s) => html`<span><i class="swatch ${s.className}" aria-hidden="true"></i>${s.label}</span>`)}</figcaption>
</figure>`;
}

/**
 * Hour-of-day × weekday heat map: `cells[row][hour]`, darker = more. `rowLabels` name the rows
 * (weekdays, in the order given).
 */
export function heatmapChart(id: string, title: string, description: string, rowLabels: string[], cells: number[][], cellLabel: (row: string, hour: number, n: number) => string): SafeHtml {
  const max = Math.max(1, ...cells.flat());
  const left = 44;
  const size = (W - left - 4) / 24;
  const height = rowLabels.length * size + 22;
  return html`<figure class="chart">
  <svg viewBox="0 0 ${W} ${height.toFixed(0)}" role="img" aria-labelledby="${id}-title ${id}-desc" class="heatmap">
    <title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc>
    ${rowLabels.map((label, r) => html`<text class="axis" x="${left - 6}" y="${(r * size + size / 2 + 4).toFixed(1)}" text-anchor="end">${label}</text>
      ${(cells[r] ?? []).map((n, h) => html`<rect x="${(left + h * size).toFixed(1)}" y="${(r * size).toFixed(1)}" width="${(size - 2).toFixed(1)}" height="${(size - 2).toFixed(1)}" rx="2" fill-opacity="${(n === 0 ? 0.04 : 0.15 + 0.85 * (n / max)).toFixed(2)}" class="cell"><title>${cellLabel(label, h, n)}</title></rect>`)}`)}
    ${[0, 3, 6, 9, 12, 15, 18, 21].map((h) => html`<text class="axis" x="${(left + h * size + size / 2).toFixed(1)}" y="${(rowLabels.length * size + 16).toFixed(1)}" text-anchor="middle">${String(h).padStart(2, '0')}</text>`)}
  </svg>
</figure>`;
}

/** Met / breached as one horizontal stacked bar per row. */
export function stackedBars(id: string, title: string, rows: Array<{ label: string; met: number; breached: number }>, labels: { met: string; breached: string }): SafeHtml {
  const left = 150;
  const rowH = 28;
  const height = rows.length * rowH + 4;
  return html`<figure class="chart">
  <svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${id}-title" class="stacked">
    <title id="${id}-title">${title}</title>
    ${rows.map((r, i) => {
      const total = Math.max(1, r.met + r.breached);
      const metW = ((W - left - 4) * r.met) / total;
      const y = i * rowH + 4;
      return html`<text class="axis" x="${left - 8}" y="${y + 15}" text-anchor="end">${r.label}</text>
        <rect class="series-a" x="${left}" y="${y}" width="${metW.toFixed(1)}" height="20"><title>${r.label} · ${labels.met}: ${r.met}</title></rect>
        <rect class="series-bad" x="${(left + metW).toFixed(1)}" y="${y}" width="${(W - left - 4 - metW).toFixed(1)}" height="20"><title>${r.label} · ${labels.breached}: ${r.breached}</title></rect>`;
    })}
  </svg>
  <figcaption class="legend"><span><i class="swatch series-a" aria-hidden="true"></i>${labels.met}</span><span><i class="swatch series-bad" aria-hidden="true"></i>${labels.breached}</span></figcaption>
</figure>`;
}
