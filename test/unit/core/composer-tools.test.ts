/** Canned-response variable expansion and template variable parsing. */
import { describe, expect, test } from 'bun:test';
import { expandCanned, type CannedVariables } from '../../../src/core/canned';
import { templateVariables } from '../../../src/core/template-picker';

const vars: CannedVariables = { 'contact.name': 'Zoë <b>', 'contact.phone': '+5491100000001', 'agent.name': 'Ana', 'conversation.number': '42' };

describe('expandCanned', () => {
  test.each([
    ['Hola {{contact.name}}', 'Hola Zoë <b>'],
    ['{{ agent.name }} · #{{conversation.number}} · {{contact.phone}}', 'Ana · #42 · +5491100000001'],
    ['{{contact.email}} {{constructor}} {{__proto__}}', '{{contact.email}} {{constructor}} {{__proto__}}'],
    ['{contact.name} {{contact.name', '{contact.name} {{contact.name'],
    ['$& $1 {{agent.name}}', '$& $1 Ana'],
  ])('%p → %p', (input, expected) => {
    expect(expandCanned(input, vars)).toBe(expected);
  });
});

describe('templateVariables', () => {
  test('numbered and named, in order, without repeats', () => {
    expect(templateVariables('Hola {{1}}, pedido {{2}} ({{1}})')).toEqual(['1', '2']);
    expect(templateVariables('Hi {{ first_name }}, order {{order_id}}')).toEqual(['first_name', 'order_id']);
    expect(templateVariables('no variables {here}')).toEqual([]);
  });
});
