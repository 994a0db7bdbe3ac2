/**
 * Inbox times are rendered as `<time datetime="<ISO UTC>" data-fmt>` with a UTC fallback (the
 * browser rewrites them in its own zone), never in the server's zone.
 */
import { describe, expect, test } from 'bun:test';
import type { ThreadMessage } from '../../../src/core/inbox-read';
import type { ConversationEvent, Message } from '../../../src/core/types';
import { translator } from '../../../views/i18n';
import { messageBubble, timelineEntry } from '../../../views/inbox/message-bubble';
import { searchHits } from '../../../views/inbox/search-page';
import { threadItems } from '../../../views/inbox/thread';

const t = translator('es');
const late = Date.UTC(2026, 2, 10, 3, 30);
const ISO = '2026-03-10T03:30:00.000Z';

function message(id: string, sentAt: number): ThreadMessage {
  const m: Message = {
    id, conversationId: 'c1', channelId: 'ch', direction: 'inbound', senderType: 'contact', senderId: null, type: 'text', content: 'hola', payload: null,
    raw: null, externalId: null, status: 'received', errorCode: null, errorMessage: null, isPrivate: false, replyToId: null, replyToExternalId: null,
    sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, sentAt, createdAt: sentAt, updatedAt: sentAt,
  };
  return { message: m, attachments: [], reactions: [], quoted: null, senderName: null };
}
const event: ConversationEvent = { id: 'e1', conversationId: 'c1', kind: 'resolved', actorId: null, details: {}, createdAt: late };

describe('inbox times', () => {
  test('bubbles and timeline entries carry the UTC instant and a time format', () => {
    expect(String(messageBubble(t, message('m1', late)))).toContain(`<time datetime="${ISO}" data-fmt="time">03:30</time>`);
    expect(String(timelineEntry(t, event, new Map()))).toContain(`<time datetime="${ISO}" data-fmt="time">03:30</time>`);
  });

  test('day separators are UTC days labelled by a <time data-fmt="day">', () => {
    const out = String(threadItems(t, { messages: [message('m1', Date.UTC(2026, 2, 9, 15)), message('m2', late)], events: [], userNames: new Map() }, new Map()));
    expect(out).toContain('data-day="2026-03-09"><span><time datetime="2026-03-09T15:00:00.000Z" data-fmt="day">9 de marzo de 2026</time>');
    expect(out).toContain(`data-day="2026-03-10"><span><time datetime="${ISO}" data-fmt="day">10 de marzo de 2026</time>`);
  });

  test('search hits carry the instant with a date-and-time format', () => {
    const hit = {
      messageId: 'm1', conversationId: 'c1', conversationNumber: 7, conversationStatus: 'open' as const, channelId: 'ch', contactName: 'Carla',
      contactPhone: null, direction: 'inbound' as const, isPrivate: false, type: 'text', sentAt: late, snippet: 'hola',
    };
    expect(String(searchHits(t, { messages: [hit], nextCursor: null, form: { q: 'hola' } }))).toContain(`datetime="${ISO}" data-fmt="datetime"`);
  });
});

describe('status timeline entry', () => {
  const change: ConversationEvent = { id: 'e2', conversationId: 'c1', kind: 'status', actorId: 'u1', details: { from: 'open', to: 'snoozed' }, createdAt: late };
  const names = new Map([['u1', 'Ana']]);
  test('names both statuses, translated, in every language', () => {
    expect(String(timelineEntry(translator('en'), change, names))).toContain('Status changed from Open to Snoozed by Ana');
    expect(String(timelineEntry(translator('es'), change, names))).toContain('Estado cambiado de Abierta a Pospuesta por Ana');
    expect(String(timelineEntry(translator('pt-BR'), change, names))).toContain('Status alterado de Aberta para Adiada por Ana');
  });

  test('the system as actor reads naturally in each language (Portuguese contracts "por o" to "pelo")', () => {
    const routed: ConversationEvent = { ...change, kind: 'routed', actorId: null, details: { mode: 'manual', queue: 'unassigned' } };
    expect(String(timelineEntry(translator('pt-BR'), routed, names))).toContain('Roteada pelo sistema');
    expect(String(timelineEntry(translator('es'), routed, names))).toContain('Enrutada por el sistema');
    expect(String(timelineEntry(translator('en'), routed, names))).toContain('Routed by the system');
  });

  test('an AI classification says which intent and how sure', () => {
    const classified: ConversationEvent = { ...change, kind: 'ai.classified', actorId: null, details: { intent: 'billing', confidence: 0.874 } };
    expect(String(timelineEntry(translator('en'), classified, names))).toContain('Intent detected: billing (87 %)');
    expect(String(timelineEntry(translator('es'), { ...classified, details: { intent: null, confidence: 0.2 } }, names))).toContain('Intención detectada: ninguna clara (20 %)');
  });

  test('the intent is named in the reader\'s language when its names were recorded', () => {
    const classified: ConversationEvent = { ...change, kind: 'ai.classified', actorId: null, details: { intent: 'order_status', intentNames: { en: 'Order status', es: 'Estado del pedido', pt: 'Status do pedido' }, confidence: 0.6 } };
    expect(String(timelineEntry(translator('es'), classified, names))).toContain('Intención detectada: Estado del pedido (60 %)');
    expect(String(timelineEntry(translator('pt-BR'), classified, names))).toContain('Status do pedido (60 %)');
  });
});
