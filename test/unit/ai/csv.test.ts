import { describe, expect, test } from 'bun:test';
import { parseCsv, parseLabelledCsv } from '../../../src/ai/csv';

describe('parseCsv', () => {
  test('quotes, doubled quotes, embedded commas and newlines, CRLF, BOM, no final newline', () => {
    const input = '\ufefftext,intent\r\n"hola, que tal",other\r\n"dijo ""ok""",other\n"linea1\nlinea2",support\nfin,other';
    expect(parseCsv(input)).toEqual([
      ['text', 'intent'],
      ['hola, que tal', 'other'],
      ['dijo "ok"', 'other'],
      ['linea1\nlinea2', 'support'],
      ['fin', 'other'],
    ]);
  });

  test('blank lines are skipped, empty fields kept', () => {
    expect(parseCsv('a,b\n\n,x\n')).toEqual([
      ['a', 'b'],
      ['', 'x'],
    ]);
  });

  test('unterminated quote throws', () => {
    expect(() => parseCsv('"abc')).toThrow('unterminated');
  });
});

describe('parseLabelledCsv', () => {
  test('finds the columns by name and trims values', () => {
    expect(parseLabelledCsv('intent,lang,text\nsales, es , cuanto sale \nother,en,\n')).toEqual([
      { text: 'cuanto sale', intent: 'sales' },
    ]);
  });

  test('a missing column is an error', () => {
    expect(() => parseLabelledCsv('text,label\nhola,other')).toThrow('"intent"');
  });
});
