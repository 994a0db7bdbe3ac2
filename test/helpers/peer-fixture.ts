/**
 * Webhook payloads other WhatsApp projects wrote (test/fixtures/whatsapp/peer, origin in its
 * README), addressed to the test channel: every `metadata.phone_number_id` and entry id is replaced
 * by the test channel's; everything else is sent exactly as found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE_NUMBER_ID, WABA_ID } from './whatsapp';

type Obj = Record<string, any>;

/** The peer payload `name` (file name without `.json`), routed to the test channel. */
export function peerFixture(name: string): Obj {
  const body = JSON.parse(readFileSync(join(import.meta.dir, '../fixtures/whatsapp/peer', `${name}.json`), 'utf8')) as Obj;
  for (const entry of body.entry as Obj[]) {
    entry.id = WABA_ID;
    for (const change of entry.changes as Obj[]) change.value.metadata.phone_number_id = PHONE_NUMBER_ID;
  }
  return body;
}

/** The first message (or echo) object of a peer payload, to read ids from or adjust. */
export function firstItem(body: Obj): Obj {
  const value = body.entry[0].changes[0].value as Obj;
  return (value.messages ?? value.message_echoes)[0] as Obj;
}
