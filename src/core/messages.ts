/**
 * Messages in and out. `receiveInbound` stores a customer message exactly once (unique index on
 * channel + external id) and finds, reopens or creates its conversation, all in one transaction.
 * `sendMessage` checks the rules and stores the message as `queued` together with its send job.
 * Events are published after commit.
 */
import { emitEvent } from './event-log';
import { and, asc, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, channels, contacts, conversations, messages } from '../db/schema';
import { transaction } from '../db/client';
import { newId } from '../lib/ids';
import { assignOnReply } from './assignment';
import { upsertContactIdentity, type IdentityInput } from './contacts';
import type { Core } from './context';
import { addConversationEvent, getConversationOrThrow, insertConversation, latestConversationOf, windowRemainingMs } from './conversations';
import { fail } from './errors';
import { enqueueJob } from './jobs';
import { fitTemplateToStored } from './template-params';
import { recordMentions } from './message-actions';
import { getSetting } from './settings';
import type { Actor, Attachment, Contact, Conversation, Message } from './types';

/** How long after resolution a new customer message reopens the old conversation (a setting). */
function reopenWindowMs(core: Core): number {
  return getSetting(core, 'lifecycle.reopenWindowMinutes') * 60_000;
}

export interface InboundAttachment {
  kind: string;
  mimeType: string;
  filename?: string | null;
  sha256?: string | null;
  externalMediaId: string;
}

export interface InboundMessageInput {
  channelId: string;
  identity: Omit<IdentityInput, 'channelId'>;
  externalId: string;
  type: string;
  content: string;
  payload?: Record<string, unknown> | null;
  raw: string;
  /** Provider timestamp in ms; the thread is ordered by it. */
  sentAt: number;
  replyToExternalId?: string | null;
  attachment?: InboundAttachment | null;
}

export interface ReceiveResult {
  duplicate: boolean;
  message: Message | null;
  conversation: Conversation | null;
  contact: Contact | null;
  isNewConversation: boolean;
}

/** The conversation-list preview of a message (its text, or `[type]` when it has none). */
export function previewOf(type: string, content: string): string {
  return content.slice(0, 160) || `[${type}]`;
}

/**
 * Records a file the provider holds for a just-stored message (status `pending`) and queues its
 * `media.download` job; provider URLs expire within minutes. Call inside the storing transaction.
 */
export function attachProviderMedia(core: Core, messageId: string, attachment: InboundAttachment): void {
  const attachmentId = newId();
  core.db.insert(attachments).values({
    id: attachmentId, messageId, kind: attachment.kind, mimeType: attachment.mimeType,
    filename: attachment.filename ?? null, sha256: attachment.sha256 ?? null,
    externalMediaId: attachment.externalMediaId, status: 'pending', createdAt: core.clock.now(),
  }).run();
  enqueueJob(core, 'media.download', { attachmentId }, { uniqueKey: `media:${attachmentId}` });
}

/**
 * Says that an inbound message answers something the business asked after resolving (e.g. a
 * satisfaction survey): it is stored in the resolved conversation without reopening it and
 * without making the customer wait for a reply. Runs inside the storing transaction.
 */
export type InboundClaim = (core: Core, resolved: Conversation, input: InboundMessageInput) => boolean;
const inboundClaims: InboundClaim[] = [];

/** Registers an inbound claim (see `InboundClaim`). */
export function addInboundClaim(claim: InboundClaim): void {
  inboundClaims.push(claim);
}

/** Finds the live conversation of a contact on a channel, reopening a recently resolved one. */
function findOrOpenConversation(core: Core, input: InboundMessageInput, contactId: string): { conversation: Conversation; created: boolean; reopened: boolean; claimed: boolean } {
  const { channelId, sentAt: at } = input;
  const latest = latestConversationOf(core, channelId, contactId);
  if (latest && latest.status !== 'resolved') return { conversation: latest, created: false, reopened: false, claimed: false };
  if (latest && inboundClaims.some((claim) => claim(core, latest, input))) return { conversation: latest, created: false, reopened: false, claimed: true };
  if (latest && latest.resolvedAt && core.clock.now() - latest.resolvedAt < reopenWindowMs(core)) {
    return { conversation: latest, created: false, reopened: true, claimed: false };
  }
  return { conversation: insertConversation(core, channelId, contactId, at, latest?.assigneeId ?? null), created: true, reopened: false, claimed: false };
}

/**
 * Stores an inbound customer message once. A redelivered message (same channel + external id)
 * returns `{duplicate: true}` and changes nothing.
 */
