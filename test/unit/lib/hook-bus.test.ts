import { describe, expect, test } from 'bun:test';
import { HookBus } from '../../../src/lib/hook-bus';
import { createLogger } from '../../../src/lib/logger';

type Events = { 'a': { n: number }; 'b': { s: string } };

describe('HookBus', () => {
  test('runs handlers by priority, then registration order', async () => {
    const bus = new HookBus<Events>();
    const order: string[] = [];
    bus.on('a', () => void order.push('late'), { priority: 10 });
    bus.on('a', () => void order.push('first'), { priority: -5 });
    bus.on('a', () => void order.push('default-1'));
    bus.on('a', () => void order.push('default-2'));
    await bus.emit('a', { n: 1 });
    expect(order).toEqual(['first', 'default-1', 'default-2', 'late']);
  });
  test('a failing handler is isolated: the others still run and the publisher does not throw', async () => {
    const bus = new HookBus<Events>(createLogger('silent'));
    const seen: number[] = [];
    bus.on('a', () => {
      throw new Error('boom');
    });
    bus.on('a', ({ n }) => void seen.push(n));
    await bus.emit('a', { n: 7 });
    expect(seen).toEqual([7]);
  });
  test('unsubscribe, onAny and drain', async () => {
    const bus = new HookBus<Events>();
    const seen: string[] = [];
    const off = bus.on('b', ({ s }) => void seen.push(s));
    bus.onAny(async ({ name }) => {
      await Bun.sleep(5);
      seen.push(`any:${String(name)}`);
    });
    bus.publish('b', { s: 'x' });
    await bus.drain();
    off();
    bus.publish('b', { s: 'y' });
    await bus.drain();
    expect(seen).toEqual(['x', 'any:b', 'any:b']);
  });
});
