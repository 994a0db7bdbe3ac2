/**
 * Changes the provider reports to a message after it was stored: an edit (new text or caption,
 * the previous versions kept in `payload.edits`) and a deletion for everyone (`payload.deleted`;
 * the content is kept for admins unless the `messages.keepDeletedContent` setting is off).
 * Both are idempotent per provider id of the change, keep the conversation's preview right when
 * the changed message is its latest, and publish `message.updated` ('content') after commit so
 * open tabs redraw the bubble.
 */
import { and, eq } from 'drizzle-orm';
import { transaction } from '../db/client';
import { attachments, conversations, messages } from '../db/schema';
import { recordAudit } from './audit';
import { emitEvent } from './event-log';
import type { Core } from './context';
import { fail } from './errors';
import { attachmentsOf, getMessageOrThrow, previewOf } from './messages';
import { findByExternalId } from './reactions';
import { getSetting } from './settings';
import type { Actor, Attachment, Message } from './types';

/** One replaced version of an edited message (`payload.edits`, oldest first). */
export interface MessageVersion {
  content: string;
  /** When the version was replaced (provider time, ms). */
  replacedAt: number;
  /** Provider id of the edit that replaced it (redeliveries are recognised by it). */
  byExternalId: string;
}

/** `payload.deleted` of a message deleted for everyone. */
export interface MessageDeletion {
  at: number;
  by: 'contact' | 'business';
  byExternalId: string;
  /** False when the content was erased (setting `messages.keepDeletedContent` off). */
  contentKept: boolean;
}

export interface EditInput {
  channelId: string;
  originalExternalId: string;
  editExternalId: string;
  /** The new text or caption. */
  content: string;
  /** The new version's payload as the channel reads a message of that type. */
  payload: Record<string, unknown>;
  at: number;
}

export type RevisionOutcome = 'applied' | 'duplicate' | 'missing';

type Payload = Record<string, unknown>;

function versionsOf(message: Message): MessageVersion[] {
  const edits = message.payload?.edits;
  return Array.isArray(edits) ? (edits as MessageVersion[]) : [];
}

/** The new text goes where the message keeps it: the body of a text, the caption of a media file. */
function withNewText(payload: Payload, content: string, edited: Payload): Payload {
  const next: Payload = { ...payload };
  if ('body' in next || typeof edited.body === 'string') next.body = content;
  if ('mediaId' in next || typeof edited.caption === 'string') next.caption = content;
  return next;
}

/** Stores the change, fixes the list preview when `message` is the latest one, and announces it. */
function save(core: Core, message: Message, changes: Partial<Message>, preview: string): Message {
  const updated: Message = { ...message, ...changes, updatedAt: core.clock.now() };
  core.db.update(messages).set({ ...changes, updatedAt: updated.updatedAt }).where(eq(messages.id, message.id)).run();
  core.db.update(conversations).set({ lastMessagePreview: preview })
    .where(and(eq(conversations.id, message.conversationId), eq(conversations.lastMessageAt, message.sentAt), eq(conversations.lastMessageType, message.type))).run();
  const conversation = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
  if (conversation) emitEvent(core, 'message.updated', { message: updated, conversation, change: 'content' });
  return updated;
}

/**
 * Applies an edit to the message it names: its text/caption becomes the new one and the replaced
 * version is appended to `payload.edits` (with `payload.editedAt`). An older edit arriving after a
 * newer one only joins the history. Returns 'missing' when the original is not stored (the caller
 * keeps the edit as a message of its own), 'duplicate' for a redelivered edit or a deleted original.
 */
export function applyMessageEdit(core: Core, input: EditInput): RevisionOutcome {
  return transaction(core.db, (): RevisionOutcome => {
    const original = findByExternalId(core, input.channelId, input.originalExternalId);
    if (!original) return 'missing';
    // A message deleted for everyone stays deleted (an edit delivered late does not bring it back).
    if (isDeleted(original)) return 'duplicate';
    const versions = versionsOf(original);
    if (versions.some((v) => v.byExternalId === input.editExternalId)) return 'duplicate';
    const payload = (original.payload ?? {}) as Payload;
    const editedAt = typeof payload.editedAt === 'number' ? payload.editedAt : 0;
    if (input.at < editedAt) {
      // A late older edit: its text was replaced by the newer one already.
      const late: MessageVersion = { content: input.content, replacedAt: editedAt, byExternalId: input.editExternalId };
      const edits = [...versions, late].sort((a, b) => a.replacedAt - b.replacedAt);
      save(core, original, { payload: { ...payload, edits } }, previewOf(original.type, original.content));
      return 'applied';
    }
    const replaced: MessageVersion = { content: original.content, replacedAt: input.at, byExternalId: input.editExternalId };
    const next = { ...withNewText(payload, input.content, input.payload), edits: [...versions, replaced], editedAt: input.at };
    save(core, original, { content: input.content, payload: next }, previewOf(original.type, input.content));
    return 'applied';
  });
}

/** True when the message was deleted for everyone. */
export function isDeleted(message: Pick<Message, 'payload'>): boolean {
  return !!message.payload && typeof message.payload.deleted === 'object' && message.payload.deleted !== null;
}

/**
 * Marks the message deleted for everyone (`payload.deleted`). With `messages.keepDeletedContent`
 * on (the default) text, caption and files stay for admins; off, they are erased (with the raw provider JSON). The list preview
 * becomes empty so it is rebuilt from the message ("Message deleted"). Returns 'missing' when the
 * message is not stored, 'duplicate' when it was already deleted.
 */
export function applyMessageDeletion(core: Core, input: { channelId: string; originalExternalId: string; byExternalId: string; by: MessageDeletion['by']; at: number }): RevisionOutcome {
  return transaction(core.db, (): RevisionOutcome => {
    const original = findByExternalId(core, input.channelId, input.originalExternalId);
    if (!original) return 'missing';
    if (isDeleted(original)) return 'duplicate';
    const keep = getSetting(core, 'messages.keepDeletedContent');
    const deleted: MessageDeletion = { at: input.at, by: input.by, byExternalId: input.byExternalId, contentKept: keep };
    const source = original.payload?.source;
    const payload = keep ? { ...(original.payload ?? {}), deleted } : { deleted, ...(source ? { source } : {}) };
    if (!keep) core.db.delete(attachments).where(eq(attachments.messageId, original.id)).run();
    save(core, original, keep ? { payload } : { payload, content: '', raw: null }, '');
    return 'applied';
  });
}

/**
 * The kept content of a message deleted for everyone, for an admin only (others: `forbidden`);
 * each look is audited. Throws `not_found` when the message was not deleted or its content is gone.
 */
export function deletedContentFor(core: Core, actor: Actor, messageId: string): { message: Message; attachments: Attachment[] } {
  if (actor.type !== 'user' || actor.user.role !== 'admin') throw fail.forbidden('Only admins can see what was deleted');
  const message = getMessageOrThrow(core, messageId);
  const deleted = message.payload?.deleted as MessageDeletion | undefined;
  if (!deleted?.contentKept) throw fail.notFound('Deleted content');
  recordAudit(core, actor, 'message.deleted_content_viewed', { type: 'message', id: message.id });
  return { message, attachments: attachmentsOf(core, [message.id]) };
}
