/** notify() stores every recipient's row or none (one transaction). */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { notify, unreadCount } from '../../../src/core/routing/notify';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { makeAgent } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

test('a failing recipient leaves no partial notifications and publishes nothing', async () => {
  const ana = await makeAgent(t.app.core, 'Ana');
  expect(() => notify(t.app.core, [ana.id, 'no-such-user'], 'sla.breached', null, {})).toThrow();
  await t.app.core.bus.drain();
  expect(unreadCount(t.app.core, ana.id)).toBe(0);
  expect(t.eventNames()).not.toContain('notifications.created');
  notify(t.app.core, [ana.id], 'sla.breached', null, {});
  expect(unreadCount(t.app.core, ana.id)).toBe(1);
});
