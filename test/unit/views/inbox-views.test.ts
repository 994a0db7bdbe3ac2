/** Inbox view components: every message type renders, and hostile text is always escaped. */
import { describe, expect, test } from 'bun:test';
import type { ThreadMessage } from '../../../src/core/inbox-read';
import type { Attachment, Message } from '../../../src/core/types';
import { translator } from '../../../views/i18n';
import { conversationRow } from '../../../views/inbox/conversation-row';
import { linkify } from '../../../views/inbox/format';
import { messageBubble } from '../../../views/inbox/message-bubble';
import { activityIndicator } from '../../../views/inbox/indicators';

const t = translator('en');
const XSS = '<img src=x onerror="window.__xss=1">';
const now = Date.UTC(2026, 0, 15, 12);

function msg(type: string, content: string, payload: Record<string, unknown> | null = null, extra: Partial<Message> = {}): Message {
  return {
    id: `m-${type}`, conversationId: 'c1', channelId: 'ch', direction: 'inbound', senderType: 'contact', senderId: null, type, content, payload,
    raw: null, externalId: null, status: 'received', errorCode: null, errorMessage: null, isPrivate: false, replyToId: null, replyToExternalId: null,
    sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, sentAt: now, createdAt: now, updatedAt: now, ...extra,
  };
}
function file(kind: string, filename: string): Attachment {
  return { id: `a-${kind}`, messageId: `m-${kind}`, kind, mimeType: 'x/y', filename, size: 2048, sha256: null, storageKey: null, externalMediaId: null, status: 'stored', error: null, uploadedBy: null, createdAt: now };
}
const item = (message: Message, attachments: Attachment[] = [], more: Partial<ThreadMessage> = {}): ThreadMessage =>
  ({ message, attachments, reactions: [], quoted: null, senderName: null, ...more });

const cases: Array<[string, ThreadMessage, string]> = [
  ['text', item(msg('text', `hi ${XSS} https://ok.example/a?b=1`)), 'href="https://ok.example/a?b=1"'],
  ['image', item(msg('image', XSS), [file('image', XSS)]), '<img class="media image" src="/media/a-image"'],
  ['sticker', item(msg('sticker', ''), [file('sticker', 's.webp')]), 'media sticker'],
  ['audio', item(msg('audio', ''), [file('audio', 'a.ogg')]), '<audio controls'],
  ['video', item(msg('video', XSS), [file('video', 'v.mp4')]), '<video controls'],
  ['document', item(msg('document', XSS), [file('document', XSS)]), '2.0 KB'],
  ['location', item(msg('location', '', { latitude: -34.6, longitude: -58.4, name: XSS, address: XSS })), 'openstreetmap.org/?mlat=-34.6&amp;mlon=-58.4'],
  ['contacts', item(msg('contacts', '', { contacts: [{ name: XSS, phones: [{ phone: XSS }] }] })), 'contact-card'],
  ['interactive', item(msg('interactive', '', { kind: 'button_reply', id: 'b', title: XSS })), 'interactive-reply'],
  ['button', item(msg('button', '', { text: XSS })), 'interactive-reply'],
  ['order', item(msg('order', XSS, { text: XSS, items: [{ productRetailerId: XSS, quantity: 2, itemPrice: 10.5, currency: 'EUR' }], total: { EUR: 21 } })), 'Total: EUR 21.00'],
  ['flow', item(msg('interactive', '', { kind: 'nfm_reply', response: { [XSS]: XSS } })), '<dl>'],
  ['template', item(msg('template', XSS, { template: { name: XSS } }, { direction: 'outbound', status: 'read' })), 'tick read'],
  ['unknown', item(msg('ephemeral', XSS)), 'not supported'],
  ['note', item(msg('note', XSS, null, { direction: 'outbound', isPrivate: true, status: 'sent' }), [], { senderName: XSS }), 'bubble out private'],
  ['failed', item(msg('text', XSS, null, { direction: 'outbound', status: 'failed', errorMessage: XSS })), '/retry'],
  ['quoted', item(msg('text', 'yes'), [], { quoted: msg('text', XSS), reactions: [{ actor: 'contact', emoji: XSS }] }), 'href="#m-m-text"'],
];

describe('message bubble', () => {
  for (const [name, data, marker] of cases) {
    test(`${name} renders and escapes hostile text`, () => {
      const out = String(messageBubble(t, data));
      expect(out).toContain(marker);
      expect(out).not.toContain('<img src=x');
      expect(out).not.toContain('onerror="window');
    });
  }
  test('linkify does not let quotes break out of the href', () => {
    expect(String(linkify('http://a.b/"onmouseover="x'))).not.toContain('"onmouseover');
    expect(String(linkify('javascript:alert(1)'))).not.toContain('<a');
  });
});

describe('conversation row and indicators', () => {
  test('contact name, preview and labels are escaped; closing window and unread show', () => {
    const out = String(conversationRow(t, {
      conversation: { id: 'c1', number: 7, channelId: 'ch', contactId: 'k', status: 'open', priority: 'high', assigneeId: 'u1', teamId: null, previousAssigneeId: null, snoozeUntil: null, snoozeUntilReply: false,
        lastMessageAt: now, lastMessagePreview: XSS, lastMessageType: 'image', lastInboundAt: now - 23 * 3600_000, lastOutboundAt: null, waitingSince: now - 600_000, firstResponseAt: null, resolvedAt: null, reopenedAt: null, botActive: false, createdAt: now, updatedAt: now },
      contact: { id: 'k', name: XSS, phone: '+5491100' }, assignee: { id: 'u1', name: 'Ana Gómez' },
      labels: [{ id: 'l', name: XSS, color: 'red;background:url(x)', createdAt: now }], unread: 3,
    }, now));
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('window-warning');
    expect(out).toContain('<span class="unread-count"');
    expect(out).toContain('>AG<');
    expect(out).toContain('--label:#6b7280');
  });
  test('activity indicator escapes names and marks each user', () => {
    const u = (id: string, name: string) => ({ id, name }) as never;
    const out = String(activityIndicator(t, [u('1', XSS), u('2', 'Bob')], [u('2', 'Bob')]));
    expect(out).toContain('Bob is typing');
    expect(out).toContain('data-user="1"');
    expect(out).not.toContain('<img src=x');
  });
});
