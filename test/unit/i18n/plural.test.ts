/** Plural forms: with a numeric `count`, the translator picks `<key>.<plural category>` (Intl.PluralRules) when defined. */
import { describe, expect, test } from 'bun:test';
import { translator } from '../../../views/i18n';

describe('plural rules', () => {
  test('one and other in every language, for the bulk result and the supervisor board', () => {
    expect(translator('en')('bulk.done', { count: 1 })).toBe('1 conversation updated');
    expect(translator('en')('bulk.done', { count: 3 })).toBe('3 conversations updated');
    expect(translator('es')('supervisor.moved', { count: 1 })).toBe('1 conversación reasignada');
    expect(translator('es')('supervisor.moved', { count: 0 })).toBe('0 conversaciones reasignadas');
    expect(translator('pt-BR')('inbox.label.order', { count: 1, total: 'R$ 10' })).toBe('Pedido: 1 item, total R$ 10');
    expect(translator('pt-BR')('webhooks.replayed', { count: 2 })).toBe('2 eventos de volta à fila.');
  });
  test('a key without plural forms and a count that is not a number read as before', () => {
    expect(translator('en')('inbox.time.min', { n: 1 })).toBe('1 min');
    expect(translator('es')('bulk.done', { count: '2' })).toBe('{count} conversaciones actualizadas'.replace('{count}', '2'));
  });
});
