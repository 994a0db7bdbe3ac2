/** Contacts and their channel identities. */
import { and, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { preparedQuery } from '../db/client';
import { z } from 'zod';
import { contactIdentities, contacts, conversations } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { fail } from './errors';
import type { Contact, PublicUser } from './types';
import { visibleChannelIds } from './visibility';

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
  core.bus.publish('contact.updated', { contact });
  return contact;
}
