/**
 * Minimal RFC 4180 reader for labelled-phrase files (text,intent). Handles quoted fields, doubled
 * quotes, commas and line breaks inside quotes, CRLF/LF, a UTF-8 BOM and a missing final newline.
 * Kept in-house (≈50 lines) instead of a dependency because the files are small and the format is
 * fixed; anything beyond RFC 4180 (other delimiters, comments) is out of scope.
 */

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
