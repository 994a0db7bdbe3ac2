/** Catch-up after a reconnect over a real socket: every missed timeline entry, bubble and the status chip. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { assignConversation } from '../../src/core/assignment';
import { conversationEvents } from '../../src/db/schema';
import { latestSeq } from '../../src/realtime/outbox';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

test('assigned at T1, customer writes at T2: a tab that missed both gets the timeline entry, the bubble and the status', async () => {
  const ana = await t.signIn('agent', { name: 'Ana' });
  const { channelId } = makeChannel(t);
  const id = customerSays(t, channelId, 'hola').conversation!.id;
  await t.app.core.bus.drain();
  const since = latestSeq(t.app.core);

  t.clock.advance(60_000);
  assignConversation(t.app.core, id, { assigneeId: ana.user.id }, null, { mode: 'manual' });
  await t.app.core.bus.drain();
  t.clock.advance(60_000);
  customerSays(t, channelId, 'sigo esperando');
  await t.app.core.bus.drain();
  const assigned = t.app.core.db.select().from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, id), eq(conversationEvents.kind, 'assigned'))).get()!;

  const tab = new WsTab(port, ana.client.cookies.turno_session!);
  await tab.open();
  tab.send({ type: 'catchup', since, conversationId: id });
  const replay = await tab.waitFor((f) => f.includes('sigo esperando'));
  expect(replay).toContain(`id="e-${assigned.id}"`);
  expect(replay).toContain(`id="thread-status-${id}"`);
  tab.close();
});
