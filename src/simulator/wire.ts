/** Meta wire-format helpers shared by the simulator: ids, envelopes and Graph error bodies. */

/** A fresh wamid shaped like Meta's (`wamid.HBgL…` base64). */
export function newWamid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(30));
  return `wamid.HBgL${Buffer.from(bytes).toString('base64').replace(/=+$/, '')}=`;
}

/** A fresh numeric id (media ids, template ids) like Meta's 15–17 digit ids. */
export function newNumericId(): string {
  return String(1_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 8e15)));
}

/** Current unix time in seconds as a string, like every Meta timestamp. */
export function nowSeconds(nowMs = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

export interface Business {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
}

/** `{object, entry:[{id, changes:[{field, value}]}]}` for one or more changes of one WABA. */
export function envelope(wabaId: string, changes: { field: string; value: unknown }[]): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: wabaId, changes }] };
}

/** A `messages` change value carrying inbound messages (and their contacts). */
export function messagesValue(biz: Business, contacts: unknown[], messages: unknown[]): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: biz.displayPhoneNumber, phone_number_id: biz.phoneNumberId },
    contacts,
    messages,
  };
}

/** A `messages` change value carrying statuses. */
export function statusesValue(biz: Business, statuses: unknown[]): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: biz.displayPhoneNumber, phone_number_id: biz.phoneNumberId },
    statuses,
  };
}

/** One status object as Meta sends it (`conversation`/`pricing` on sent/delivered/read, `errors` on failed). */
export function statusObject(
  wamid: string, status: 'sent' | 'delivered' | 'read' | 'failed', recipientId: string,
  opts: { errors?: unknown[]; bizOpaque?: string; category?: string; nowMs?: number } = {},
): Record<string, unknown> {
  const s: Record<string, unknown> = { id: wamid, status, timestamp: nowSeconds(opts.nowMs), recipient_id: recipientId };
  if (status === 'failed') {
    s.errors = opts.errors ?? [];
  } else {
    const category = opts.category ?? 'service';
    s.pricing = { billable: category !== 'service', pricing_model: 'PMP', category, type: category === 'service' ? 'free_customer_service' : 'regular' };
  }
  if (opts.bizOpaque) s.biz_opaque_callback_data = opts.bizOpaque;
  return s;
}

const ERROR_TEXT: Record<number, { http: number; message: string; details: string; type?: string; subcode?: number }> = {
  100: { http: 400, message: '(#100) Invalid parameter', details: 'Invalid parameter' },
  190: { http: 401, message: 'Error validating access token: Session has expired.', details: 'Access token expired or invalid', subcode: 463 },
  368: { http: 403, message: '(#368) Temporarily blocked for policies violations', details: 'The account is temporarily blocked for policy violations.' },
  130429: { http: 400, message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131000: { http: 500, message: '(#131000) Something went wrong', details: 'Something went wrong.' },
  131026: { http: 400, message: '(#131026) Message Undeliverable', details: 'Message Undeliverable.' },
  131047: { http: 400, message: '(#131047) Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  131048: { http: 400, message: '(#131048) Spam rate limit hit', details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.' },
  131056: { http: 400, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', details: 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.' },
  132000: { http: 400, message: '(#132000) Number of parameters does not match the expected number of params', details: 'body: number of localizable_params does not match the expected number of params' },
  132001: { http: 404, message: '(#132001) Template name does not exist in the translation', details: 'template name does not exist in the translation' },
};

/** The Graph error JSON `{error:{message,type,code,error_data,fbtrace_id}}` and its HTTP status. */
export function graphError(code: number, details?: string, httpStatus?: number): { status: number; body: Record<string, unknown> } {
  const t = ERROR_TEXT[code] ?? { http: 400, message: `(#${code}) Error`, details: `Error ${code}` };
  const error: Record<string, unknown> = {
    message: t.message,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details: details ?? t.details },
    fbtrace_id: `A${Buffer.from(crypto.getRandomValues(new Uint8Array(15))).toString('base64url')}`,
  };
  if (t.subcode) error.error_subcode = t.subcode;
  return { status: httpStatus ?? t.http, body: { error } };
}

/** The error objects Meta puts in `statuses[].errors` for an asynchronous failure with `code`. */
export function asyncErrors(code: number): unknown[] {
  const t = ERROR_TEXT[code] ?? { message: `Error ${code}`, details: `Error ${code}` };
  const title = t.message.replace(/^\(#\d+\)\s*/, '');
  return [{ code, title, message: title, error_data: { details: t.details } }];
}
