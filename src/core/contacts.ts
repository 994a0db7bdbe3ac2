/** Contacts and their channel identities. */
import { and, desc, eq, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { contactIdentities, contacts } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { fail } from './errors';
import type { Contact } from './types';

export interface IdentityInput {
  channelId: string;
  /** Canonical provider key (normalised wa_id or business-scoped user id). */
  externalId: string;
  /** The id exactly as received. */
  rawId: string;
  profileName?: string | null;
  /** E.164 phone when known. */
  phone?: string | null;
}

/**
 * Finds the contact behind a channel identity, creating contact and identity when new, and keeps
 * the profile name current. Must run inside the caller's transaction. Returns the contact.
 */
export function upsertContactIdentity(core: Core, input: IdentityInput): Contact {
  const now = core.clock.now();
  const identity = core.db.select().from(contactIdentities)
    .where(and(eq(contactIdentities.channelId, input.channelId), eq(contactIdentities.externalId, input.externalId))).get();
  if (identity) {
    const contact = core.db.select().from(contacts).where(eq(contacts.id, identity.contactId)).get()!;
    if (input.profileName && input.profileName !== identity.profileName) {
      core.db.update(contactIdentities).set({ profileName: input.profileName, rawId: input.rawId }).where(eq(contactIdentities.id, identity.id)).run();
      if (!contact.name || contact.name === identity.profileName) {
        core.db.update(contacts).set({ name: input.profileName, updatedAt: now }).where(eq(contacts.id, contact.id)).run();
        return { ...contact, name: input.profileName, updatedAt: now };
      }
    }
    return contact;
  }
  const contact: Contact = {
    id: newId(),
    name: input.profileName ?? '',
    phone: input.phone ?? null,
    email: null,
    customAttributes: {},
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
  core.db.insert(contacts).values(contact).run();
  core.db.insert(contactIdentities).values({
    id: newId(),
    contactId: contact.id,
    channelId: input.channelId,
    externalId: input.externalId,
    rawId: input.rawId,
    profileName: input.profileName ?? null,
    createdAt: now,
  }).run();
  return contact;
}

/** A contact by id, or throws `not_found`. */
export function getContactOrThrow(core: Core, id: string): Contact {
  const row = core.db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw fail.notFound('Contact');
  return row;
}

/** The identities (channel + provider id) of a contact. */
export function listIdentities(core: Core, contactId: string) {
  return core.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, contactId)).all();
}

/** Contacts matching a name/phone fragment, most recently updated first. */
export function searchContacts(core: Core, query: string, limit = 50): Contact[] {
  const q = `%${query.replace(/[%_]/g, '')}%`;
  const base = core.db.select().from(contacts);
  const filtered = query ? base.where(or(like(contacts.name, q), like(contacts.phone, q))) : base;
  return filtered.orderBy(desc(contacts.updatedAt)).limit(limit).all();
}

export const contactUpdateSchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().email().nullable().optional(),
  notes: z.string().max(10_000).optional(),
  customAttributes: z.record(z.string().min(1).max(60), z.string().max(1000)).optional(),
});

/** Edits a contact's name, email, notes or custom attributes and announces it. */
export function updateContact(core: Core, id: string, changes: z.input<typeof contactUpdateSchema>): Contact {
  const data = contactUpdateSchema.parse(changes);
  getContactOrThrow(core, id);
  core.db.update(contacts).set({ ...data, updatedAt: core.clock.now() }).where(eq(contacts.id, id)).run();
  const contact = getContactOrThrow(core, id);
  core.bus.publish('contact.updated', { contact });
  return contact;
}
