/**
 * The Graph API simulator: a loopback Bun server speaking the WhatsApp Cloud API wire format, plus
 * a signed-webhook sender that plays the customers. Used by tests, the demo and benchmarks.
 *
 *   const sim = await startGraphSimulator({ appSecret, phoneNumberId, wabaId, accessToken, webhookUrl });
 *   createGraphClient({ graphUrl: sim.url, version: 'v23.0', … })
 *   await sim.sendInbound('image', '5511987654321');   // posts a signed webhook
 *   sim.setFailure({ code: 131047, times: 1 });          // next send fails like Meta
 */
import { FailureBook, type FailureRule } from './failures';
import { buildInbound, type InboundKind, type InboundOptions } from './inbound';
import { handle, type RouteContext } from './routes';
import { defaultTemplates, type RecordedSend, type SimTemplate, SimulatorState, type StoredMedia } from './state';
import { WebhookDelivery, WebhookSender } from './webhook-sender';
import { asyncErrors, type Business, envelope, messagesValue, nowSeconds, statusesValue, statusObject } from './wire';

type StatusName = 'sent' | 'delivered' | 'read';

export interface GraphSimulatorOptions {
  /** 0 (default) picks a free port. Always binds 127.0.0.1. */
  port?: number;
  webhookUrl?: string;
  appSecret: string;
  verifyToken?: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  failures?: FailureRule[];
  /** Delays (ms) of the automatic sent → delivered → read statuses; `false` disables them. */
  statusDelays?: false | Partial<Record<StatusName, number>>;
  mediaUrlTtlMs?: number;
  templates?: SimTemplate[];
  /** Templates per page when the client gives no `limit` (default 25). */
  templatePageSize?: number;
  /** Webhook re-deliveries on non-2xx (default 2). */
  webhookRetries?: number;
  /** Sign webhooks with a wrong secret (tests the inbox's rejection). */
  badSignature?: boolean;
}

export interface BatchItem {
  kind: InboundKind;
  from?: string;
  opts?: InboundOptions;
}

