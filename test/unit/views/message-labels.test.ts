/**
 * Non-text messages are labelled per agent language from type + payload: parsed real fixtures and
 * rows stored before (English prose in content / preview) read the same in es / pt-BR / en.
 */
import { describe, expect, test } from 'bun:test';
import type { ConversationRow } from '../../../src/core/inbox-read';
import type { Message } from '../../../src/core/types';
import { translator } from '../../../views/i18n';
import { conversationRow } from '../../../views/inbox/conversation-row';
import { messageBubble } from '../../../views/inbox/message-bubble';
import { messageLabel } from '../../../views/inbox/message-label';
import { storedFixture } from '../../helpers/stored-fixture';

const es = translator('es');
const pt = translator('pt-BR');
const en = translator('en');
const now = Date.UTC(2026, 0, 15, 12);

function row(last: Message, storedPreview: string): ConversationRow {
  return {
    conversation: { id: 'c1', number: 7, channelId: 'ch', contactId: 'k', status: 'open', priority: 'none', assigneeId: null, teamId: null, previousAssigneeId: null, snoozeUntil: null, snoozeUntilReply: false,
      lastMessageAt: now, lastMessagePreview: storedPreview, lastMessageType: last.type, lastInboundAt: now, lastOutboundAt: null, waitingSince: null, firstResponseAt: null, resolvedAt: null, reopenedAt: null, botActive: false, createdAt: now, updatedAt: now },
    contact: { id: 'k', name: 'María', phone: null }, assignee: null, labels: [], unread: 0, lastMessage: last,
  };
}
/** The row preview as text, its type icon (an SVG from the sprite) written as "[name]". */
const preview = (html: string) => {
  const inner = /<div class="row-preview">([\s\S]*?)<\/div>/.exec(html)![1]!;
  const icon = /#i-([\w-]+)/.exec(inner)?.[1];
  return `${icon ? `[${icon}] ` : ''}${inner.replace(/<svg[\s\S]*?<\/svg>/g, '').trim()}`;
};

describe('message labels from parsed fixtures', () => {
  test('order: count and totals in each language, with the customer note', () => {
    const m = storedFixture('order');
    expect(messageLabel(es, m)).toBe('Pedido: 3 artículos, total MXN 899.30 — Lo quiero para el viernes');
    expect(messageLabel(pt, m)).toBe('Pedido: 3 itens, total MXN 899.30 — Lo quiero para el viernes');
    expect(messageLabel(en, m)).toBe('Order: 3 items, total MXN 899.30 — Lo quiero para el viernes');
  });

  test('location, contacts, replies, voice, captions, unsupported and unknown types', () => {
    expect(messageLabel(es, storedFixture('location'))).toBe('Ubicación: Museo Frida Kahlo · Londres 247, Del Carmen, Coyoacán, CDMX');
    expect(messageLabel(pt, storedFixture('contacts'))).toBe('Contato: Sofía Ramírez');
    expect(messageLabel(es, storedFixture('interactive-list-reply'))).toBe('Envío express');
    expect(messageLabel(es, storedFixture('interactive-nfm-reply'))).toBe('Formulario enviado');
    expect(messageLabel(pt, storedFixture('audio-voice'))).toBe('Mensagem de voz');
    expect(messageLabel(es, storedFixture('video'))).toBe('Video');
    expect(messageLabel(es, storedFixture('image'))).toBe('Así me llegó la caja');
    expect(messageLabel(es, storedFixture('unsupported'))).toBe('Mensaje no compatible (ábrelo en WhatsApp en el teléfono)');
    expect(messageLabel(es, storedFixture('unknown-type'))).toBe('El tipo de mensaje «hologram» aún no es compatible');
  });
});

describe('conversation row preview', () => {
  test('a location shows one pin and the Spanish label', () => {
    const m = storedFixture('location');
    const out = preview(String(conversationRow(es, row(m, m.content), now)));
    expect(out).toBe('[map-pin] Ubicación: Museo Frida Kahlo · Londres 247, Del Carmen, Coyoacán, CDMX');
  });

  test('rows stored with the old English previews render in the agent language', () => {
    const oldLocation = { ...storedFixture('location'), content: '📍 Location: Obelisco', payload: { latitude: -34.6, longitude: -58.38, name: 'Obelisco' } };
    expect(preview(String(conversationRow(es, row(oldLocation, '📍 Location: Obelisco'), now)))).toBe('[map-pin] Ubicación: Obelisco');
    const oldOrder = { ...storedFixture('order'), content: '🛒 Order: 3 items, total MXN 899.30 — Lo quiero para el viernes' };
    expect(preview(String(conversationRow(pt, row(oldOrder, oldOrder.content), now)))).toBe('[shopping-cart] Pedido: 3 itens, total MXN 899.30 — Lo quiero para el viernes');
    const oldUnknown = { ...storedFixture('unknown-type'), content: '⚠️ Message of type "hologram" (not supported yet)' };
    expect(preview(String(conversationRow(es, row(oldUnknown, oldUnknown.content), now)))).not.toContain('not supported');
  });
});

describe('bubble of old rows', () => {
  const bubble = (m: Message) => String(messageBubble(es, { message: m, attachments: [], reactions: [], quoted: null, senderName: null }));

  test('an unknown type says it once, in the agent language', () => {
    const out = bubble({ ...storedFixture('unknown-type'), content: '⚠️ Message of type "hologram" (not supported yet)' });
    expect(out).toContain('El tipo de mensaje «hologram» aún no es compatible');
    expect(out).not.toContain('not supported yet');
  });

  test('media without caption does not show the old English summary', () => {
    const out = bubble({ ...storedFixture('video'), content: '🎥 Video' });
    expect(out).not.toContain('🎥 Video');
    expect(bubble(storedFixture('image'))).toContain('<div class="text">Así me llegó la caja</div>');
  });

  test('a quoted order reads as a Spanish label', () => {
    const out = String(messageBubble(es, { message: storedFixture('text'), attachments: [], reactions: [], quoted: storedFixture('order'), senderName: null }));
    expect(out).toContain('icons.svg#i-shopping-cart"></use></svg> Pedido: 3 artículos');
  });
});
