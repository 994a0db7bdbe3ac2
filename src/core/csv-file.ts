/** Reading an uploaded CSV file for an import: its header row and body rows, or a 422 on `file`. */
import { parseCsv } from '../lib/csv';
import { fail } from './errors';

/** Splits CSV text into the header row and the data rows; unreadable CSV is `unprocessable` (field `file`). */
export function readCsvFile(csv: string): { header: string[]; body: string[][] } {
  try {
    const [header, ...body] = parseCsv(csv);
    return { header: (header ?? []).map((h) => h.trim()), body };
  } catch (error) {
    throw fail.unprocessable((error as Error).message, { field: 'file' });
  }
}
