/**
 * Contact management beyond what inbound messages create: create by hand (optionally with a
 * WhatsApp identity on a channel), delete (only contacts without conversations), merge two
 * contacts into one, and the keyset-paginated contact list of the API.
 */
import { and, asc, eq, gt, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '../db/client';
import { emitEvent } from './event-log';
import { contactIdentities, contacts, conversations } from '../db/schema';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import { getContactOrThrow, visibleContactsWhere } from './contacts';
import type { Core } from './context';
import { fail } from './errors';
import { decodePageCursor, finishPage, pageQuerySchema, type Page, type PageQuery } from './pagination';
import type { Actor, Contact, PublicUser } from './types';
import { visibleChannelIds } from './visibility';

/** A contact's own fields (also one row of a contacts CSV). */
export const contactFieldsSchema = z.object({
  name: z.string().trim().max(200).default(''),
  /** E.164, e.g. +5491122334455. */
  phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'Use the international format, e.g. +5491122334455').nullable().default(null),
  email: z.string().trim().email().nullable().default(null),
  notes: z.string().max(10_000).default(''),
  customAttributes: z.record(z.string().min(1).max(60), z.string().max(1000)).default({}),
});
export const contactCreateSchema = contactFieldsSchema.extend({
  /** Also create the contact's WhatsApp identity on this channel (needs `phone`). */
  channelId: z.string().min(1).optional(),
}).refine((c) => !c.channelId || c.phone, { message: 'A channel identity needs the phone number', path: ['phone'] });

/**
 * Creates a contact; with `channelId` also its identity there (wa_id = the phone's digits), which
 * makes it visible to that channel's teams. A phone already known on the channel is a conflict.
 */
export function createContact(core: Core, user: PublicUser, input: z.input<typeof contactCreateSchema>, actor: Actor): Contact {
  const data = contactCreateSchema.parse(input);
  const allowed = visibleChannelIds(core, user);
  if (data.channelId && allowed && !allowed.includes(data.channelId)) throw fail.notFound('Channel');
  if (!data.channelId && allowed) throw fail.unprocessable('Choose a channel you work on, so you can see the contact', { field: 'channelId' });
  const now = core.clock.now();
  const contact: Contact = { id: newId(), name: data.name, phone: data.phone, email: data.email, customAttributes: data.customAttributes, notes: data.notes, createdAt: now, updatedAt: now };
  transaction(core.db, () => {
    core.db.insert(contacts).values(contact).run();
    if (data.channelId && data.phone) {
      const externalId = data.phone.replace(/\D/g, '');
      const taken = core.db.select({ id: contactIdentities.id }).from(contactIdentities)
        .where(and(eq(contactIdentities.channelId, data.channelId), eq(contactIdentities.externalId, externalId))).get();
      if (taken) throw fail.conflict('This phone number already belongs to a contact on that channel', { field: 'phone' });
      core.db.insert(contactIdentities).values({ id: newId(), contactId: contact.id, channelId: data.channelId, externalId, rawId: externalId, profileName: null, createdAt: now }).run();
    }
    recordAudit(core, actor, 'contact.create', { type: 'contact', id: contact.id }, { channelId: data.channelId ?? null });
    emitEvent(core, 'contact.updated', { contact });
  });
  return contact;
}

/** Deletes a contact that has no conversations (those keep the history: merge the contact instead). */
export function deleteContact(core: Core, id: string, actor: Actor): void {
  getContactOrThrow(core, id);
  const used = core.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, id)).limit(1).get();
  if (used) throw fail.conflict('The contact has conversations; merge it into another contact instead of deleting it');
  transaction(core.db, () => {
    core.db.delete(contacts).where(eq(contacts.id, id)).run();
    recordAudit(core, actor, 'contact.delete', { type: 'contact', id });
  });
}

/**
 * Merges `sourceId` into `targetId`: identities and conversations move to the target, empty
 * name/phone/email are filled from the source, custom attributes are combined (the target's win),
 * notes are appended; the source is deleted. One transaction; audited; `contact.updated` after commit.
 */
export function mergeContacts(core: Core, targetId: string, sourceId: string, actor: Actor): Contact {
  if (targetId === sourceId) throw fail.unprocessable('Choose two different contacts', { field: 'sourceId' });
  return transaction(core.db, () => {
    const target = getContactOrThrow(core, targetId);
    const source = getContactOrThrow(core, sourceId);
    const now = core.clock.now();
    core.db.update(contactIdentities).set({ contactId: target.id }).where(eq(contactIdentities.contactId, source.id)).run();
    core.db.update(conversations).set({ contactId: target.id, updatedAt: now }).where(eq(conversations.contactId, source.id)).run();
    const merged = {
      name: target.name || source.name, phone: target.phone ?? source.phone, email: target.email ?? source.email,
      customAttributes: { ...source.customAttributes, ...target.customAttributes },
      notes: [target.notes, source.notes].filter((n) => n.trim()).join('\n\n'), updatedAt: now,
    };
    core.db.update(contacts).set(merged).where(eq(contacts.id, target.id)).run();
    core.db.delete(contacts).where(eq(contacts.id, source.id)).run();
    recordAudit(core, actor, 'contact.merge', { type: 'contact', id: target.id }, { mergedId: source.id });
    const contact = { ...target, ...merged };
    emitEvent(core, 'contact.updated', { contact });
    return contact;
  });
}

/** The contacts `user` may see, optionally matching a name/phone fragment, in id order (keyset pages). */
export function contactsPage(core: Core, user: PublicUser, query: PageQuery & { q?: string }): Page<Contact> {
  const { cursor, limit } = pageQuerySchema.parse(query);
  const where = [];
  const visible = visibleContactsWhere(core, user);
  if (visible) where.push(visible);
  if (query.q) {
    const q = `%${query.q.replace(/[%_]/g, '')}%`;
    where.push(or(like(contacts.name, q), like(contacts.phone, q)));
  }
  if (cursor) where.push(gt(contacts.id, String(decodePageCursor(cursor).id)));
  const rows = core.db.select().from(contacts).where(where.length ? and(...where) : sql`1`).orderBy(asc(contacts.id)).limit(limit + 1).all();
  return finishPage(rows, limit, (c) => c.id);
}