export function receiveInbound(core: Core, input: InboundMessageInput): ReceiveResult {
  const result = transaction(core.db, (): ReceiveResult => {
    // A redelivery changes nothing, not even the contact (whose number may have moved since).
    const known = core.db.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.channelId, input.channelId), eq(messages.externalId, input.externalId))).get();
    if (known) return { duplicate: true, message: null, conversation: null, contact: null, isNewConversation: false };
    const contact = upsertContactIdentity(core, { ...input.identity, channelId: input.channelId });
    const now = core.clock.now();
    const replyTo = input.replyToExternalId
      ? core.db.select({ id: messages.id }).from(messages)
        .where(and(eq(messages.channelId, input.channelId), eq(messages.externalId, input.replyToExternalId))).get()
      : undefined;
    const { conversation, created, reopened, claimed } = findOrOpenConversation(core, input, contact.id);
    const message: Message = {
      id: newId(), conversationId: conversation.id, channelId: input.channelId, direction: 'inbound',
      senderType: 'contact', senderId: contact.id, type: input.type, content: input.content,
      payload: input.payload ?? null, raw: input.raw, externalId: input.externalId, status: 'received',
      errorCode: null, errorMessage: null, isPrivate: false, replyToId: replyTo?.id ?? null,
      replyToExternalId: input.replyToExternalId ?? null, sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, sentAt: input.sentAt, createdAt: now, updatedAt: now,
    };
    const inserted = core.db.insert(messages).values(message).onConflictDoNothing().returning({ id: messages.id }).all();
    if (inserted.length === 0) {
      if (created) core.db.delete(conversations).where(eq(conversations.id, conversation.id)).run();
      return { duplicate: true, message: null, conversation: null, contact: null, isNewConversation: false };
    }
    if (input.attachment) attachProviderMedia(core, message.id, input.attachment);
    const isLatest = input.sentAt >= conversation.lastMessageAt || created;
    const wakes = conversation.status === 'snoozed' && conversation.snoozeUntilReply;
    const changes: Partial<Conversation> = {
      lastInboundAt: Math.max(conversation.lastInboundAt ?? 0, input.sentAt),
      waitingSince: claimed ? conversation.waitingSince : (conversation.waitingSince ?? input.sentAt),
      updatedAt: now,
      ...(isLatest ? { lastMessageAt: input.sentAt, lastMessagePreview: previewOf(input.type, input.content), lastMessageType: input.type } : {}),
      ...(reopened || wakes ? { status: 'open' as const, resolvedAt: null, snoozeUntil: null, snoozeUntilReply: false } : {}),
      ...(reopened ? { reopenedAt: now } : {}),
    };
    core.db.update(conversations).set(changes).where(eq(conversations.id, conversation.id)).run();
    if (reopened) addConversationEvent(core, conversation.id, 'reopened', null, { reason: 'customer_message' });
    if (wakes) addConversationEvent(core, conversation.id, 'snooze_ended', null, { reason: 'customer_message' });
    const updated = { ...conversation, ...changes };
    if (created) emitEvent(core, 'conversation.created', { conversation: updated, contact });
    emitEvent(core, 'message.created', { message, conversation: updated, contact, isNewConversation: created, statusChanged: Boolean(reopened || wakes) });
    return { duplicate: false, message, conversation: updated, contact, isNewConversation: created };
  });
  return result;
}

export const sendMessageSchema = z.object({
  content: z.string().max(4096, 'A WhatsApp message holds at most 4096 characters').default(''),
  private: z.boolean().default(false),
  attachmentIds: z.array(z.string()).max(10).default([]),
  replyTo: z.string().optional(),
  /** An approved template (the only thing sendable outside the 24-hour window). */
  template: z.object({
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    /** Values of the body variables in order of first appearance ({{1}}, {{2}}… or named ones). */
    body: z.array(z.string().max(1024)).max(30).default([]),
    header: z.union([
      z.object({ type: z.literal('text'), params: z.array(z.string().max(60)).max(1) }),
      z.object({ type: z.enum(['image', 'video', 'document']), link: z.string().url().optional(), attachmentId: z.string().optional(), filename: z.string().max(240).optional() }),
      z.object({ type: z.literal('location'), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(100).optional(), address: z.string().max(300).optional() }),
    ]).optional(),
    /** Button values: a quick reply's payload, a dynamic URL's suffix, a copy-code button's coupon. */
    buttons: z.array(z.discriminatedUnion('subType', [
      z.object({ subType: z.literal('quick_reply'), index: z.number().int().min(0).max(9), payload: z.string().min(1).max(256) }),
      z.object({ subType: z.literal('url'), index: z.number().int().min(0).max(9), text: z.string().min(1).max(2000) }),
      z.object({ subType: z.literal('copy_code'), index: z.number().int().min(0).max(9), couponCode: z.string().min(1).max(15) }),
    ])).max(10).optional(),
  }).optional(),
  /** Reply buttons or a list (WhatsApp interactive messages). */
  interactive: z.union([
    z.object({ kind: z.literal('buttons'), body: z.string().min(1).max(1024), buttons: z.array(z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) })).min(1).max(3) }),
    z.object({
      kind: z.literal('list'), body: z.string().min(1).max(1024), button: z.string().min(1).max(20),
      sections: z.array(z.object({ title: z.string().max(24).optional(), rows: z.array(z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() })).min(1) })).min(1).max(10),
    }),
  ]).optional(),
}).refine((v) => v.content.trim() !== '' || v.attachmentIds.length > 0 || v.template || v.interactive, {
  message: 'Write a message, attach a file or choose a template',
  path: ['content'],
});
export type SendMessageInput = z.input<typeof sendMessageSchema>;

