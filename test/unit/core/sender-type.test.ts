import { expect, test } from 'bun:test';
import { senderTypeOf } from '../../../src/core/messages';

test('only the knowledge-base bot counts as bot; other automation is system', () => {
  expect(senderTypeOf({ type: 'system', name: 'bot' })).toBe('bot');
  expect(senderTypeOf({ type: 'system', name: 'out-of-office' })).toBe('system');
  expect(senderTypeOf({ type: 'system', name: 'router' })).toBe('system');
});
