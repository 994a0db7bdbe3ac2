/** The rendered thread pane: follows the core clock (not the wall clock); status changes read as from → to. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';

import { setConversationStatus } from '../../src/core/routing/lifecycle';

let t: TestApp;
let client: TestClient;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ client } = await t.signIn('supervisor', { name: 'Lucía' }));
  ({ channelId } = makeChannel(t));
});
afterAll(async () => { await t.close(); });

describe('thread pane', () => {
  test('the composer window ends 24 h after the customer message on the app clock', async () => {
    t.clock.set(Date.UTC(2020, 5, 1, 12, 0));
    const id = customerSays(t, channelId, 'hola', { from: '5491100000101' }).conversation!.id;
    t.clock.advance(3600_000);
    const page = await (await client.get(`/inbox/c/${id}`)).text();
    const endsAt = /windowEndsAt&quot;:(\d+)/.exec(page)?.[1];
    expect(Number(endsAt)).toBe(Date.UTC(2020, 5, 2, 12, 0));
  });

  test('a status change reads "from X to Y by Z" with translated status names', async () => {
    const id = customerSays(t, channelId, 'hola', { from: '5491100000102' }).conversation!.id;
    expect((await client.form(`/inbox/c/${id}/status`, { status: 'pending' })).status).toBeLessThan(400);
    setConversationStatus(t.app.core, id, { status: 'resolved' }, null);
    const thread = await (await client.get(`/inbox/c/${id}`)).text();
    expect(thread).toContain('Estado cambiado de Abierta a Pendiente por Lucía');
    expect(thread).toContain('Estado cambiado de Pendiente a Resuelta por el sistema');
  });
});
