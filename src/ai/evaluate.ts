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
  /** Share of rows answered with an intent (1 − unknownShare). */
  coverage: number;
  /** Accuracy over the answered rows only (0 when nothing was answered). */
  answeredPrecision: number;
  /** Most frequent (truth → predicted intent) mistakes, unknown answers excluded, most first. */
  confusionPairs: Array<{ truth: string; predicted: string; count: number }>;
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
  const answered = predictions.filter((p) => p !== null).length;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    backend: classifier.backend,
    total: rows.length,
    accuracy: rows.length ? correct / rows.length : 0,
    macroF1: perIntent.length ? perIntent.reduce((a, m) => a + m.f1, 0) / perIntent.length : 0,
    perIntent,
    labels,
    confusion,
    unknownShare: rows.length ? (rows.length - answered) / rows.length : 0,
    coverage: rows.length ? answered / rows.length : 0,
    answeredPrecision: answered ? correct / answered : 0,
    confusionPairs: topConfusions(labels, confusion, 10),
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    },
  };
}

/** The `limit` largest off-diagonal cells of the confusion matrix (unknown column excluded). */
function topConfusions(labels: string[], confusion: number[][], limit: number): Evaluation['confusionPairs'] {
  const pairs: Evaluation['confusionPairs'] = [];
  confusion.forEach((row, t) => labels.forEach((predicted, p) => {
    if (p !== t && row[p]! > 0) pairs.push({ truth: labels[t]!, predicted, count: row[p]! });
  }));
  return pairs.sort((a, b) => b.count - a.count || a.truth.localeCompare(b.truth)).slice(0, limit);
}

/** Beyond this many intents the full confusion matrix is unreadable and left out of the text report. */
const MAX_MATRIX_LABELS = 20;

/**
 * Renders an `Evaluation` as a plain-text report: summary, per-intent table, the most confused
 * pairs and (up to 20 intents) the confusion matrix.
 */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `backend ${e.backend}: ${e.total} rows, accuracy ${pct(e.accuracy)}, macro-F1 ${e.macroF1.toFixed(3)}, ` +
      `unknown ${pct(e.unknownShare)}, latency p50 ${e.latencyMs.p50.toFixed(2)} ms p95 ${e.latencyMs.p95.toFixed(2)} ms`,
    `coverage ${pct(e.coverage)}, answered-precision ${pct(e.answeredPrecision)}`,
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
  if (e.confusionPairs.length) {
    lines.push('', 'most confused (truth → predicted: count)');
    for (const c of e.confusionPairs) lines.push(`  ${c.truth} → ${c.predicted}: ${c.count}`);
  }
  if (e.labels.length > MAX_MATRIX_LABELS) return lines.join('\n');
  lines.push('', 'confusion (rows = truth, columns = predicted)');
  const cols = [...e.labels, UNKNOWN_LABEL];
  const cw = Math.max(5, ...cols.map((c) => c.slice(0, 8).length)) + 1;
  lines.push(''.padEnd(w) + cols.map((c) => c.slice(0, 8).padStart(cw)).join(''));
  e.labels.forEach((l, i) => lines.push(l.padEnd(w) + e.confusion[i]!.map((n) => String(n).padStart(cw)).join('')));
  return lines.join('\n');
}
