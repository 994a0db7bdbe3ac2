/** Turns one WhatsApp Cloud API webhook body into normalised messages, statuses and errors. */
import { obj, readErrors, readMessageParts, secondsToMs, str } from './parse-message';
import {
  STATUS_VALUES, type ChannelError, type InboundMessage, type ParsedWebhook, type StatusUpdate,
  type StatusValue, type TemplateStatusUpdate, webhookEnvelopeSchema, wireMessageSchema,
  wireStatusSchema, wireValueSchema,
} from './types';

/** Thrown when a body is not a `whatsapp_business_account` envelope (answer 200 and mark unroutable). */
export class WebhookParseError extends Error {
  override readonly name = 'WebhookParseError';
  constructor(message: string, readonly issues: string[] = []) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

interface Scope {
  phoneNumberId: string;
  wabaId: string;
  contacts: Obj[];
}

function findContact(scope: Scope, from: string | undefined, userId: string | undefined): Obj | undefined {
  const hit = scope.contacts.find((c) => (from && c.wa_id === from) || (userId && c.user_id === userId));
  // A single contact with a single message is the common case even when ids are missing.
  return hit ?? (scope.contacts.length === 1 ? scope.contacts[0] : undefined);
}

function parseMessage(scope: Scope, rawMessage: unknown, out: ParsedWebhook, where: string): void {
  const parsed = wireMessageSchema.safeParse(rawMessage);
  if (!parsed.success) {
    out.ignored.push(`${where}: message without an id`);
    return;
  }
  const m = parsed.data;
  const raw = rawMessage as Obj;
  const contact = findContact(scope, m.from, m.from_user_id);
  const profile = obj(contact?.profile);
  const userId = m.from_user_id ?? str(contact?.user_id);
  const from = m.from ?? str(contact?.wa_id) ?? userId;
  if (!from) {
    out.ignored.push(`${where}: message ${m.id} has neither from nor from_user_id`);
    return;
  }
  const parts = readMessageParts(m.type, raw);
  const ctx = obj(raw.context);
  const msg: InboundMessage = {
    phoneNumberId: scope.phoneNumberId,
    wabaId: scope.wabaId,
    externalId: m.id,
    from,
    timestampMs: secondsToMs(m.timestamp),
    type: m.type,
    content: parts.content,
    payload: parts.payload,
    errors: readErrors(raw.errors),
    raw,
  };
  if (userId) msg.userId = userId;
  if (str(profile.name)) msg.profileName = str(profile.name);
  if (str(profile.username)) msg.username = str(profile.username);
  if (parts.media) msg.media = parts.media;
  if (str(ctx.id)) msg.replyToExternalId = str(ctx.id);
  if (ctx.forwarded === true) msg.forwarded = true;
  if (ctx.frequently_forwarded === true) msg.frequentlyForwarded = true;
  if (raw.referral && typeof raw.referral === 'object') {
    msg.referral = obj(raw.referral);
    msg.payload = { ...msg.payload, referral: msg.referral };
  }
  out.messages.push(msg);
}

function parseStatus(scope: Scope, rawStatus: unknown, out: ParsedWebhook, where: string): void {
  const parsed = wireStatusSchema.safeParse(rawStatus);
  if (!parsed.success) {
    out.ignored.push(`${where}: status without id/status`);
    return;
  }
  const s = parsed.data;
  if (!(STATUS_VALUES as readonly string[]).includes(s.status)) {
    out.ignored.push(`${where}: unknown status "${s.status}" for ${s.id}`);
    return;
  }
  const raw = rawStatus as Obj;
  const status: StatusUpdate = {
    phoneNumberId: scope.phoneNumberId,
    wabaId: scope.wabaId,
    externalId: s.id,
    status: s.status as StatusValue,
    timestampMs: secondsToMs(s.timestamp),
    recipientId: s.recipient_id ?? str(raw.recipient_user_id) ?? '',
    errors: readErrors(raw.errors),
    raw,
  };
  if (s.biz_opaque_callback_data) status.bizOpaqueCallbackData = s.biz_opaque_callback_data;
  if (raw.pricing) status.pricing = obj(raw.pricing);
  if (raw.conversation) status.conversation = obj(raw.conversation);
  out.statuses.push(status);
}

function parseMessagesValue(wabaId: string, value: unknown, out: ParsedWebhook, where: string): void {
  const parsed = wireValueSchema.safeParse(value);
  if (!parsed.success) {
    out.ignored.push(`${where}: unreadable value`);
    return;
  }
  const v = parsed.data;
  const phoneNumberId = v.metadata?.phone_number_id;
  if (!phoneNumberId) {
    out.ignored.push(`${where}: value without metadata.phone_number_id`);
    return;
  }
  const scope: Scope = { phoneNumberId, wabaId, contacts: (v.contacts ?? []) as Obj[] };
  (v.messages ?? []).forEach((m, i) => parseMessage(scope, m, out, `${where}.messages[${i}]`));
  (v.statuses ?? []).forEach((s, i) => parseStatus(scope, s, out, `${where}.statuses[${i}]`));
  readErrors(v.errors).forEach((e, i) => {
    const href = str(obj(v.errors?.[i]).href);
    const err: ChannelError = { ...e, phoneNumberId, wabaId };
    if (href) err.href = href;
    out.errors.push(err);
  });
}

function parseTemplateUpdate(wabaId: string, value: unknown, out: ParsedWebhook): void {
  const v = obj(value);
  const update: TemplateStatusUpdate = { wabaId, event: str(v.event) ?? '', raw: v };
  if (str(v.message_template_id)) update.templateId = str(v.message_template_id);
  if (str(v.message_template_name)) update.name = str(v.message_template_name);
  if (str(v.message_template_language)) update.language = str(v.message_template_language);
  if (str(v.reason)) update.reason = str(v.reason);
  out.templateUpdates.push(update);
}

/**
 * Parses a webhook body (already JSON-decoded; verify the signature on the raw bytes first).
 * Loops over every entry, change, message, status and error; never reads only `[0]`. Items that
 * cannot be used are described in `ignored` instead of throwing. Order of output follows the body.
 * @throws WebhookParseError when `body` is not a `whatsapp_business_account` envelope.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const env = webhookEnvelopeSchema.safeParse(body);
  if (!env.success) {
    throw new WebhookParseError('not a whatsapp_business_account webhook', env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const out: ParsedWebhook = { messages: [], statuses: [], templateUpdates: [], errors: [], ignored: [] };
  env.data.entry.forEach((entry, ei) => {
    entry.changes.forEach((change, ci) => {
      const where = `entry[${ei}].changes[${ci}]`;
      if (change.field === 'messages') parseMessagesValue(entry.id, change.value, out, where);
      else if (change.field === 'message_template_status_update') parseTemplateUpdate(entry.id, change.value, out);
      else out.ignored.push(`${where}: field "${change.field}" not handled`);
    });
  });
  return out;
}
