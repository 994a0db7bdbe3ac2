import { describe, expect, test } from 'bun:test';
import { extractFeatures, featureCount, normalizeText, tokenize } from '../../../src/ai/text-features';

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
    expect(featureCount(f, 'w:si')).toBe(1);
    expect(featureCount(f, 'w:pedido')).toBe(1);
    expect(featureCount(f, '<pe')).toBeGreaterThan(0);
    expect(featureCount(f, 'do>')).toBeGreaterThan(0);
    expect(featureCount(f, '<si>')).toBeGreaterThan(0);
    expect(featureCount(f, 'i p')).toBe(0); // no grams across words
  });

  test('synonyms of es/pt/en share a group feature; joined pairs meet the one-word spelling', () => {
    for (const word of ['pésimo', 'terrible', 'horrível']) expect(featureCount(extractFeatures(word), 's:bad')).toBeGreaterThan(0);
    expect(featureCount(extractFeatures('roto'), 's:broken')).toBeGreaterThan(0);
    expect(featureCount(extractFeatures('quebrado'), 's:broken')).toBeGreaterThan(0);
    expect(featureCount(extractFeatures('hola'), 's:bad')).toBe(0);
    expect(featureCount(extractFeatures('top up'), 'w:topup')).toBe(1);
    expect(featureCount(extractFeatures('topup'), 'w:topup')).toBe(1);
  });

  test('a typo keeps most features shared', () => {
    const a = new Set(extractFeatures('factura').ids);
    const b = new Set(extractFeatures('fatura').ids);
    const shared = [...a].filter((k) => b.has(k)).length;
    expect(shared / a.size).toBeGreaterThan(0.4);
  });

  test('tokenize returns no words for punctuation only', () => {
    expect(tokenize('?!...')).toEqual([]);
  });
});
