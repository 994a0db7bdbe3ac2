/**
 * Search and audit-log API. Search covers messages (full text, with the inbox's filters) and
 * contacts the caller may see; snippets come as plain text with the matched ranges as offsets
 * (customer text is never pre-marked up). The audit log is for admins.
 */
import { z } from 'zod';
import { auditPage } from '../../core/audit';
import { search, searchQuerySchema, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../core/search';
import { CONVERSATION_STATUSES } from '../../db/schema/enums';
import type { HttpDeps } from '../deps';
import { requireRole, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { auditOut, pageOut, pageQuery } from './schemas';

const highlighted = { snippet: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])).describe('[start, end) offsets of the matches in snippet') };
const searchOut = z.object({
  messages: z.array(z.object({
    messageId: z.string(), conversationId: z.string(), conversationNumber: z.number().int(), conversationStatus: z.enum(CONVERSATION_STATUSES),
    channelId: z.string(), contactName: z.string(), contactPhone: z.string().nullable(), direction: z.enum(['inbound', 'outbound']),
    isPrivate: z.boolean(), type: z.string(), sentAt: z.number().int(), ...highlighted,
  })),
  contacts: z.array(z.object({
    contactId: z.string(), name: z.string(), phone: z.string().nullable(), conversationId: z.string(), conversationNumber: z.number().int(),
    conversationStatus: z.enum(CONVERSATION_STATUSES), ...highlighted,
  })),
  nextCursor: z.string().nullable(),
});
const searchQuery = searchQuerySchema.extend({
  since: z.coerce.number().int().optional(), until: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** A marked-up snippet as plain text and the offsets of its marked ranges. */
export function splitSnippet(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === SNIPPET_OPEN) start = snippet.length;
    else if (ch === SNIPPET_CLOSE && start >= 0) {
      highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/** The search and audit endpoints. */
export function searchAuditApi(deps: HttpDeps) {
  const { core } = deps;
  return apiFeature(deps, 'api-search-audit')
    .get('/search', ({ query, auth }) => {
      const result = search(core, requireUser(auth), query);
      return {
        messages: result.messages.map((m) => ({ ...m, ...splitSnippet(m.snippet) })),
        contacts: result.contacts.map((c) => ({ ...c, ...splitSnippet(c.snippet) })),
        nextCursor: result.nextCursor,
      };
    }, { query: searchQuery, ...doc('search', 'Full-text search over messages you may see (filters: channel, status, from, since/until in ms) and contacts (first page); cursor pages', searchOut) })
    .get('/audit-log', ({ query, auth }) => {
      requireRole(auth, 'admin');
      return auditPage(core, query);
    }, {
      query: pageQuery.extend({ action: z.string().max(80).optional(), actorId: z.string().max(64).optional() }),
      ...doc('audit', 'The audit log, newest first, optionally of one action or actor (admin; cursor pages)', pageOut(auditOut)),
    });
}
