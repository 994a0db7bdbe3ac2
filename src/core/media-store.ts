/**
 * Content-addressed media files under `<dataDir>/media/<first 2 hex of sha256>/<sha256>`.
 * `attachments.storageKey` holds the relative path; `mediaFilePath` refuses anything that is not
 * such a key (no path traversal even if a row were tampered with).
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { attachments } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { fail } from './errors';
import type { Attachment } from './types';

const KEY_RE = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;
/** Largest upload accepted (WhatsApp's document limit). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** Absolute path of a stored file, or null when the key is not a valid content address. */
export function mediaFilePath(dataDir: string, storageKey: string | null): string | null {
  if (!storageKey || !KEY_RE.test(storageKey)) return null;
  return join(dataDir, 'media', storageKey);
}

/** Writes bytes content-addressed (idempotent) and returns `{sha256, storageKey}`. */
export function storeMediaBytes(dataDir: string, bytes: Uint8Array): { sha256: string; storageKey: string } {
  const sha256 = new Bun.CryptoHasher('sha256').update(bytes).digest('hex');
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  const path = join(dataDir, 'media', storageKey);
  if (!existsSync(path)) {
    mkdirSync(join(dataDir, 'media', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(path, bytes);
  }
  return { sha256, storageKey };
}

/** The attachment kind WhatsApp uses for a MIME type. */
export function kindOfMime(mime: string): string {
  if (mime === 'image/webp') return 'sticker';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

/** Stores an agent's upload as an `attachments` row (status 'stored', no message yet). */
export function storeUpload(core: Core, file: { bytes: Uint8Array; mimeType: string; filename: string }, userId: string): Attachment {
  if (file.bytes.byteLength === 0) throw fail.unprocessable('The file is empty', { field: 'file' });
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw fail.unprocessable('The file is larger than 100 MB', { field: 'file' });
  const { sha256, storageKey } = storeMediaBytes(core.config.dataDir, file.bytes);
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(file.mimeType) ? file.mimeType : 'application/octet-stream';
  const row: Attachment = {
    id: newId(), messageId: null, kind: kindOfMime(mimeType), mimeType, filename: file.filename.slice(0, 200) || 'file',
    size: file.bytes.byteLength, sha256, storageKey, externalMediaId: null, status: 'stored', error: null,
    uploadedBy: userId, createdAt: core.clock.now(),
  };
  core.db.insert(attachments).values(row).run();
  return row;
}
