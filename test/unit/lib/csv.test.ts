import { expect, test } from 'bun:test';
import { toCsv } from '../../../src/lib/csv';

test('CSV: BOM, CRLF, quoting of commas, quotes and line breaks, empty nulls', () => {
  const text = toCsv(['name', 'note', 'n'], [['Peña, José', 'dijo "hola"\nadiós', 3], ['Ana', null, 0]]);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.slice(1)).toBe('name,note,n\r\n"Peña, José","dijo ""hola""\nadiós",3\r\nAna,,0\r\n');
});