/**
 * Who a sent message is from: agents, the knowledge-base bot (`{type:'system', name:'bot'}`), or
 * other automation (auto-replies, out-of-office, closing messages) as `system` — so bot statistics
 * and ratings count only the bot's answers.
 */
export function senderTypeOf(actor: Actor): 'agent' | 'bot' | 'system' {
  if (actor.type === 'user') return 'agent';
  return actor.name === 'bot' ? 'bot' : 'system';
}

/** Media kinds WhatsApp delivers without a caption. */
const UNCAPTIONED = new Set(['audio', 'sticker']);

/**
 * Takes the agent's uploaded, not yet sent files for a message. Refuses ids that are unknown, not
 * stored, already part of a message, or uploaded by someone else (no re-parenting of other files).
 */
function claimAttachments(core: Core, ids: string[], actor: Actor): Attachment[] {
  if (ids.length === 0) return [];
  const rows = core.db.select().from(attachments).where(inArray(attachments.id, ids)).all();
  const usable = rows.filter((a) => a.status === 'stored' && a.messageId === null && (actor.type !== 'user' || a.uploadedBy === actor.user.id));
  if (usable.length !== new Set(ids).size) throw fail.unprocessable('An attached file is missing or was already sent; attach it again', { field: 'attachmentIds' });
  return ids.map((id) => usable.find((a) => a.id === id)!);
}

interface OutboundPart {
  file: Attachment | null;
  content: string;
}

/** One message per file (the text rides as the first file's caption, or goes first on its own). */
function splitParts(content: string, files: Attachment[]): OutboundPart[] {
  if (files.length === 0) return [{ file: null, content }];
  const captionFits = !UNCAPTIONED.has(files[0]!.kind);
  const parts: OutboundPart[] = files.map((file, i) => ({ file, content: i === 0 && captionFits ? content : '' }));
  return content.trim() && !captionFits ? [{ file: null, content }, ...parts] : parts;
}

/**
 * Sends (or, with `private`, notes) a message in a conversation. Free-form messages need the
 * 24-hour window open; templates are allowed any time. Several files become one message each.
 * Every message is stored as `queued` with its `message.send` job in one transaction; private
 * notes are stored and never sent. Returns the first message.
 */
