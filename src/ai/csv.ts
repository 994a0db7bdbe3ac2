/** Labelled-phrase files (text,intent) on top of the RFC 4180 reader in lib/csv. */
import { parseCsv } from '../lib/csv';

export { parseCsv };

/**
 * Parses a labelled CSV with a header containing `text` and `intent` columns (any order, extra
 * columns ignored). Throws when a column is missing; rows with an empty text are skipped.
 */
export function parseLabelledCsv(input: string): Array<{ text: string; intent: string }> {
  const [header, ...rows] = parseCsv(input);
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  const ti = names.indexOf('text');
  const ii = names.indexOf('intent');
  if (ti < 0 || ii < 0) throw new Error('CSV: header must contain "text" and "intent" columns');
  return rows
    .map((r) => ({ text: (r[ti] ?? '').trim(), intent: (r[ii] ?? '').trim() }))
    .filter((r) => r.text !== '');
}
