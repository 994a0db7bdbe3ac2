/**
 * Minimal RFC 4180 reading and writing. Reading handles quoted fields, doubled quotes, commas and
 * line breaks inside quotes, CRLF/LF, a UTF-8 BOM and a missing final newline. Kept in-house
 * (≈60 lines) instead of a dependency because the files are small and the format is fixed;
 * anything beyond RFC 4180 (other delimiters, comments) is out of scope.
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
 * One CSV line (CRLF-terminated) of `fields`; a field is quoted when it holds a comma, quote or line
 * break, and a leading =, @, or + / - not followed by just digits (phone numbers stay as they are)
 * is prefixed with ' so spreadsheets do not run it as a formula.
 */
export function csvLine(fields: Array<string | null | undefined>): string {
  return fields.map((value) => {
    let text = value ?? '';
    if (/^[=@\t\r]/.test(text) || /^[+-](?!\d[\d ]*$)/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',') + '\r\n';
}
