/**
 * Shared benchmark reporting: the machine a figure was taken on (cores, CPU model, load average,
 * Bun version), percentiles, a markdown table on stdout and the JSON in `bench/results/<name>.json`.
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Machine {
  nproc: number;
  cpu: string;
  loadAvg: [number, number, number];
  bun: string;
  at: string;
}

/** The machine as it is right now (load average changes: take it at the start of each run). */
export function machine(): Machine {
  const [a = 0, b = 0, c = 0] = loadavg();
  return { nproc: navigator.hardwareConcurrency, cpu: cpus()[0]?.model?.trim() ?? 'unknown', loadAvg: [a, b, c].map((x) => Math.round(x * 100) / 100) as Machine['loadAvg'], bun: Bun.version, at: new Date().toISOString() };
}

/** One line describing the machine, printed above every table. */
export function machineLine(m: Machine = machine()): string {
  return `machine: nproc=${m.nproc}, cpu="${m.cpu}", load average=${m.loadAvg.join(' / ')}, bun ${m.bun}, ${m.at}`;
}

/** The p-th percentile (0–100) of `values` (nearest rank); NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds for display (2 decimals under 10, 1 under 100, else integer). */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 10) return n.toFixed(2);
  if (Math.abs(n) < 100) return n.toFixed(1);
  return String(Math.round(n));
}

/** A markdown table from a header and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? fmt(v) : v);
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Prints the machine line and the table, and writes `{machine, ...data}` to bench/results/<name>.json. */
export function report(name: string, title: string, m: Machine, header: string[], rows: (string | number)[][], data: Record<string, unknown>): void {
  console.log(`\n## ${title}\n\n${machineLine(m)}\n\n${table(header, rows)}\n`);
  const dir = join(import.meta.dir, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, machine: m, ...data }, null, 2) + '\n');
}

/** True when `a` meets a "≤ target" or "≥ target" goal, as a ✓/✗ mark for tables. */
export function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}
