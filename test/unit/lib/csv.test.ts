import { describe, expect, test } from 'bun:test';
import { csvLine, parseCsv, toCsv } from '../../../src/lib/csv';

describe('csvLine', () => {
  test('quotes what needs it and reads back the same fields', () => {
    const fields = ['Ana, "la jefa"', 'línea\nnueva', '', '+5491122334455', 'simple'];
    const line = csvLine(fields);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseCsv(line)).toEqual([fields]);
  });

  test('formula-looking cells are neutralised; phone numbers and negative numbers are not', () => {
    expect(csvLine(['=HYPERLINK("x")', '@cmd', '+SUM(A1)', '-1+2', '+54 9 11 2233', '-5'])).toBe(`"'=HYPERLINK(""x"")",'@cmd,'+SUM(A1),'-1+2,+54 9 11 2233,-5\r\n`);
  });
});

test('CSV: BOM, CRLF, quoting of commas, quotes and line breaks, empty nulls', () => {
  const text = toCsv(['name', 'note', 'n'], [['Peña, José', 'dijo "hola"\nadiós', 3], ['Ana', null, 0]]);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.slice(1)).toBe('name,note,n\r\n"Peña, José","dijo ""hola""\nadiós",3\r\nAna,,0\r\n');
});

test('a whole file neutralises formula cells too (CSV injection from customer text)', () => {
  expect(toCsv(['name'], [['=cmd|calc'], ['+34 600 000 000']]).slice(1)).toBe("name\r\n'=cmd|calc\r\n+34 600 000 000\r\n");
});
