/**
 * Contacts as CSV: export the contacts a user may see (name, phone, email, notes and one
 * `attr:<key>` column per custom attribute), and import such a file — all rows are validated
 * first and nothing is stored when one is invalid (the error names the line). An imported row
 * updates the contact already known by its phone (on the channel, when one is given) and creates
 * the others; with a channel, new contacts also get their WhatsApp identity there. Agents import
 * only into a channel of their teams (so they never touch contacts they cannot see).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '../db/client';
import { contactIdentities, contacts } from '../db/schema';
import { csvLine } from '../lib/csv';
import { readCsvFile } from './csv-file';
import { recordAudit } from './audit';
import { contactCreateSchema, contactFieldsSchema, contactsPage, createContact } from './contact-admin';
import { updateContact } from './contacts';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, Contact, PublicUser } from './types';
import { visibleChannelIds } from './visibility';

const FIXED = ['id', 'name', 'phone', 'email', 'notes'] as const;

/** Every contact `user` may see as CSV text (header first), in creation order. */
export function exportContactsCsv(core: Core, user: PublicUser): string {
  const all: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = contactsPage(core, user, { cursor, limit: 200 });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const keys = [...new Set(all.flatMap((c) => Object.keys(c.customAttributes)))].sort();
  return csvLine([...FIXED, ...keys.map((k) => `attr:${k}`)])
    + all.map((c) => csvLine([c.id, c.name, c.phone, c.email, c.notes, ...keys.map((k) => c.customAttributes[k] ?? '')])).join('');
}

/** Imports contacts from CSV (see the module comment); returns how many were created and updated. */
export function importContactsCsv(core: Core, user: PublicUser, csv: string, channelId: string | null, actor: Actor): { created: number; updated: number } {
  const allowed = visibleChannelIds(core, user);
  if (channelId && allowed && !allowed.includes(channelId)) throw fail.notFound('Channel');
  if (!channelId && allowed) throw fail.unprocessable('Choose a channel you work on, so you can see the contact', { field: 'channelId' });
  const { header: columns, body } = readCsvFile(csv);
  if (!columns.includes('name') && !columns.includes('phone')) throw fail.unprocessable('The first line must name the columns, with at least name or phone', { field: 'file' });
  const parsed = body.map((cells, i) => {
    const get = (name: string) => cells[columns.indexOf(name)]?.trim() ?? '';
    const attrs = Object.fromEntries(columns.filter((c) => c.startsWith('attr:') && get(c)).map((c) => [c.slice(5), get(c)]));
    const result = contactFieldsSchema.safeParse({ name: get('name'), phone: get('phone') || null, email: get('email') || null, notes: get('notes'), customAttributes: attrs });
    if (!result.success) throw fail.unprocessable(`Line ${i + 2}: ${result.error.issues[0]!.message}`, { field: 'file', line: i + 2 });
    return result.data;
  });
  return transaction(core.db, () => {
    let created = 0;
    let updated = 0;
    for (const row of parsed) {
      const existing = row.phone ? knownByPhone(core, row.phone, channelId) : undefined;
      if (existing) {
        updateContact(core, existing.id, {
          name: row.name || existing.name, email: row.email ?? existing.email, notes: row.notes || existing.notes,
          customAttributes: { ...existing.customAttributes, ...row.customAttributes },
        });
        updated++;
      } else {
        createContact(core, user, { ...row, channelId: channelId && row.phone ? channelId : undefined } as z.input<typeof contactCreateSchema>, actor);
        created++;
      }
    }
    recordAudit(core, actor, 'contact.import', { type: 'contact' }, { created, updated, channelId });
    return { created, updated };
  });
}

/** The contact with this phone: its identity on the channel, else (without a channel) the contact's phone field. */
function knownByPhone(core: Core, phone: string, channelId: string | null): Contact | undefined {
  if (channelId) {
    const identity = core.db.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
      .where(and(eq(contactIdentities.channelId, channelId), eq(contactIdentities.externalId, phone.replace(/\D/g, '')))).get();
    return identity ? core.db.select().from(contacts).where(eq(contacts.id, identity.contactId)).get() : undefined;
  }
  return core.db.select().from(contacts).where(eq(contacts.phone, phone)).get();
}