export function sendMessage(core: Core, conversationId: string, actor: Actor, input: SendMessageInput): Message {
  const parsed = sendMessageSchema.parse(input);
  return transaction(core.db, () => {
    const conversation = getConversationOrThrow(core, conversationId);
    // Before-hooks (template guard, reply lock, plugins) may refuse the send or change what is sent.
    const data = sendMessageSchema.parse(core.hooks.run('message.beforeSend', { conversation, actor, input: parsed }).input);
    const channel = core.db.select().from(channels).where(eq(channels.id, conversation.channelId)).get();
    if (!channel) throw fail.notFound('Channel');
    if (!data.private) {
      if (channel.status === 'disabled') throw fail.unprocessable('This channel is disabled; enable it to send messages');
      if (!data.template && windowRemainingMs(core, conversation) === 0) {
        throw fail.unprocessable('The 24-hour window is closed: the customer has not written in the last 24 hours. Send an approved template instead.', { field: 'template' });
      }
    }
    const template = data.template && !data.private ? fitTemplateToStored(core, conversation.channelId, data.template) : data.template;
    if ((data.template || data.interactive) && data.attachmentIds.length > 0) {
      throw fail.unprocessable('Send files on their own, not with a template or buttons', { field: 'attachmentIds' });
    }
    const replyTo = data.replyTo
      ? core.db.select().from(messages).where(and(eq(messages.id, data.replyTo), eq(messages.conversationId, conversationId))).get()
      : undefined;
    if (data.replyTo && !replyTo) throw fail.unprocessable('The quoted message is not in this conversation', { field: 'replyTo' });
    const header = data.template?.header;
    const headerFile = header && 'attachmentId' in header && header.attachmentId ? claimAttachments(core, [header.attachmentId], actor)[0]! : null;
    const now = core.clock.now();
    const rows = splitParts(data.content, claimAttachments(core, data.attachmentIds, actor)).map((part, i): Message => {
      const type = data.private ? 'note' : data.template ? 'template' : data.interactive ? 'interactive' : (part.file?.kind ?? 'text');
      const row: Message = {
        id: newId(), conversationId, channelId: conversation.channelId, direction: 'outbound',
        senderType: senderTypeOf(actor), senderId: actor.type === 'user' ? actor.user.id : null,
        type, content: part.content || (data.template ? `[template ${data.template.name}]` : ''),
        payload: template ? { template } : data.interactive ? { interactive: data.interactive } : null,
        raw: null, externalId: null, status: data.private ? 'sent' : 'queued', errorCode: null, errorMessage: null,
        isPrivate: data.private, replyToId: i === 0 ? (replyTo?.id ?? null) : null, replyToExternalId: i === 0 ? (replyTo?.externalId ?? null) : null,
        sendAttemptedAt: null, sendAttempts: 0, sendRetryReason: null, sendRetryAt: null, sentAt: now, createdAt: now, updatedAt: now,
      };
      core.db.insert(messages).values(row).run();
      if (part.file) core.db.update(attachments).set({ messageId: row.id }).where(eq(attachments.id, part.file.id)).run();
      if (!data.private) enqueueJob(core, 'message.send', { messageId: row.id }, { uniqueKey: `send:${row.id}` });
      return row;
    });
    // @mentions in a private note notify the colleagues who may see the conversation, whichever path sent it.
    if (data.private) for (const row of rows) recordMentions(core, row);
    // A template's header file is the sender's own upload and shows in the thread with the message.
    if (headerFile) core.db.update(attachments).set({ messageId: rows[0]!.id }).where(eq(attachments.id, headerFile.id)).run();
    const last = rows[rows.length - 1]!;
    // A private note is not part of the customer conversation: the list keeps its last customer-facing
    // message (preview, type, time and order); the note shows in the thread only.
    const convChanges: Partial<Conversation> = data.private
      ? { updatedAt: now }
      : { lastMessageAt: now, updatedAt: now, lastMessagePreview: previewOf(last.type, last.content), lastMessageType: last.type };
    if (!data.private) {
      convChanges.lastOutboundAt = now;
      if (actor.type === 'user') {
        convChanges.waitingSince = null;
        if (!conversation.firstResponseAt) convChanges.firstResponseAt = now;
      }
    }
    core.db.update(conversations).set(convChanges).where(eq(conversations.id, conversationId)).run();
    const updated = data.private ? { ...conversation, ...convChanges } : assignOnReply(core, { ...conversation, ...convChanges }, actor);
    const contact = core.db.select().from(contacts).where(eq(contacts.id, conversation.contactId)).get()!;
    for (const row of rows) emitEvent(core, 'message.created', { message: row, conversation: updated, contact, isNewConversation: false });
    return rows[0]!;
  });
}

/** A message by id, or throws `not_found`. */
export function getMessageOrThrow(core: Core, id: string): Message {
  const row = core.db.select().from(messages).where(eq(messages.id, id)).get();
  if (!row) throw fail.notFound('Message');
  return row;
}

/**
 * Messages of a conversation in provider-time order. `before` (a message id) pages backwards;
 * returns at most `limit` messages, oldest first.
 */
export function listThread(core: Core, conversationId: string, opts: { before?: string; limit?: number; includePrivate?: boolean } = {}): Message[] {
  const limit = Math.min(opts.limit ?? 50, 200);
  const where = [eq(messages.conversationId, conversationId)];
  if (opts.includePrivate === false) where.push(eq(messages.isPrivate, false));
  if (opts.before) {
    const pivot = getMessageOrThrow(core, opts.before);
    if (pivot.conversationId !== conversationId) throw fail.badRequest('`before` is not a message of this conversation', { field: 'before' });
    // Provider timestamps are whole seconds: page on (time, id) so messages of the same second are not skipped.
    where.push(or(lt(messages.sentAt, pivot.sentAt), and(eq(messages.sentAt, pivot.sentAt), lt(messages.id, pivot.id)))!);
  }
  return core.db.select().from(messages).where(and(...where))
    .orderBy(desc(messages.sentAt), desc(messages.id)).limit(limit).all().reverse();
}

/** Attachments of the given messages. */
export function attachmentsOf(core: Core, messageIds: string[]): Attachment[] {
  if (messageIds.length === 0) return [];
  return core.db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.createdAt)).all();
}
