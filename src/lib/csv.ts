/**
 * CSV files people open in spreadsheets: RFC 4180 (CRLF line ends, fields quoted when they hold a
 * comma, quote or line break) with a UTF-8 byte-order mark, so Excel in any locale reads accents
 * right. Written by csv-stringify, not by hand.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/** The CSV text (BOM first) of a header row and data rows; null/undefined become empty fields. */
export function toCsv(columns: string[], rows: CsvValue[][]): string {
  return stringify([columns, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)))], { bom: true, record_delimiter: 'windows' });
}
