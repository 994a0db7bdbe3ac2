import { describe, expect, test } from 'bun:test';
import { csvLine, parseCsv } from '../../../src/lib/csv';

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
