/**
 * Applies one stored WhatsApp webhook to the core: every entry/change/message/status is handled;
 * messages go through `receiveInbound` (exactly once per wamid), reactions attach to their target,
 * messages the business sent from the WhatsApp Business app (echoes) join the thread as outbound,
 * statuses move the delivery state machine, template updates refresh the template list.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { channelSecrets, findChannelByExternalId } from '../../core/channels';
import { recordChannelErrors } from '../../core/channel-health';
import { moveContactToNewNumber } from '../../core/contact-number';
import type { Core } from '../../core/context';
import { applyDeliveryStatus } from '../../core/delivery';
import { recordBusinessAppEcho } from '../../core/echoes';
import { receiveInbound, type InboundAttachment, type InboundMessageInput } from '../../core/messages';
import { applyMessageDeletion, applyMessageEdit, type RevisionOutcome } from '../../core/message-revisions';
import { findByExternalId, setReaction } from '../../core/reactions';
import type { Channel } from '../../core/types';
import { channels, messageTemplates } from '../../db/schema';
import { describeErrorCode } from './errors';
import { parseWebhook } from './parse-webhook';
import { canonicalWaId, isPhoneLike, toE164 } from './phone';
import type { EchoMessage, InboundMedia, InboundMessage, StatusUpdate, TemplateStatusUpdate, WireMessageCommon } from './types';

export interface IngestOutcome {
  messages: number;
  /** Messages sent from the WhatsApp Business app, newly stored. */
  echoes: number;
  duplicates: number;
  statuses: number;
  /** Why items were not applied (unknown phone_number_id, or a channel of another Meta app). */
  unroutable: string[];
  /** Items that could not be read at all (wrong or missing id, type, timestamp…). */
  unreadable: string[];
}

/**
 * The channel a payload item names, when the body's signature allows it: a body signed with one
 * Meta app's secret may only touch channels of that app (same app secret as `verifiedBy`).
 * Returns a reason string when the item must be set aside.
 */
function channelFor(core: Core, cache: Map<string, Channel | string>, phoneNumberId: string, verifiedBy: string | null): Channel | string {
  const hit = cache.get(phoneNumberId);
  if (hit) return hit;
  const channel = findChannelByExternalId(core, 'whatsapp', phoneNumberId);
  let result: Channel | string = channel ?? `no channel for phone_number_id ${phoneNumberId}`;
  if (channel && verifiedBy && channel.id !== verifiedBy) {
    const signer = core.db.select().from(channels).where(eq(channels.id, verifiedBy)).get();
    const sameApp = signer && channelSecrets(core, signer).appSecret === channelSecrets(core, channel).appSecret;
    if (!sameApp) result = `phone_number_id ${phoneNumberId} belongs to a channel of another Meta app than the signature`;
  }
  cache.set(phoneNumberId, result);
  return result;
}

/**
 * The customer's identity from a wa_id and/or a business-scoped user id. The phone (canonical
 * wa_id digits) is the key when there is one; the user id is stored next to it as an alias so a
 * later message carrying only the user id finds the same contact. An id that is not a phone
 * number (no digits, or a user id in the `from` field) is kept as it is, never reduced to an
 * empty or partial key.
 */
function identityOf(waId: string, userId: string | undefined, profileName: string | undefined) {
  const phone = isPhoneLike(waId) && waId !== userId ? canonicalWaId(waId) : '';
  const externalId = phone || userId || waId.trim();
  const aliases = userId && userId !== externalId ? [userId] : [];
  return { externalId, aliases, rawId: waId || userId || externalId, profileName: profileName ?? null, phone: phone ? toE164(waId) : null };
}

function attachmentOf(type: string, media: InboundMedia | undefined): InboundAttachment | null {
  return media ? { kind: type, mimeType: media.mimeType, filename: media.filename ?? null, sha256: media.sha256 ?? null, externalMediaId: media.mediaId } : null;
}

/** The core input for a webhook message item (customer message or business-app echo) on `channel`. */
function messageInput(core: Core, channel: Channel, item: WireMessageCommon, identity: ReturnType<typeof identityOf>, payload = item.payload): InboundMessageInput {
  return {
    channelId: channel.id, identity, externalId: item.externalId, type: item.type, content: item.content, payload,
    raw: JSON.stringify(item.raw), sentAt: item.timestampMs || core.clock.now(),
    replyToExternalId: item.replyToExternalId ?? null, attachment: attachmentOf(item.type, item.media),
  };
}

