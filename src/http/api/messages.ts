/**
 * Messages API: a conversation's messages (newest page first, cursor pages back in time), sending
 * text, media (upload first, then `attachmentIds`), approved templates, interactive buttons/lists
 * and private notes, reacting and retrying a failed send. Same core calls as the composer.
 */
import { t as schema } from 'elysia';
import { z } from 'zod';
import { getVisibleConversationOrThrow } from '../../core/conversation-actions';
import { fail } from '../../core/errors';
import { MAX_UPLOAD_BYTES, storeUpload } from '../../core/media-store';
import { reactToMessage, retryFailedMessage } from '../../core/message-actions';
import { getMessageOrThrow, listThread, sendMessage, sendMessageSchema } from '../../core/messages';
import { decodePageCursor, encodePageCursor } from '../../core/pagination';
import type { HttpDeps } from '../deps';
import { actorOf, requireUser, type Auth } from '../request-context';
import { apiFeature, doc } from './base';
import { attachmentOut, idParams, messageWithFilesOut, pageOut } from './schemas';
import { attachmentJson, messagesJson } from './serialize';

const threadQuery = z.object({
  cursor: z.string().max(500).optional(),
  /** Deprecated alias of cursor: a message id to page back from. */
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The messages endpoints. */
export function messagesApi(deps: HttpDeps) {
  const { core } = deps;
  const visible = (auth: Auth, id: string) => getVisibleConversationOrThrow(core, requireUser(auth), id);
  const visibleMessage = (auth: Auth, id: string) => {
    const message = getMessageOrThrow(core, id);
    visible(auth, message.conversationId);
    return message;
  };
  const send = (auth: Auth, ip: string, conversationId: string, input: z.input<typeof sendMessageSchema>) => {
    visible(auth, conversationId);
    const message = sendMessage(core, conversationId, actorOf(auth, ip), input);
    deps.jobs.poke();
    return messagesJson(core, [message])[0]!;
  };
  return apiFeature(deps, 'api-messages')
    .get('/conversations/:id/messages', ({ params, query, auth }) => {
      visible(auth, params.id);
      const before = query.cursor ? String(decodePageCursor(query.cursor).id) : query.before;
      const rows = listThread(core, params.id, { before, limit: query.limit + 1 });
      const items = rows.length > query.limit ? rows.slice(1) : rows;
      const oldest = items[0];
      return { items: messagesJson(core, items), nextCursor: rows.length > query.limit && oldest ? encodePageCursor(oldest.sentAt, oldest.id) : null };
    }, { params: idParams, query: threadQuery, ...doc('messages', 'Messages, oldest first within a page; the first page is the newest and nextCursor pages back in time', pageOut(messageWithFilesOut)) })
    .post('/conversations/:id/messages', ({ params, body, auth, ip, set }) => {
      set.status = 201;
      return send(auth, ip, params.id, body);
    }, { params: idParams, body: sendMessageSchema, ...doc('messages', 'Send text, files (attachmentIds from POST /uploads), an approved template or an interactive message, or add a private note (private: true). Send an Idempotency-Key to make retries safe', messageWithFilesOut, 201) })
    .post('/conversations/:id/notes', ({ params, body, auth, ip, set }) => {
      set.status = 201;
      return send(auth, ip, params.id, { content: body.content, private: true });
    }, { params: idParams, body: z.object({ content: z.string().trim().min(1, 'Write the note').max(4096) }), ...doc('messages', 'Add a private note (never sent to the customer; @name mentions notify)', messageWithFilesOut, 201) })
    .post('/uploads', async ({ auth, body, set }) => {
      const user = requireUser(auth);
      if (body.file.size > MAX_UPLOAD_BYTES) throw fail.unprocessable('The file is larger than 100 MB', { field: 'file' });
      const row = storeUpload(core, { bytes: new Uint8Array(await body.file.arrayBuffer()), mimeType: body.file.type || 'application/octet-stream', filename: body.file.name || 'file' }, user.id);
      set.status = 201;
      return attachmentJson(row);
    }, { body: schema.Object({ file: schema.File() }), ...doc('messages', 'Upload a file (multipart/form-data, field `file`, up to 100 MB); send it with its id in attachmentIds', attachmentOut, 201) })
    .post('/messages/:id/reactions', ({ params, body, auth }) => {
      visibleMessage(auth, params.id);
      const message = reactToMessage(core, params.id, body.emoji, requireUser(auth));
      deps.jobs.poke();
      return messagesJson(core, [message])[0]!;
    }, { params: idParams, body: z.object({ emoji: z.string().max(16).describe('One emoji; empty removes your reaction') }), ...doc('messages', 'React to a customer message with an emoji (sent on WhatsApp)', messageWithFilesOut) })
    .post('/messages/:id/retry', ({ params, auth, ip }) => {
      visibleMessage(auth, params.id);
      const message = retryFailedMessage(core, params.id, actorOf(auth, ip));
      deps.jobs.poke();
      return messagesJson(core, [message])[0]!;
    }, { params: idParams, ...doc('messages', 'Send a failed message again', messageWithFilesOut) });
}
