import { describe, expect, test } from 'bun:test';
import { extractFeatures, normalizeText, tokenize } from '../../../src/ai/text-features';

describe('normalizeText', () => {
  test.each([
    ['¿Dónde está mi PEDIDO?', 'donde esta mi pedido'],
    ['Não consigo, ação!', 'nao consigo acao'],
    ['holaaaa   buenasss', 'hola buenas'],
    ['pedido #4521 del 12/03', 'pedido 0 del 0 0'],
    ['ok 👍', 'ok 👍'],
    ['   ', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('extractFeatures', () => {
  test('character n-grams inside word boundaries plus words', () => {
    const f = extractFeatures('Sí pedido');
    expect(f.get('w:si')).toBe(1);
    expect(f.get('w:pedido')).toBe(1);
    expect(f.has('<pe')).toBe(true);
    expect(f.has('do>')).toBe(true);
    expect(f.has('<si>')).toBe(true);
    expect(f.has('i p')).toBe(false); // no grams across words
  });

  test('a typo keeps most features shared', () => {
    const a = new Set(extractFeatures('factura').keys());
    const b = new Set(extractFeatures('fatura').keys());
    const shared = [...a].filter((k) => b.has(k)).length;
    expect(shared / a.size).toBeGreaterThan(0.4);
  });

  test('tokenize returns no words for punctuation only', () => {
    expect(tokenize('?!...')).toEqual([]);
  });
});
