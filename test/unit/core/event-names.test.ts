import { expect, test } from 'bun:test';
import { DURABLE_EVENTS, isDurableEvent } from '../../../src/core/events';
import type { Core } from '../../../src/core/context';

test('event names are checked by the type checker (npm test type-checks this file)', () => {
  const subscribe = (core: Core) => {
    // @ts-expect-error a misspelt event name must not compile
    core.bus.on('mesage.created', () => {});
    core.bus.on('message.created', (event) => {
      // @ts-expect-error nor may a payload be read with the wrong shape
      void event.message.nope;
      void event.message.id;
    });
  };
  expect(typeof subscribe).toBe('function');
  expect(isDurableEvent('message.created')).toBe(true);
  expect(isDurableEvent('user.presence')).toBe(false);
  expect(DURABLE_EVENTS).toContain('conversation.assigned');
});
