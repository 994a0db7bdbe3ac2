/** Real WhatsApp webhook fixtures (test/fixtures/whatsapp) run through the parser into stored-message shape. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebhook } from '../../src/channels/whatsapp/parse-webhook';
import type { Message } from '../../src/core/types';

const DIR = join(import.meta.dir, '../fixtures/whatsapp');

/** The message of fixture `name` as ingest stores it (type, content, payload from the parser). */
export function storedFixture(name: string, at = Date.UTC(2026, 0, 15, 12)): Message {
  const parsed = parseWebhook(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'))).messages[0]!;
  return {
    id: `m-${name}`, conversationId: 'c1', channelId: 'ch', direction: 'inbound', senderType: 'contact', senderId: null,
    type: parsed.type, content: parsed.content, payload: parsed.payload, raw: null, externalId: parsed.externalId, status: 'received',
    errorCode: null, errorMessage: null, isPrivate: false, replyToId: null, replyToExternalId: null, sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null,
    sentAt: at, createdAt: at, updatedAt: at,
  };
}
