/** The list row's last message comes from the stored message (type + payload), so it is labelled per language. */
import { afterAll, expect, test } from 'bun:test';
import { getConversationOrThrow } from '../../src/core/conversations';
import { conversationRows } from '../../src/core/inbox-read';
import { translator } from '../../views/i18n';
import { conversationRow } from '../../views/inbox/conversation-row';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { storedFixture } from '../helpers/stored-fixture';
import { createTestApp } from '../helpers/test-app';

const t = await createTestApp();
afterAll(() => t.close());

test('an order and a location received through core render their Spanish label in the row', () => {
  const { channelId } = makeChannel(t);
  for (const [name, from, icon, expected] of [['order', '5491100000011', 'shopping-cart', 'Pedido: 3 artículos, total MXN 899.30'], ['location', '5491100000012', 'map-pin', 'Ubicación: Museo Frida Kahlo']] as const) {
    const parsed = storedFixture(name);
    const { conversation } = customerSays(t, channelId, parsed.content, { from, type: parsed.type, payload: parsed.payload as Record<string, unknown> });
    const [row] = conversationRows(t.app.core, [getConversationOrThrow(t.app.core, conversation!.id)], null);
    expect(row!.lastMessage).toMatchObject({ type: parsed.type, payload: parsed.payload });
    const html = String(conversationRow(translator('es'), row!, t.clock.now()));
    expect(html).toContain(`icons.svg#i-${icon}"></use></svg> ${expected}`);
  }
});

test('previews of 1,200 non-text conversations load in one go (an OR per conversation hit SQLite\'s expression-depth limit near 1,000)', () => {
  const { channelId } = makeChannel(t);
  const ids: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const { conversation } = customerSays(t, channelId, '', { from: `54911200${String(i).padStart(5, '0')}`, type: 'location', payload: { latitude: -34.6, longitude: -58.4, name: `Lugar ${i}` } });
    ids.push(conversation!.id);
  }
  const rows = conversationRows(t.app.core, ids.map((id) => getConversationOrThrow(t.app.core, id)), null);
  expect(rows).toHaveLength(1200);
  expect(rows.every((r, i) => r.lastMessage?.type === 'location' && (r.lastMessage.payload as { name: string }).name === `Lugar ${i}`)).toBe(true);
});
