/**
 * A wake that arrives while a consumer's loop has just found nothing to do (its run is finishing)
 * must not be lost: the event committed then is delivered without waiting for another commit.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { updateContact } from '../../../src/core/contacts';
import { EventDispatcher } from '../../../src/jobs/event-dispatcher';
import { customerSays, makeChannel } from '../../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

test('an event committed right after an empty read is still delivered', async () => {
  const dispatcher = new EventDispatcher(t.app.core, { retryDelay: () => 0 });
  const seen: string[] = [];
  dispatcher.register({ id: 'test:contacts', events: ['contact.updated'], handle: (event) => void seen.push(event.id) });
  // The message wakes the consumer, which reads nothing it wants; the contact change comes in the same tick.
  const contact = customerSays(t, makeChannel(t).channelId, 'hola').contact!;
  updateContact(t.app.core, contact.id, { notes: 'vip' });
  await t.app.core.bus.drain();
  expect(seen).toHaveLength(1);
  await dispatcher.stop();
});