export interface GraphSimulator {
  /** Base URL to use as the client's `graphUrl` (`http://127.0.0.1:<port>`). */
  readonly url: string;
  readonly port: number;
  readonly business: Business;
  /** Outbound sends accepted, in order (parsed bodies + wamid). */
  readonly sent: RecordedSend[];
  /** Mark-as-read bodies received. */
  readonly reads: Record<string, unknown>[];
  readonly uploads: StoredMedia[];
  /** Every webhook posted (signed body, answer status). */
  readonly webhooks: WebhookDelivery[];
  stop(): Promise<void>;
  setFailure(rule: FailureRule): void;
  clearFailures(): void;
  setWebhookUrl(url: string): void;
  setAccessToken(token: string): void;
  /** Posts a signed inbound webhook for `kind` (or a ready message object) and returns its wamid. */
  sendInbound(kindOrMessage: InboundKind | Record<string, unknown>, fromWaId?: string, opts?: InboundOptions): Promise<string>;
  /** One webhook with several messages: in one value, one change each, or one entry each. */
  sendBatch(items: BatchItem[], layout?: 'messages' | 'changes' | 'entries'): Promise<string[]>;
  /** Builds (does not send) the envelope for an inbound message. */
  buildInboundWebhook(kind: InboundKind, fromWaId?: string, opts?: InboundOptions): { body: Record<string, unknown>; wamid: string };
  /** Posts a status webhook for `wamid`; `failed` takes error objects or a code. */
  emitStatus(wamid: string, status: StatusName | 'failed', errors?: unknown[] | number, opts?: { recipientId?: string; bizOpaque?: string }): Promise<WebhookDelivery>;
  emitTemplateStatus(name: string, language: string, event: string, reason?: string): Promise<WebhookDelivery>;
  /** Posts any body, signed. */
  postWebhook(body: Record<string, unknown>): Promise<WebhookDelivery>;
  /** Performs Meta's GET handshake against the webhook URL; true when it echoed the challenge. */
  verifyWebhook(verifyToken?: string): Promise<boolean>;
  /** Makes a media URL/id answer 404 from now on. */
  expireMedia(mediaId: string): void;
  /** Stores media (as if a customer sent it) and returns its record. */
  addMedia(bytes: Uint8Array, mimeType: string, opts?: { filename?: string; wrongSha?: boolean }): StoredMedia;
  templates: { list(): SimTemplate[]; set(list: SimTemplate[]): void; add(t: SimTemplate): void };
  /** Resolves when every scheduled status and webhook in flight has been posted. */
  idle(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1. Call `stop()` when done (ends hanging requests too). */
export async function startGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  const state = new SimulatorState(options.templates ?? defaultTemplates());
  const failures = new FailureBook(options.failures ?? []);
  const sender = new WebhookSender(options.webhookUrl, options.appSecret, { retries: options.webhookRetries, badSignature: options.badSignature });
  const business: Business = { phoneNumberId: options.phoneNumberId, wabaId: options.wabaId, displayPhoneNumber: options.displayPhoneNumber ?? '15550783881' };
  let token = options.accessToken;
  let stopResolve!: () => void;
  const stopped = new Promise<void>((r) => (stopResolve = r));
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const scheduled = new Set<Promise<unknown>>();
  const delays = options.statusDelays === false ? false : { sent: 5, delivered: 15, read: 30, ...options.statusDelays };
  let baseUrl = '';

  const postStatus = (wamid: string, status: StatusName | 'failed', to: string, extra: { errors?: unknown[]; bizOpaque?: string; category?: string } = {}) =>
    sender.post(envelope(business.wabaId, [{ field: 'messages', value: statusesValue(business, [statusObject(wamid, status, to, extra)]) }]));

  const schedule = (ms: number, fn: () => Promise<unknown>) => {
    let done!: () => void;
    const p = new Promise<void>((r) => (done = r));
    scheduled.add(p);
    const t = setTimeout(() => {
      timers.delete(t);
      void fn().finally(() => {
        scheduled.delete(p);
        done();
      });
    }, ms);
    timers.add(t);
  };

  const onSent: RouteContext['onSent'] = (wamid, body, asyncFailure) => {
    const to = String(body.to).replace(/^\+/, '');
    const bizOpaque = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
    const tpl = body.type === 'template' ? state.templates.find((t) => t.name === (body.template as { name?: string })?.name) : undefined;
    const category = tpl ? tpl.category.toLowerCase() : 'service';
    if (asyncFailure !== undefined) {
      schedule(delays ? delays.sent : 5, () => postStatus(wamid, 'failed', to, { errors: asyncErrors(asyncFailure), bizOpaque }));
      return;
    }
    if (!delays) return;
    // One after another: with a timer each, a loaded machine fired delivered and read in the same
    // tick and their POSTs raced, so read could arrive first (a flaky test, not what Meta usually does).
    schedule(delays.sent, async () => {
      let at = delays.sent;
      for (const s of ['sent', 'delivered', 'read'] as const) {
        await Bun.sleep(Math.max(0, delays[s] - at));
        at = delays[s];
        await postStatus(wamid, s, to, { bizOpaque, category });
      }
    });
  };

  const ctx: RouteContext = {
    state, failures, phoneNumberId: options.phoneNumberId, wabaId: options.wabaId,
    displayPhoneNumber: business.displayPhoneNumber, verifiedName: options.verifiedName ?? 'Turno Demo Store',
    accessToken: () => token, baseUrl: () => baseUrl, mediaUrlTtlMs: options.mediaUrlTtlMs ?? 5 * 60_000,
    templatePageSize: options.templatePageSize ?? 25, stopped, onSent,
  };

  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: options.port ?? 0,
    idleTimeout: 0,
    fetch: (req) => handle(req, ctx),
  });
  baseUrl = `http://127.0.0.1:${server.port}`;

  const addMedia = (bytes: Uint8Array, mimeType: string, opts: { filename?: string; wrongSha?: boolean } = {}) => state.addMedia(bytes, mimeType, opts);
  const inbound = (kind: InboundKind, from: string | undefined, opts: InboundOptions = {}) =>
    buildInbound(kind, from ?? '5215512345678', addMedia, opts);
  const wrap = (contacts: unknown[], messages: unknown[], errors?: unknown[]) =>
    ({ field: 'messages', value: { ...messagesValue(business, contacts, messages), ...(errors ? { errors } : {}) } });

  return {
    url: baseUrl,
    port: server.port as number,
    business,
    sent: state.sent,
    reads: state.reads,
    uploads: state.uploads,
    webhooks: sender.deliveries,
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      stopResolve();
      await sender.idle();
      await server.stop(true);
    },
    setFailure: (rule) => failures.add(rule),
    clearFailures: () => failures.clear(),
    setWebhookUrl: (url) => (sender.url = url),
    setAccessToken: (t) => (token = t),
    async sendInbound(kindOrMessage, fromWaId, opts = {}) {
      if (typeof kindOrMessage === 'string') {
        const { message, contact, errors } = inbound(kindOrMessage, fromWaId, opts);
        await sender.post(envelope(business.wabaId, [wrap([contact], [message], errors)]));
        return String(message.id);
      }
      const message = { timestamp: nowSeconds(), ...kindOrMessage } as Record<string, unknown>;
      const from = String(message.from ?? fromWaId ?? '5215512345678');
      if (!message.from && !message.from_user_id) message.from = from;
      await sender.post(envelope(business.wabaId, [wrap([{ profile: { name: opts.profileName ?? 'Cliente' }, wa_id: from }], [message])]));
      return String(message.id);
    },
    async sendBatch(items, layout = 'messages') {
      const built = items.map((i) => inbound(i.kind, i.from, i.opts));
      const errors = built.flatMap((b) => b.errors ?? []);
      let body: Record<string, unknown>;
      if (layout === 'messages') {
        const contacts = [...new Map(built.map((b) => [JSON.stringify(b.contact), b.contact])).values()];
        body = envelope(business.wabaId, [wrap(contacts, built.map((b) => b.message), errors.length ? errors : undefined)]);
      } else if (layout === 'changes') {
        body = envelope(business.wabaId, built.map((b) => wrap([b.contact], [b.message], b.errors)));
      } else {
        body = { object: 'whatsapp_business_account', entry: built.map((b) => ({ id: business.wabaId, changes: [wrap([b.contact], [b.message], b.errors)] })) };
      }
      await sender.post(body);
      return built.map((b) => String(b.message.id));
    },
    buildInboundWebhook(kind, fromWaId, opts) {
      const { message, contact, errors } = inbound(kind, fromWaId, opts);
      return { body: envelope(business.wabaId, [wrap([contact], [message], errors)]), wamid: String(message.id) };
    },
    emitStatus(wamid, status, errors, opts = {}) {
      const sent = state.sent.find((s) => s.wamid === wamid);
      const to = opts.recipientId ?? String(sent?.body.to ?? '5215512345678').replace(/^\+/, '');
      const errs = typeof errors === 'number' ? asyncErrors(errors) : errors;
      const bizOpaque = opts.bizOpaque ?? (sent?.body.biz_opaque_callback_data as string | undefined);
      return postStatus(wamid, status, to, { errors: errs, bizOpaque });
    },
    emitTemplateStatus(name, language, event, reason) {
      const t = state.templates.find((x) => x.name === name && x.language === language);
      if (t && ['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'PENDING'].includes(event)) t.status = event as SimTemplate['status'];
      const value: Record<string, unknown> = { event, message_template_id: Number(t?.id ?? 0), message_template_name: name, message_template_language: language };
      value.reason = reason ?? (event === 'REJECTED' ? 'INCORRECT_CATEGORY' : 'NONE');
      return sender.post(envelope(business.wabaId, [{ field: 'message_template_status_update', value }]));
    },
    postWebhook: (body) => sender.post(body),
    async verifyWebhook(verifyToken = options.verifyToken ?? '') {
      if (!sender.url) return false;
      const challenge = String(Math.floor(Math.random() * 1e10));
      const u = new URL(sender.url);
      u.searchParams.set('hub.mode', 'subscribe');
      u.searchParams.set('hub.challenge', challenge);
      u.searchParams.set('hub.verify_token', verifyToken);
      const res = await fetch(u).catch(() => undefined);
      return res?.status === 200 && (await res.text()) === challenge;
    },
    expireMedia(mediaId) {
      const m = state.media.get(mediaId);
      if (m) m.expired = true;
    },
    addMedia,
    templates: {
      list: () => state.templates,
      set: (list) => (state.templates = list),
      add: (t) => state.templates.push(t),
    },
    async idle() {
      while (scheduled.size) await Promise.allSettled([...scheduled]);
      await sender.idle();
    },
  };
}

export type { FailureRule } from './failures';
export { INBOUND_KINDS, type InboundKind, type InboundOptions } from './inbound';
export type { RecordedSend, SimTemplate, StoredMedia } from './state';
export type { WebhookDelivery } from './webhook-sender';
