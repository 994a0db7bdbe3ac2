/**
 * Contacts API: list (cursor pages), create, read, update (ETag / If-Match), delete, merge,
 * custom attributes and the conversations of a contact — the same core calls as the inbox's
 * contact panel, with the same visibility (a contact an agent may not see is a 404).
 */
import { t as schema } from 'elysia';
import { z } from 'zod';
import { exportContactsCsv, importContactsCsv } from '../../core/contact-csv';
import { fail } from '../../core/errors';
import { contactCreateSchema, contactsPage, createContact, deleteContact, mergeContacts } from '../../core/contact-admin';
import { contactUpdateSchema, getVisibleContactOrThrow, listIdentities, updateContact } from '../../core/contacts';
import { conversationFilterSchema, listConversations } from '../../core/conversations';
import type { Contact } from '../../core/types';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { checkIfMatch, etagOf } from './conventions';
import { contactDetailOut, contactOut, conversationOut, idParams, okOut, pageOut, pageQuery } from './schemas';
import { conversationsJson } from './serialize';

const attributesBody = z.object({ set: z.record(z.string().min(1).max(60), z.string().max(1000)).default({}), remove: z.array(z.string()).max(100).default([]) });

/** The contacts endpoints. */
export function contactsApi(deps: HttpDeps) {
  const { core } = deps;
  const detail = (contact: Contact, set: { headers: Record<string, unknown> }) => {
    set.headers.etag = etagOf(contact);
    return { ...contact, identities: listIdentities(core, contact.id) };
  };
  return apiFeature(deps, 'api-contacts')
    .get('/contacts', ({ query, auth }) => contactsPage(core, requireUser(auth), query), {
      query: pageQuery.extend({ q: z.string().max(200).optional() }),
      ...doc('contacts', 'Contacts you may see, optionally matching a name or phone fragment (cursor pages)', pageOut(contactOut)),
    })
    .post('/contacts', ({ body, auth, ip, set }) => {
      const contact = createContact(core, requireUser(auth), body, actorOf(auth, ip));
      set.status = 201;
      return detail(contact, set);
    }, { body: contactCreateSchema, ...doc('contacts', 'Create a contact; with channelId and phone also its WhatsApp identity (agents: a channel of their team)', contactDetailOut, 201) })
    .get('/contacts/export', ({ auth }) => new Response(exportContactsCsv(core, requireUser(auth)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="contacts.csv"' },
    }), { detail: { tags: ['contacts'], summary: 'Every contact you may see as CSV (id, name, phone, email, notes, attr:<key>…)', responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } } } })
    .post('/contacts/import', async ({ body, auth, ip }) => {
      if (body.file.size > 20 * 1024 * 1024) throw fail.unprocessable('The file is larger than 20 MB', { field: 'file' });
      return importContactsCsv(core, requireUser(auth), await body.file.text(), body.channelId || null, actorOf(auth, ip));
    }, {
      body: schema.Object({ file: schema.File(), channelId: schema.Optional(schema.String({ maxLength: 64 })) }),
      ...doc('contacts', 'Import a CSV (multipart `file`; columns name, phone, email, notes, attr:<key>): updates contacts known by phone, creates the others (with `channelId`: their WhatsApp identity too); all or nothing', z.object({ created: z.number().int(), updated: z.number().int() })),
    })
    .get('/contacts/:id', ({ params, auth, set }) => detail(getVisibleContactOrThrow(core, requireUser(auth), params.id), set),
      { params: idParams, ...doc('contacts', 'A contact with its channel identities; the ETag header is its version', contactDetailOut) })
    .patch('/contacts/:id', ({ params, body, auth, request, set }) => {
      checkIfMatch(request, etagOf(getVisibleContactOrThrow(core, requireUser(auth), params.id)));
      return detail(updateContact(core, params.id, body), set);
    }, { params: idParams, body: contactUpdateSchema, ...doc('contacts', 'Change name, email, notes or custom attributes (replaces them all); send If-Match to avoid overwriting a newer version (412)', contactDetailOut) })
    .delete('/contacts/:id', ({ params, auth, ip }) => {
      requireRole(auth, 'supervisor');
      getVisibleContactOrThrow(core, requireUser(auth), params.id);
      deleteContact(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('contacts', 'Delete a contact without conversations (supervisors; 409 when it has conversations: merge instead)', okOut) })
    .post('/contacts/:id/merge', ({ params, body, auth, ip, set }) => {
      requireRole(auth, 'supervisor');
      const user = requireUser(auth);
      getVisibleContactOrThrow(core, user, params.id);
      getVisibleContactOrThrow(core, user, body.sourceId);
      return detail(mergeContacts(core, params.id, body.sourceId, actorOf(auth, ip)), set);
    }, { params: idParams, body: z.object({ sourceId: z.string().min(1) }), ...doc('contacts', 'Merge contact `sourceId` into this one: identities and conversations move here, the source is deleted (supervisors)', contactDetailOut) })
    .patch('/contacts/:id/attributes', ({ params, body, auth, request, set }) => {
      const contact = getVisibleContactOrThrow(core, requireUser(auth), params.id);
      checkIfMatch(request, etagOf(contact));
      const next = { ...contact.customAttributes, ...body.set };
      for (const key of body.remove) delete next[key];
      return detail(updateContact(core, params.id, { customAttributes: next }), set);
    }, { params: idParams, body: attributesBody, ...doc('contacts', 'Set some custom attributes and remove others, leaving the rest as they are', contactDetailOut) })
    .get('/contacts/:id/conversations', ({ params, query, auth }) => {
      const user = requireUser(auth);
      getVisibleContactOrThrow(core, user, params.id);
      const page = listConversations(core, user, { ...query, contactId: params.id });
      return { items: conversationsJson(core, page.items), nextCursor: page.nextCursor };
    }, { params: idParams, query: conversationFilterSchema.omit({ contactId: true }), ...doc('contacts', 'Conversations of a contact that you may see, newest first (cursor pages)', pageOut(conversationOut)) });
}
