/**
 * A customer who changed their phone number (WhatsApp's `user_changed_number` system message):
 * the contact moves to the new number — its identity on the channel is re-keyed and its phone
 * updated, so history stays with the same contact and the next message from the new number
 * joins it — and the latest conversation's timeline notes the change.
 */
import { and, eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { emitEvent } from './event-log';
import { contactIdentities, contacts } from '../db/schema';
import type { IdentityInput } from './contacts';
import type { Core } from './context';
import { addConversationEvent, latestConversationOf } from './conversations';

export interface NumberChange {
  channelId: string;
  contactId: string;
  /** The identity key the customer had (canonical wa_id). */
  oldExternalId: string;
  /** The new identity (canonical wa_id, raw id, E.164 phone). */
  next: Pick<IdentityInput, 'externalId' | 'rawId' | 'phone'>;
}

/**
 * Moves the contact to its new number. Does nothing when the new number is already the
 * contact's (a redelivery) or already belongs to another contact (the two are left apart for a
 * person to merge). Publishes `contact.updated` and `conversation.updated` (['contact_number']).
 * Returns true when the number changed.
 */
export function moveContactToNewNumber(core: Core, change: NumberChange): boolean {
  return transaction(core.db, () => {
    const taken = core.db.select().from(contactIdentities)
      .where(and(eq(contactIdentities.channelId, change.channelId), eq(contactIdentities.externalId, change.next.externalId))).get();
    if (taken) return false;
    const identity = core.db.select().from(contactIdentities)
      .where(and(eq(contactIdentities.channelId, change.channelId), eq(contactIdentities.externalId, change.oldExternalId), eq(contactIdentities.contactId, change.contactId))).get();
    if (!identity) return false;
    const now = core.clock.now();
    const before = core.db.select().from(contacts).where(eq(contacts.id, change.contactId)).get()!;
    core.db.update(contactIdentities).set({ externalId: change.next.externalId, rawId: change.next.rawId }).where(eq(contactIdentities.id, identity.id)).run();
    const phone = change.next.phone ?? before.phone;
    core.db.update(contacts).set({ phone, updatedAt: now }).where(eq(contacts.id, change.contactId)).run();
    const contact = { ...before, phone, updatedAt: now };
    const conversation = latestConversationOf(core, change.channelId, change.contactId);
    if (conversation) addConversationEvent(core, conversation.id, 'number_changed', null, { oldPhone: before.phone ?? identity.rawId, newPhone: phone ?? change.next.rawId });
    emitEvent(core, 'contact.updated', { contact });
    if (conversation) emitEvent(core, 'conversation.updated', { conversation, changes: ['contact_number'], actor: null });
    return true;
  });
}
