/**
 * Offline evaluation of a trained classifier on labelled rows: accuracy, macro-F1, per-intent
 * precision/recall/F1/support, confusion matrix, share of unknown answers and latency percentiles.
 * An unknown answer (`intent: null`) counts as wrong for accuracy and recall and as a prediction of
 * the pseudo-label `(unknown)` in the confusion matrix; it never counts against an intent's precision.
 */
import type { IntentClassifier } from './types';

/** The pseudo-label used for `intent: null` in the confusion matrix. */
export const UNKNOWN_LABEL = '(unknown)';

/** Metrics of one intent. */
export interface IntentMetrics {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of rows whose true label is this intent. */
  support: number;
}

/** Result of `evaluate`. */
export interface Evaluation {
  backend: string;
  total: number;
  accuracy: number;
  /** Mean F1 over the intents present in the true labels. */
  macroF1: number;
  perIntent: IntentMetrics[];
  /** Row labels (truths) in order; column labels are `labels` plus `UNKNOWN_LABEL`. */
  labels: string[];
  /** confusion[truth][predicted] counts, predicted including `UNKNOWN_LABEL`. */
  confusion: number[][];
  unknownShare: number;
  latencyMs: { p50: number; p95: number; mean: number };
}

/** Nearest-rank percentile of ascending `sorted` (q in [0, 1]). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Classifies every row sequentially with `classifier` (already trained) and computes the metrics.
 * Labels are the true intents in first-seen order, plus any predicted intent absent from them.
 */
export async function evaluate(
  classifier: IntentClassifier,
  rows: Array<{ text: string; intent: string }>,
): Promise<Evaluation> {
  const predictions: Array<string | null> = [];
  const latencies: number[] = [];
  for (const row of rows) {
    const t0 = performance.now();
    const c = await classifier.classify(row.text);
    latencies.push(performance.now() - t0);
    predictions.push(c.intent);
  }
  const labels = [...new Set([...rows.map((r) => r.intent), ...predictions.filter((p): p is string => p !== null)])];
  const col = new Map([...labels, UNKNOWN_LABEL].map((l, i) => [l, i]));
  const confusion = labels.map(() => new Array<number>(labels.length + 1).fill(0));
  rows.forEach((r, i) => confusion[col.get(r.intent)!]![col.get(predictions[i] ?? UNKNOWN_LABEL)!]!++);

  const truthLabels = labels.filter((l) => rows.some((r) => r.intent === l));
  const perIntent = truthLabels.map((intent): IntentMetrics => {
    const k = col.get(intent)!;
    const tp = confusion[k]![k]!;
    const support = confusion[k]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, rowCounts) => a + rowCounts[k]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, precision, recall, f1, support };
  });
  const correct = rows.filter((r, i) => predictions[i] === r.intent).length;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    backend: classifier.backend,
    total: rows.length,
    accuracy: rows.length ? correct / rows.length : 0,
    macroF1: perIntent.length ? perIntent.reduce((a, m) => a + m.f1, 0) / perIntent.length : 0,
    perIntent,
    labels,
    confusion,
    unknownShare: rows.length ? predictions.filter((p) => p === null).length / rows.length : 0,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    },
  };
}

/** Renders an `Evaluation` as a plain-text report: summary, per-intent table, confusion matrix. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `backend ${e.backend}: ${e.total} rows, accuracy ${pct(e.accuracy)}, macro-F1 ${e.macroF1.toFixed(3)}, ` +
      `unknown ${pct(e.unknownShare)}, latency p50 ${e.latencyMs.p50.toFixed(2)} ms p95 ${e.latencyMs.p95.toFixed(2)} ms`,
    '',
  ];
  const w = Math.max(12, ...e.labels.map((l) => l.length)) + 2;
  lines.push('intent'.padEnd(w) + 'precision'.padStart(10) + 'recall'.padStart(10) + 'f1'.padStart(10) + 'support'.padStart(9));
  for (const m of e.perIntent) {
    lines.push(
      m.intent.padEnd(w) +
        m.precision.toFixed(3).padStart(10) +
        m.recall.toFixed(3).padStart(10) +
        m.f1.toFixed(3).padStart(10) +
        String(m.support).padStart(9),
    );
  }
  lines.push('', 'confusion (rows = truth, columns = predicted)');
  const cols = [...e.labels, UNKNOWN_LABEL];
  const cw = Math.max(5, ...cols.map((c) => c.slice(0, 8).length)) + 1;
  lines.push(''.padEnd(w) + cols.map((c) => c.slice(0, 8).padStart(cw)).join(''));
  e.labels.forEach((l, i) => lines.push(l.padEnd(w) + e.confusion[i]!.map((n) => String(n).padStart(cw)).join('')));
  return lines.join('\n');
}
