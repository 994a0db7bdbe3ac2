/** Contacts and their channel identities. */
import { emitEvent } from './event-log';
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { preparedQuery } from '../db/client';
import { z } from 'zod';
import { contactIdentities, contacts, conversations } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { fail } from './errors';
import type { Contact, ContactIdentity, PublicUser } from './types';
import { visibleChannelIds } from './visibility';

export interface IdentityInput {
  channelId: string;
  /** Canonical provider key (normalised wa_id or business-scoped user id). */
  externalId: string;
  /**
   * Other keys the provider gave for the same person in the same payload (a business-scoped user
   * id next to the wa_id): stored as identities of the same contact, and matched like the key.
   */
  aliases?: string[];
  /** The id exactly as received. */
  rawId: string;
  profileName?: string | null;
  /** E.164 phone when known. */
  phone?: string | null;
}

function insertIdentity(core: Core, contactId: string, input: IdentityInput, externalId: string, now: number): void {
  core.db.insert(contactIdentities).values({
    id: newId(), contactId, channelId: input.channelId, externalId,
    rawId: externalId === input.externalId ? input.rawId : externalId, profileName: input.profileName ?? null, createdAt: now,
  }).run();
}

/** Keeps the profile name current (the contact's name follows it unless someone renamed the contact). */
function refreshProfile(core: Core, contact: Contact, identity: ContactIdentity, input: IdentityInput, now: number): Contact {
  if (!input.profileName || input.profileName === identity.profileName) return contact;
  core.db.update(contactIdentities).set({ profileName: input.profileName, rawId: identity.externalId === input.externalId ? input.rawId : identity.rawId }).where(eq(contactIdentities.id, identity.id)).run();
  if (contact.name && contact.name !== identity.profileName) return contact;
  core.db.update(contacts).set({ name: input.profileName, updatedAt: now }).where(eq(contacts.id, contact.id)).run();
  return { ...contact, name: input.profileName, updatedAt: now };
}

/**
 * Finds the contact behind a channel identity — matching the key or any alias — creating contact
 * and identities when new, and keeps the profile name current. Keys of the payload the contact
 * does not have yet are added to it (a user id learnt next to a known phone, or the phone of a
 * contact known only by user id, which also fills in its phone). A key that already belongs to
 * another contact is left there. Must run inside the caller's transaction. Returns the contact.
 */
export function upsertContactIdentity(core: Core, input: IdentityInput): Contact {
  const now = core.clock.now();
  const keys = [input.externalId, ...(input.aliases ?? [])];
  const known = core.db.select().from(contactIdentities)
    .where(and(eq(contactIdentities.channelId, input.channelId), inArray(contactIdentities.externalId, keys))).all();
  const identity = known.find((i) => i.externalId === input.externalId) ?? known[0];
  if (identity) {
    let contact = core.db.select().from(contacts).where(eq(contacts.id, identity.contactId)).get()!;
    for (const key of keys.filter((k) => !known.some((i) => i.externalId === k))) insertIdentity(core, contact.id, input, key, now);
    if (!contact.phone && input.phone) {
      core.db.update(contacts).set({ phone: input.phone, updatedAt: now }).where(eq(contacts.id, contact.id)).run();
      contact = { ...contact, phone: input.phone, updatedAt: now };
    }
    return refreshProfile(core, contact, identity, input, now);
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
  for (const key of keys) insertIdentity(core, contact.id, input, key, now);
  return contact;
}

/**
 * The identity to write to a contact on a channel (or on any channel): a phone-number identity
 * (digits only) before a business-scoped user id, then the oldest. Undefined when there is none.
 */
export function recipientIdentity(core: Core, contactId: string, channelId?: string): ContactIdentity | undefined {
  return core.db.select().from(contactIdentities)
    .where(channelId ? and(eq(contactIdentities.contactId, contactId), eq(contactIdentities.channelId, channelId)) : eq(contactIdentities.contactId, contactId))
    .orderBy(sql`${contactIdentities.externalId} GLOB '*[^0-9]*'`, asc(contactIdentities.createdAt)).limit(1).get();
}

const contactById = preparedQuery((db) => db.select().from(contacts).where(eq(contacts.id, sql.placeholder('id'))).prepare());

/** A contact by id, or throws `not_found`. */
export function getContactOrThrow(core: Core, id: string): Contact {
  const row = contactById(core.db).get({ id });
  if (!row) throw fail.notFound('Contact');
  return row;
}

/** The identities (channel + provider id) of a contact. */
export function listIdentities(core: Core, contactId: string) {
  return core.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, contactId)).all();
}

/**
 * Contacts matching a name/phone fragment that `user` may see (an identity on a channel they
 * see, or a conversation assigned to them), most recently updated first.
 */
export function searchContacts(core: Core, user: PublicUser, query: string, limit = 50): Contact[] {
  const q = `%${query.replace(/[%_]/g, '')}%`;
  const where = [];
  if (query) where.push(or(like(contacts.name, q), like(contacts.phone, q)));
  const visible = visibleContactsWhere(core, user);
  if (visible) where.push(visible);
  return core.db.select().from(contacts).where(and(...where)).orderBy(desc(contacts.updatedAt)).limit(limit).all();
}

/** The SQL condition limiting contacts to those `user` may see (undefined: all of them). */
export function visibleContactsWhere(core: Core, user: PublicUser): SQL | undefined {
  const allowed = visibleChannelIds(core, user);
  if (allowed === null) return undefined;
  return or(
    inArray(contacts.id, core.db.select({ id: contactIdentities.contactId }).from(contactIdentities).where(inArray(contactIdentities.channelId, allowed.length ? allowed : ['']))),
    inArray(contacts.id, core.db.select({ id: conversations.contactId }).from(conversations).where(eq(conversations.assigneeId, user.id))),
  );
}

/** True when `user` may see the contact (same rule as `searchContacts`). */
export function canSeeContact(core: Core, user: PublicUser, contactId: string): boolean {
  const allowed = visibleChannelIds(core, user);
  if (allowed === null) return true;
  const identities = core.db.select({ channelId: contactIdentities.channelId }).from(contactIdentities).where(eq(contactIdentities.contactId, contactId)).all();
  if (identities.some((i) => allowed.includes(i.channelId))) return true;
  return !!core.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.contactId, contactId), eq(conversations.assigneeId, user.id))).get();
}

/** A contact the user may see, or throws `not_found` (never reveals that it exists). */
export function getVisibleContactOrThrow(core: Core, user: PublicUser, contactId: string): Contact {
  const contact = getContactOrThrow(core, contactId);
  if (!canSeeContact(core, user, contactId)) throw fail.notFound('Contact');
  return contact;
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
  emitEvent(core, 'contact.updated', { contact });
  return contact;
}
