/** Full-text search core: query sanitising, accents, prefix, visibility, filters, paging, contacts. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { updateContact } from '../../../src/core/contacts';
import { search, SNIPPET_CLOSE, SNIPPET_OPEN, toFtsQuery } from '../../../src/core/search';
import { sendMessage } from '../../../src/core/messages';
import { contacts, messages } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerSays, makeChannel } from '../../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('toFtsQuery', () => {
  test.each([
    ['pedido', '"pedido"*'],
    ['mi pedido', '"mi" "pedido"*'],
    ['foo" OR bar:*', '"foo" "OR" "bar:*"*'],
    ['NEAR(a b)', '"NEAR(a" "b)"*'],
    ['  "  ', null],
    ['- * ( )', null],
  ])('%p → %p', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });
});

describe('search', () => {
  test('accents and case fold, last term is a prefix, only visible conversations, filters narrow', async () => {
    const { user: admin } = await t.signIn('admin');
    const { user: member } = await t.signIn('agent');
    const { user: outsider } = await t.signIn('agent');
    const { channelId } = makeChannel(t, { teamOnly: true, members: [member.id] });
    const a = customerSays(t, channelId, 'Necesito INFORMACIÓN sobre la facturación', { name: 'Zoë Álvarez', from: '5491122223333' });
    t.clock.advance(1000);
    sendMessage(t.app.core, a.conversation!.id, { type: 'user', user: member }, { content: 'Te paso la información de facturacion' });
    t.clock.advance(1000);
    sendMessage(t.app.core, a.conversation!.id, { type: 'user', user: member }, { content: 'nota interna: facturación duplicada', private: true });

    const all = search(t.app.core, member, { q: 'facturacion' });
    expect(all.messages.map((m) => m.direction)).toEqual(['outbound', 'outbound', 'inbound']);
    expect(all.messages[2]!.snippet).toContain(`${SNIPPET_OPEN}facturación${SNIPPET_CLOSE}`);
    expect(search(t.app.core, member, { q: 'informacion factu' }).messages).toHaveLength(2);
    expect(search(t.app.core, member, { q: 'facturacion', from: 'customer' }).messages).toHaveLength(1);
    expect(search(t.app.core, member, { q: 'facturacion', from: 'agent' }).messages).toHaveLength(1);
    expect(search(t.app.core, member, { q: 'facturacion', from: 'notes' }).messages[0]!.isPrivate).toBe(true);
    expect(search(t.app.core, member, { q: 'facturacion', status: 'resolved' }).messages).toHaveLength(0);
    expect(search(t.app.core, member, { q: 'facturacion', since: t.clock.now() }).messages).toHaveLength(1);
    expect(search(t.app.core, outsider, { q: 'facturacion' })).toEqual({ messages: [], contacts: [], nextCursor: null });
    expect(search(t.app.core, admin, { q: 'facturacion' }).messages).toHaveLength(3);

    // contacts: name without accents, phone digits anywhere, contact notes
    expect(search(t.app.core, member, { q: 'zoe alv' }).contacts.map((c) => c.conversationId)).toEqual([a.conversation!.id]);
    expect(search(t.app.core, member, { q: '22223333' }).contacts).toHaveLength(0);
    t.app.core.db.update(contacts).set({ phone: '+5491122223333' }).where(eq(contacts.id, a.contact!.id)).run();
    expect(search(t.app.core, member, { q: '2222 3333' }).contacts).toHaveLength(1);
    expect(search(t.app.core, member, { q: '+549112' }).contacts[0]!.phone).toBe('+5491122223333');
    updateContact(t.app.core, a.contact!.id, { notes: 'Cliente mayorista de Córdoba' });
    expect(search(t.app.core, member, { q: 'cordoba' }).contacts[0]!.snippet).toContain(`${SNIPPET_OPEN}Córdoba${SNIPPET_CLOSE}`);
    expect(search(t.app.core, outsider, { q: 'cordoba' }).contacts).toHaveLength(0);
  });

  test('edited and deleted messages leave the index; keyset pages cover everything once', async () => {
    const { user } = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(customerSays(t, channelId, `reclamo número ${i}`, { from: '5491100009999' }).message!.id);
      t.clock.advance(10);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = search(t.app.core, user, { q: 'reclamo', limit: 3, cursor });
      seen.push(...page.messages.map((m) => m.messageId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    t.app.core.db.update(messages).set({ content: 'queja resuelta' }).where(eq(messages.id, ids[0]!)).run();
    t.app.core.db.delete(messages).where(eq(messages.id, ids[1]!)).run();
    expect(search(t.app.core, user, { q: 'reclamo' }).messages).toHaveLength(5);
    expect(search(t.app.core, user, { q: 'queja' }).messages.map((m) => m.messageId)).toEqual([ids[0]!]);
  });
});
