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

test('durable events are announced with emitEvent (logged in the transaction), never published on the bus directly', async () => {
  const { Glob } = await import('bun');
  const { join } = await import('node:path');
  const root = join(import.meta.dir, '..', '..', '..');
  const offenders: string[] = [];
  for await (const file of new Glob('src/**/*.ts').scan(root)) {
    const text = await Bun.file(join(root, file)).text();
    for (const name of DURABLE_EVENTS) if (text.includes(`bus.publish('${name}'`) || text.includes(`bus.emit('${name}'`)) offenders.push(`${file}: ${name}`);
  }
  expect(offenders).toEqual([]);
});
