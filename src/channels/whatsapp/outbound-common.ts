/** Shared pieces of outbound message builders: the envelope, options and validation errors. */

/** Thrown by builders when a message breaks a Cloud API limit; `field` names the offending input. */
export class OutboundValidationError extends Error {
  override readonly name = 'OutboundValidationError';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** Options every sendable message accepts. */
export interface SendOptions {
  /** wamid to quote-reply to (`context.message_id`). */
  replyTo?: string;
  /** Echoed back in status webhooks (`biz_opaque_callback_data`), max 512 chars. */
  bizOpaqueCallbackData?: string;
}

/** The JSON body of `POST /{phone_number_id}/messages`. */
export type OutboundBody = Record<string, unknown> & { messaging_product: 'whatsapp' };

/** Throws unless `value` is a non-empty string of at most `max` characters (code points). */
export function checkText(field: string, value: unknown, max: number, required = true): void {
  if (value === undefined || value === null || value === '') {
    if (required) throw new OutboundValidationError(field, 'is required');
    return;
  }
  if (typeof value !== 'string') throw new OutboundValidationError(field, 'must be a string');
  if (required && value.trim() === '') throw new OutboundValidationError(field, 'must not be blank');
  const length = [...value].length;
  if (length > max) throw new OutboundValidationError(field, `is ${length} characters; the limit is ${max}`);
}

/** Throws unless `to` looks like a wa_id / phone (digits, optional +) or a business-scoped user id. */
export function checkRecipient(to: string): void {
  if (typeof to !== 'string' || !/^(\+?\d{6,15}|[A-Z]{2}\.\w+)$/.test(to.trim())) {
    throw new OutboundValidationError('to', `"${to}" is not a WhatsApp id or phone number`);
  }
}

/**
 * Wraps a type object in the message envelope: `messaging_product`, `recipient_type`, `to`,
 * optional `context.message_id`, `type`, the type object, optional `biz_opaque_callback_data`.
 */
export function envelope(to: string, type: string, content: unknown, opts: SendOptions = {}): OutboundBody {
  checkRecipient(to);
  const body: OutboundBody = { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.trim() };
  if (opts.replyTo) body.context = { message_id: opts.replyTo };
  body.type = type;
  body[type] = content;
  if (opts.bizOpaqueCallbackData !== undefined) {
    checkText('bizOpaqueCallbackData', opts.bizOpaqueCallbackData, 512);
    body.biz_opaque_callback_data = opts.bizOpaqueCallbackData;
  }
  return body;
}
