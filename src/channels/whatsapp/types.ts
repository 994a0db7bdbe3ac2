/**
 * WhatsApp Cloud API webhook wire schemas (lenient: unknown keys pass through) and the normalised
 * types `parseWebhook` produces. The wire schemas only pin down the keys we route on; everything
 * type-specific is read defensively by the parser so new Meta fields never break ingestion.
 */
import { z } from 'zod';

/** One error object as Meta sends it in `statuses[].errors`, `messages[].errors` and `value.errors`. */
export const wireErrorSchema = z.looseObject({
  code: z.coerce.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

/** An inbound message: only the common keys are typed, the type-specific object passes through. */
export const wireMessageSchema = z.looseObject({
  id: z.string(),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.union([z.string(), z.number()]).optional(),
  type: z.string().default('unknown'),
  context: z.looseObject({ id: z.string().optional(), from: z.string().optional() }).optional(),
  errors: z.array(wireErrorSchema).optional(),
});

/**
 * A coexistence echo (`smb_message_echoes`): a message the business sent from the WhatsApp Business
 * app, shaped like an inbound message but with `from` = the business number and `to` = the customer.
 * `to_user_id` (a business-scoped id instead of the phone) is read defensively *(unverified)*.
 */
export const wireEchoSchema = wireMessageSchema.extend({
  to: z.string().optional(),
  to_user_id: z.string().optional(),
});

/** One delivery status for a message the business sent. */
export const wireStatusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.union([z.string(), z.number()]).optional(),
  recipient_id: z.string().optional(),
  errors: z.array(wireErrorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});

/** A contact entry next to inbound messages (profile name, wa_id and/or business-scoped user_id). */
export const wireContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

/** `change.value` — shape depends on `change.field`; messages/statuses/errors are all optional. */
export const wireValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().optional(),
  }).optional(),
  contacts: z.array(wireContactSchema).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  /** Only in `smb_message_echoes` changes. */
  message_echoes: z.array(z.unknown()).optional(),
  errors: z.array(wireErrorSchema).optional(),
});

export const wireChangeSchema = z.looseObject({ field: z.string(), value: z.unknown() });
export const wireEntrySchema = z.looseObject({ id: z.string(), changes: z.array(wireChangeSchema).default([]) });

/** The outer envelope: `object` must be `whatsapp_business_account`. */
export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(wireEntrySchema),
});

export type WireMessage = z.infer<typeof wireMessageSchema>;
export type WireStatus = z.infer<typeof wireStatusSchema>;
export type WireError = z.infer<typeof wireErrorSchema>;
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

// ---------------------------------------------------------------------------------------------
// Normalised output
// ---------------------------------------------------------------------------------------------

/** A provider error reduced to what we store and key on (never the title). */
export interface ErrorDetail {
  code: number;
  title: string;
  details: string;
}

/** Media reference of an inbound image/video/audio/document/sticker (download it right away). */
export interface InboundMedia {
  mediaId: string;
  mimeType: string;
  sha256?: string;
  filename?: string;
  caption?: string;
  voice?: boolean;
  animated?: boolean;
}

/**
 * What every message item of a webhook carries once normalised (customer messages and echoes of
 * the business's own messages are read by the same per-type reader). `raw` is the item as received.
 */
export interface WireMessageCommon {
  phoneNumberId: string;
  wabaId: string;
  /** The wamid: the idempotency key together with the channel; later status webhooks name it. */
  externalId: string;
  /** Meta's timestamp (seconds string) in milliseconds; 0 when missing. */
  timestampMs: number;
  /** Meta's type as-is (unknown future types are kept). */
  type: string;
  /** Text, caption, or a readable summary for previews and search. */
  content: string;
  /** Structured type-specific data; shape per type documented in parse-message.ts. */
  payload: Record<string, unknown>;
  media?: InboundMedia;
  /** `context.id`: the wamid being replied to or quoted. */
  replyToExternalId?: string;
  raw: Record<string, unknown>;
}

/** One inbound customer message, normalised. */
export interface InboundMessage extends WireMessageCommon {
  /** wa_id (phone digits) when present, else the business-scoped user id. */
  from: string;
  /** Business-scoped user id (`from_user_id` / `contacts[].user_id`) when present. */
  userId?: string;
  profileName?: string;
  username?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  referral?: Record<string, unknown>;
  /** `context.referred_product`: the catalog product the customer asks about ("Message business" on a product). */
  referredProduct?: { catalogId?: string; productRetailerId?: string };
  /** Errors attached to the message (e.g. 131051 for unsupported). */
  errors: ErrorDetail[];
}

/**
 * A message the business sent from the WhatsApp Business app (coexistence), echoed to the webhook.
 * Content, payload and media are read exactly like an inbound message of the same type.
 */
export interface EchoMessage extends WireMessageCommon {
  /** The customer: wa_id (phone digits) when present, else the business-scoped user id. */
  to: string;
  /** Business-scoped user id of the customer (`to_user_id`) when present. */
  userId?: string;
}

export const STATUS_VALUES = ['sent', 'delivered', 'read', 'failed'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

/** A delivery status for one of our outbound messages. */
export interface StatusUpdate {
  phoneNumberId: string;
  wabaId: string;
  externalId: string;
  status: StatusValue;
  timestampMs: number;
  recipientId: string;
  errors: ErrorDetail[];
  bizOpaqueCallbackData?: string;
  pricing?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  raw: Record<string, unknown>;
}

/** `message_template_status_update` change. */
export interface TemplateStatusUpdate {
  wabaId: string;
  event: string;
  templateId?: string;
  name?: string;
  language?: string;
  reason?: string;
  raw: Record<string, unknown>;
}

/** A `value.errors[]` item (system-level problem, not tied to one message). */
export interface ChannelError extends ErrorDetail {
  phoneNumberId: string;
  wabaId: string;
  href?: string;
}

/**
 * Everything found in one webhook body. `ignored` describes items that could not be read (the
 * event is kept as `partial` for an admin); `unused` what Turno knowingly does not use (change
 * fields such as `account_update`, status values it does not know): logged, never retried.
 */
export interface ParsedWebhook {
  messages: InboundMessage[];
  /** Messages the business sent from the WhatsApp Business app (`smb_message_echoes`). */
  echoes: EchoMessage[];
  statuses: StatusUpdate[];
  templateUpdates: TemplateStatusUpdate[];
  errors: ChannelError[];
  ignored: string[];
  unused: string[];
}