/**
 * An edit or a deletion (`type: edit|revoke`, from the customer or echoed from the business app)
 * changes the message it names. Returns null for other types; for an edit of a message Turno never
 * stored, the edited version to keep as a message of its own (marked edited); a deletion of such a
 * message changes nothing ('duplicate').
 */
function applyRevision(core: Core, channel: Channel, item: WireMessageCommon, by: 'contact' | 'business'): Exclude<RevisionOutcome, 'missing'> | WireMessageCommon | null {
  const originalExternalId = String(item.payload.originalExternalId ?? '');
  const at = item.timestampMs || core.clock.now();
  if (item.type === 'revoke') {
    const outcome = applyMessageDeletion(core, { channelId: channel.id, originalExternalId, byExternalId: item.externalId, by, at });
    if (outcome !== 'missing') return outcome;
    // Nothing to mark: the message predates Turno (the webhook itself stays in webhook_events). Not
    // stored as a message, so it neither reopens a conversation nor waits for an answer.
    core.log.info('deletion of a message Turno does not have', { channelId: channel.id, originalExternalId });
    return 'duplicate';
  }
  if (item.type !== 'edit') return null;
  const edited = item.payload.edited as Record<string, unknown>;
  const outcome = applyMessageEdit(core, { channelId: channel.id, originalExternalId, editExternalId: item.externalId, content: item.content, payload: edited, at });
  if (outcome !== 'missing') return outcome;
  // The edit of a message Turno never had: its new version is kept as a message, marked edited.
  const type = String(item.payload.editedType ?? 'text');
  return { ...item, type, payload: { ...edited, editOf: originalExternalId, editedAt: at } };
}

function receiveMessage(core: Core, channel: Channel, original: InboundMessage): boolean {
  const revision = applyRevision(core, channel, original, 'contact');
  if (revision === 'applied') return true;
  if (revision === 'duplicate') return false;
  const m: InboundMessage = revision ? { ...original, ...revision } : original;
  if (m.type === 'reaction') {
    const target = findByExternalId(core, channel.id, String(m.payload.targetExternalId ?? ''));
    if (target) {
      setReaction(core, target, 'contact', String(m.payload.emoji ?? ''), m.timestampMs || core.clock.now());
      return true;
    }
  }
  const payload = {
    ...m.payload, ...(m.referral ? { referral: m.referral } : {}), ...(m.forwarded ? { forwarded: true } : {}),
    ...(m.frequentlyForwarded ? { frequentlyForwarded: true } : {}), ...(m.referredProduct ? { referredProduct: m.referredProduct } : {}),
    ...(m.errors.length ? { errors: m.errors } : {}),
  };
  const identity = identityOf(m.from, m.userId, m.profileName);
  const received = receiveInbound(core, messageInput(core, channel, m, identity, payload));
  if (received.contact) followNumberChange(core, channel, m, identity.externalId, received.contact.id);
  return !received.duplicate;
}

/** Meta's system kinds for "the customer changed their phone number" (old and new name). */
const NUMBER_CHANGE_KINDS = new Set(['user_changed_number', 'customer_changed_number']);

/** After a number-change system message, the contact moves to the new number. */
function followNumberChange(core: Core, channel: Channel, m: InboundMessage, oldExternalId: string, contactId: string): void {
  const newWaId = typeof m.payload.newWaId === 'string' ? m.payload.newWaId : '';
  if (m.type !== 'system' || !NUMBER_CHANGE_KINDS.has(String(m.payload.kind)) || !isPhoneLike(newWaId)) return;
  moveContactToNewNumber(core, { channelId: channel.id, contactId, oldExternalId, next: { externalId: canonicalWaId(newWaId), rawId: newWaId, phone: toE164(newWaId) } });
}

