import { describe, expect, test } from 'bun:test';
import { pickLocale, translator } from '../../../views/i18n';
import { common } from '../../../views/i18n/common';

describe('i18n', () => {
  test('user setting wins, then Accept-Language by quality, default Spanish', () => {
    expect(pickLocale('en', 'es-ES')).toBe('en');
    expect(pickLocale(null, 'fr;q=0.9, pt-BR;q=0.8, en;q=0.5')).toBe('pt-BR');
    expect(pickLocale(null, 'en-US,en;q=0.9')).toBe('en');
    expect(pickLocale(null, 'de')).toBe('es');
    expect(pickLocale(null, null)).toBe('es');
  });
  test('every locale has the same keys', () => {
    const en = Object.keys(common.en).sort();
    expect(Object.keys(common.es).sort()).toEqual(en);
    expect(Object.keys(common['pt-BR']).sort()).toEqual(en);
  });
  test('interpolates variables and falls back to the key', () => {
    expect(translator('es')('login.throttled', { minutes: 3 })).toContain('3 minutos');
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});
