/**
 * CSV files people open in spreadsheets (RFC 4180). Writing goes through csv-stringify: CRLF line
 * ends, fields quoted when they hold a comma, quote or line break, a UTF-8 byte-order mark on whole
 * files so Excel in any locale reads accents right, and cells that a spreadsheet would run as a
 * formula neutralised. Reading handles quoted fields, doubled quotes, commas and line breaks inside
 * quotes, CRLF/LF, a BOM and a missing final newline (small, fixed-format files; in-house).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/** A leading =, @, tab or CR, or + / - not followed by just digits (phone numbers stay), is prefixed with ' . */
function neutralise(value: CsvValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return /^[=@\t\r]/.test(value) || /^[+-](?!\d[\d ]*$)/.test(value) ? `'${value}` : value;
}

/** The CSV text (BOM first) of a header row and data rows; null/undefined become empty fields. */
export function toCsv(columns: string[], rows: CsvValue[][]): string {
  return stringify([columns, ...rows].map((r) => r.map(neutralise)), { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** Parses CSV text into rows of string fields. Blank lines are skipped. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') endRow(), (i += 2);
    else if (c === '\n' || c === '\r') endRow(), i++;
    else (field += c), i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** One CSV line (CRLF-terminated, no BOM) of `fields`, for files written row by row. */
export function csvLine(fields: CsvValue[]): string {
  return stringify([fields.map(neutralise)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
