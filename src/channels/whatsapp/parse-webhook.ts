/**
 * Turns one WhatsApp Cloud API webhook body into normalised messages, business-app echoes
 * (`smb_message_echoes`), statuses and errors.
 */
import { obj, readErrors, readMessageParts, secondsToMs, str } from './parse-message';
import {
  STATUS_VALUES, type ChannelError, type EchoMessage, type InboundMessage, type ParsedWebhook, type StatusUpdate,
  type StatusValue, type TemplateStatusUpdate, webhookEnvelopeSchema, wireEchoSchema, wireMessageSchema,
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
    out.ignored.push(`${where}: message not readable (${parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join(', ')})`);
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
  const product = obj(ctx.referred_product);
  if (str(product.product_retailer_id)) msg.referredProduct = { catalogId: str(product.catalog_id), productRetailerId: str(product.product_retailer_id) };
  if (raw.referral && typeof raw.referral === 'object') {
    msg.referral = obj(raw.referral);
    msg.payload = { ...msg.payload, referral: msg.referral };
  }
  out.messages.push(msg);
}

/** A coexistence echo: read like an inbound message of its type, addressed `to` the customer. */
function parseEcho(scope: Scope, rawEcho: unknown, out: ParsedWebhook, where: string): void {
  const parsed = wireEchoSchema.safeParse(rawEcho);
  if (!parsed.success) {
    out.ignored.push(`${where}: echo without an id`);
    return;
  }
  const e = parsed.data;
  const to = e.to ?? e.to_user_id;
  if (!to) {
    out.ignored.push(`${where}: echo ${e.id} has neither to nor to_user_id`);
    return;
  }
  const raw = rawEcho as Obj;
  const parts = readMessageParts(e.type, raw);
  const echo: EchoMessage = {
    phoneNumberId: scope.phoneNumberId,
    wabaId: scope.wabaId,
    externalId: e.id,
    to,
    timestampMs: secondsToMs(e.timestamp),
    type: e.type,
    content: parts.content,
    payload: parts.payload,
    raw,
  };
  if (e.to_user_id) echo.userId = e.to_user_id;
  if (parts.media) echo.media = parts.media;
  if (e.context?.id) echo.replyToExternalId = e.context.id;
  out.echoes.push(echo);
}

function parseStatus(scope: Scope, rawStatus: unknown, out: ParsedWebhook, where: string): void {
  const parsed = wireStatusSchema.safeParse(rawStatus);
  if (!parsed.success) {
    out.ignored.push(`${where}: status without id/status`);
    return;
  }
  const s = parsed.data;
  if (!(STATUS_VALUES as readonly string[]).includes(s.status)) {
    out.unused.push(`${where}: unknown status "${s.status}" for ${s.id}`);
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
  (v.message_echoes ?? []).forEach((e, i) => parseEcho(scope, e, out, `${where}.message_echoes[${i}]`));
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
 * Loops over every entry, change, message, echo, status and error; never reads only `[0]`. Items that
 * cannot be used are described in `ignored` instead of throwing. Order of output follows the body.
 * @throws WebhookParseError when `body` is not a `whatsapp_business_account` envelope.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const env = webhookEnvelopeSchema.safeParse(body);
  if (!env.success) {
    throw new WebhookParseError('not a whatsapp_business_account webhook', env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const out: ParsedWebhook = { messages: [], echoes: [], statuses: [], templateUpdates: [], errors: [], ignored: [], unused: [] };
  env.data.entry.forEach((entry, ei) => {
    entry.changes.forEach((change, ci) => {
      const where = `entry[${ei}].changes[${ci}]`;
      if (change.field === 'messages' || change.field === 'smb_message_echoes') parseMessagesValue(entry.id, change.value, out, where);
      else if (change.field === 'message_template_status_update') parseTemplateUpdate(entry.id, change.value, out);
      else out.unused.push(`${where}: field ${change.field}`);
    });
  });
  return out;
}
