/** Customers and their identities on each channel (wa_id, business-scoped user id). */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channels } from './channels';

export const contacts = sqliteTable('contacts', {
  id: text('id').primaryKey(),
  name: text('name').notNull().default(''),
  /** E.164 phone number, normalised; null when the channel gives none. */
  phone: text('phone'),
  email: text('email'),
  customAttributes: text('custom_attributes', { mode: 'json' }).notNull().$type<Record<string, string>>().default({}),
  notes: text('notes').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('contacts_phone_idx').on(t.phone), index('contacts_name_idx').on(t.name)]);

export const contactIdentities = sqliteTable('contact_identities', {
  id: text('id').primaryKey(),
  contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
  channelId: text('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
  /** The provider's key for this customer: canonical wa_id digits or a business-scoped user id. */
  externalId: text('external_id').notNull(),
  /** The raw id as last received (wa_id may differ from the canonical form). */
  rawId: text('raw_id').notNull(),
  profileName: text('profile_name'),
  createdAt: integer('created_at').notNull(),
}, (t) => [
  uniqueIndex('contact_identities_channel_external_unique').on(t.channelId, t.externalId),
  index('contact_identities_contact_idx').on(t.contactId),
]);
