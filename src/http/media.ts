/**
 * Media: `GET /media/:attachmentId` streams a stored file to signed-in users who may see its
 * conversation (404 otherwise, and for pending files); `POST /inbox/uploads` stores an agent's
 * file content-addressed as an attachment without a message yet (ids go to sendMessage).
 */
import { Elysia, t as schema } from 'elysia';
import { eq } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { attachments, messages } from '../db/schema';
import { fail } from '../core/errors';
import { MAX_UPLOAD_BYTES, mediaFilePath, storeUpload } from '../core/media-store';
import type { HttpDeps } from './deps';
import { requestContext, requireUser } from './request-context';
import { getVisibleConversationOrThrow } from '../core/conversation-actions';

/** A filename safe for Content-Disposition (ASCII fallback + RFC 5987 UTF-8 form). */
export function contentDisposition(filename: string | null, inline: boolean): string {
  const name = (filename ?? 'file').replace(/[\u0000-\u001f\u007f"\\/]/g, '_').slice(0, 150) || 'file';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp)|audio\/|video\/)/;

/** Media download and upload routes. */
export function mediaRoutes(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'media' })
    .use(requestContext(deps))
    .get('/media/:id', ({ auth, params }) => {
      const user = requireUser(auth);
      const row = core.db.select().from(attachments).where(eq(attachments.id, params.id)).get();
      if (!row) throw fail.notFound('File');
      if (row.messageId) {
        const message = core.db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, row.messageId)).get();
        if (!message) throw fail.notFound('File');
        getVisibleConversationOrThrow(core, user, message.conversationId);
      } else if (row.uploadedBy !== user.id) {
        throw fail.notFound('File');
      }
      const path = mediaFilePath(core.config.dataDir, row.storageKey);
      if (row.status !== 'stored' || !path || !existsSync(path)) throw fail.notFound('File');
      const inline = INLINE_TYPES.test(row.mimeType);
      return new Response(Bun.file(path), {
        headers: {
          'content-type': inline ? row.mimeType : 'application/octet-stream',
          'content-disposition': contentDisposition(row.filename, inline),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'cache-control': 'private, max-age=86400',
        },
      });
    })
    .post('/inbox/uploads', async ({ auth, body }) => {
      const user = requireUser(auth);
      const file = body.file;
      if (file.size > MAX_UPLOAD_BYTES) throw fail.unprocessable('The file is larger than 100 MB', { field: 'file' });
      const row = storeUpload(core, { bytes: new Uint8Array(await file.arrayBuffer()), mimeType: file.type || 'application/octet-stream', filename: file.name || 'file' }, user.id);
      return { id: row.id, name: row.filename, kind: row.kind, size: row.size };
    }, { body: schema.Object({ file: schema.File(), _csrf: schema.Optional(schema.String()) }) });
}