/** A message the business sent from the WhatsApp Business app joins the customer's thread; true when new. */
function recordEcho(core: Core, channel: Channel, original: EchoMessage): boolean {
  const revision = applyRevision(core, channel, original, 'business');
  if (revision === 'applied') return true;
  if (revision === 'duplicate') return false;
  const e: EchoMessage = revision ? { ...original, ...revision } : original;
  return !recordBusinessAppEcho(core, messageInput(core, channel, e, identityOf(e.to, e.userId, undefined))).duplicate;
}

function applyStatus(core: Core, channel: Channel, s: StatusUpdate): void {
  const error = s.errors[0];
  applyDeliveryStatus(core, {
    channelId: channel.id, externalId: s.externalId, status: s.status, occurredAt: s.timestampMs || core.clock.now(),
    errorCode: error?.code ?? null,
    errorMessage: error ? `${describeErrorCode(error.code, 'en')}${error.details ? ` (${error.details})` : ''}` : null,
    callbackData: s.bizOpaqueCallbackData ?? null,
  });
}

/** Template status events that are not statuses themselves. */
const TEMPLATE_EVENT_STATUS: Record<string, string | null> = { REINSTATED: 'APPROVED', FLAGGED: null };

function applyTemplateUpdate(core: Core, u: TemplateStatusUpdate): void {
  if (!u.name || !u.language) return;
  const event = u.event.toUpperCase();
  const status = event in TEMPLATE_EVENT_STATUS ? TEMPLATE_EVENT_STATUS[event] : event;
  if (!status) return;
  const channelIds = core.db.select({ id: channels.id, config: channels.config }).from(channels).where(eq(channels.type, 'whatsapp')).all()
    .filter((c) => (c.config as { wabaId?: string }).wabaId === u.wabaId).map((c) => c.id);
  if (channelIds.length === 0) return;
  core.db.update(messageTemplates).set({ status, syncedAt: core.clock.now() })
    .where(and(inArray(messageTemplates.channelId, channelIds), eq(messageTemplates.name, u.name), eq(messageTemplates.language, u.language))).run();
}

/**
 * Parses and applies a webhook body. Throws `WebhookParseError` for a body that is not a WhatsApp
 * envelope (the caller keeps it for inspection).
 */
export function ingestWebhook(core: Core, body: unknown, opts: { verifiedBy?: string | null } = {}): IngestOutcome {
  const parsed = parseWebhook(body);
  const cache = new Map<string, Channel | string>();
  const outcome: IngestOutcome = { messages: 0, echoes: 0, duplicates: 0, statuses: 0, unroutable: [], unreadable: parsed.ignored };
  if (parsed.unused.length > 0) core.log.info('webhook items not used', { items: parsed.unused });
  /** Applies `items` in Meta's time order, each on the channel it names (or sets it aside as unroutable). */
  const onChannel = <T extends { phoneNumberId: string; timestampMs: number }>(items: T[], apply: (channel: Channel, item: T) => void) => {
    for (const item of [...items].sort((a, b) => a.timestampMs - b.timestampMs)) {
      const channel = channelFor(core, cache, item.phoneNumberId, opts.verifiedBy ?? null);
      if (typeof channel === 'string') outcome.unroutable.push(channel);
      else apply(channel, item);
    }
  };
  onChannel(parsed.messages, (channel, m) => {
    if (receiveMessage(core, channel, m)) outcome.messages++;
    else outcome.duplicates++;
  });
  // After customer messages (an echo may quote one) and before statuses (which may name an echo).
  onChannel(parsed.echoes, (channel, e) => {
    if (recordEcho(core, channel, e)) outcome.echoes++;
    else outcome.duplicates++;
  });
  onChannel(parsed.statuses, (channel, s) => {
    applyStatus(core, channel, s);
    outcome.statuses++;
  });
  for (const u of parsed.templateUpdates) applyTemplateUpdate(core, u);
  // Channel-wide problems (`value.errors`) go to the channel's health for its admins.
  const at = core.clock.now();
  onChannel(parsed.errors.map((e) => ({ ...e, timestampMs: at })), (channel, e) => {
    recordChannelErrors(core, channel, [{ code: e.code, title: e.title, details: e.details, ...(e.href ? { href: e.href } : {}) }], at);
  });
  outcome.unroutable = [...new Set(outcome.unroutable)];
  return outcome;
}
