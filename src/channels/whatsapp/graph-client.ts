/**
 * A small fetch-based WhatsApp Cloud API client bound to one business number. Every failure is a
 * `GraphApiError` (HTTP/Graph errors, network errors, time-outs), already classified by the error
 * policy (`err.action`, `err.retryable`). No retries here: the job queue owns retries.
 */
import { buildMarkRead, type OutboundBody } from './outbound';
import { GraphApiError } from './graph-error';
import { readBodyLimited, sha256HexOf } from './media-bytes';
import { checkDownloadUrl, mayReceiveToken } from './url-guard';

export interface GraphClientConfig {
  /** e.g. `https://graph.facebook.com` or the simulator's URL. */
  graphUrl: string;
  /** e.g. `v23.0` (a missing `v` is added). */
  version: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  /** Per request (whole body included). Default 20 s. */
  timeoutMs?: number;
  /** Media download cap. Default 100 MB (Meta's largest media is 100 MB documents). */
  maxDownloadBytes?: number;
  /** Injectable DNS resolver for the download SSRF guard (tests). */
  resolveHost?: (host: string) => Promise<string[]>;
}

export interface SendResult {
  wamid: string;
  /** `contacts[0].wa_id` — may differ from the `to` sent (store it as the contact's wa_id). */
  waId?: string;
  input?: string;
  raw: unknown;
}

export interface MediaInfo {
  id: string;
  url: string;
  mime_type: string;
  sha256: string;
  file_size: number;
}

export interface DownloadedMedia {
  bytes: Uint8Array;
  mimeType: string;
  size: number;
  /** Hex sha256 of the bytes received. */
  sha256: string;
}

export interface TemplateRecord {
  id?: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: unknown[];
  [key: string]: unknown;
}

export interface GraphClient {
  readonly config: Readonly<GraphClientConfig>;
  sendMessage(body: OutboundBody): Promise<SendResult>;
  markRead(messageId: string, opts?: { typing?: boolean }): Promise<void>;
  uploadMedia(bytes: Uint8Array | Blob, mimeType: string, filename: string): Promise<string>;
  getMediaInfo(mediaId: string): Promise<MediaInfo>;
  downloadMedia(url: string, opts?: { maxBytes?: number; expectedSha256?: string }): Promise<DownloadedMedia>;
  getPhoneNumber(): Promise<Record<string, unknown>>;
  listTemplates(opts?: { pageSize?: number; maxPages?: number }): Promise<TemplateRecord[]>;
}

/** Error codes of a connection that never opened (nothing was sent), with what they mean. */
const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ConnectionRefused: 'connection refused',
  FailedToOpenSocket: 'connection refused',
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** What a fetch failure whose connection never opened means, or null for any other failure. */
function connectFailure(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? CONNECT_FAILURES[code] ?? null : null;
}

/** Creates a client; `fetchImpl` is injectable for tests (defaults to global fetch). */
export function createGraphClient(config: GraphClientConfig, fetchImpl: typeof fetch = fetch): GraphClient {
  const base = config.graphUrl.replace(/\/+$/, '');
  const version = config.version.startsWith('v') ? config.version : `v${config.version}`;
  const graphHost = new URL(base).host;
  const timeoutMs = config.timeoutMs ?? 20_000;
  const auth = { Authorization: `Bearer ${config.accessToken}` };
  const api = (path: string) => `${base}/${version}/${path}`;

  /** Runs one request with the timeout covering headers and body; maps failures to GraphApiError. */
  async function call<T>(url: string, init: RequestInit, read: (res: Response) => Promise<T>): Promise<T> {
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    try {
      const res = await fetchImpl(url, { ...init, signal: ctrl.signal, redirect: 'manual' });
      return await read(res);
    } catch (err) {
      if (err instanceof GraphApiError) throw err;
      if (timedOut) throw new GraphApiError({ kind: 'timeout', message: `no answer from ${new URL(url).host} within ${timeoutMs} ms`, cause: err });
      const unopened = connectFailure(err);
      if (unopened) throw new GraphApiError({ kind: 'connect', message: `could not connect to ${new URL(url).host} (${unopened})`, cause: err });
      throw new GraphApiError({ kind: 'network', message: `network error calling ${new URL(url).host}: ${(err as Error)?.message ?? err}`, cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async function json<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<T> {
    return call(url, { ...init, headers: { ...auth, ...(init.headers ?? {}) } }, async (res) => {
      const text = await res.text();
      if (!res.ok) throw GraphApiError.fromResponse(res.status, text);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new GraphApiError({ kind: 'invalid_response', httpStatus: res.status, message: 'Graph answered with non-JSON', details: text.slice(0, 200) });
      }
    });
  }

  const invalid = (what: string, raw: unknown) =>
    new GraphApiError({ kind: 'invalid_response', httpStatus: 200, message: `unexpected ${what} response`, details: JSON.stringify(raw).slice(0, 300) });

  const postJson = (url: string, body: unknown) =>
    json(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  return {
    config,

    /** POST /{phone}/messages → the new wamid (and the wa_id Meta resolved for `to`). */
    async sendMessage(body) {
      const raw = await postJson(api(`${config.phoneNumberId}/messages`), body);
      const r = raw as { messages?: { id?: string }[]; contacts?: { wa_id?: string; input?: string }[] };
      const wamid = r.messages?.[0]?.id;
      if (!wamid) throw invalid('send', raw);
      return { wamid, waId: r.contacts?.[0]?.wa_id, input: r.contacts?.[0]?.input, raw };
    },

    /** Marks `messageId` (and earlier ones) read; optionally shows the typing indicator. */
    async markRead(messageId, opts = {}) {
      const raw = await postJson(api(`${config.phoneNumberId}/messages`), buildMarkRead(messageId, opts));
      if ((raw as { success?: boolean }).success !== true) throw invalid('mark-as-read', raw);
    },

    /** Multipart upload (`file`, `type`, `messaging_product`) → media id (valid 30 days). */
    async uploadMedia(bytes, mimeType, filename) {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', mimeType);
      const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
      form.append('file', new File([blob], filename, { type: mimeType }));
      const raw = await json(api(`${config.phoneNumberId}/media`), { method: 'POST', body: form });
      const id = (raw as { id?: string }).id;
      if (!id) throw invalid('upload', raw);
      return id;
    },

    /** GET /{media-id} → short-lived download URL (≈5 min), mime type, sha256 and size. */
    async getMediaInfo(mediaId) {
      const raw = await json(api(encodeURIComponent(mediaId)));
      const r = raw as Record<string, unknown>;
      if (typeof r.url !== 'string') throw invalid('media info', raw);
      return {
        id: String(r.id ?? mediaId),
        url: r.url,
        mime_type: String(r.mime_type ?? 'application/octet-stream'),
        sha256: String(r.sha256 ?? ''),
        file_size: Number(r.file_size ?? 0),
      };
    },

    /**
     * Downloads a media URL with the same bearer token. Refuses (kind `blocked_url`) non-http(s)
     * URLs and loopback/private hosts other than the Graph host; follows up to 3 redirects, each
     * re-checked; enforces `maxBytes` (kind `too_large`); 401/403/404/410 → kind `media_expired`;
     * a given `expectedSha256` that does not match → kind `integrity`.
     */
    async downloadMedia(url, opts = {}) {
      const maxBytes = opts.maxBytes ?? config.maxDownloadBytes ?? 100 * 1024 * 1024;
      let current = url;
      for (let hop = 0; hop <= 3; hop++) {
        const refused = await checkDownloadUrl(current, graphHost, config.resolveHost);
        if (refused) throw new GraphApiError({ kind: 'blocked_url', message: `refused media URL: ${refused}` });
        const headers = mayReceiveToken(new URL(current).host, graphHost) ? auth : {};
        const result = await call(current, { headers }, async (res) => {
          if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
            await res.body?.cancel();
            return { redirect: new URL(res.headers.get('location')!, current).toString() };
          }
          if ([401, 403, 404, 410].includes(res.status)) {
            const err = GraphApiError.fromResponse(res.status, await res.text());
            if (err.code === 190) throw err; // bad token: reauthorize, not a stale URL
            throw new GraphApiError({ kind: 'media_expired', httpStatus: res.status, message: `media URL answered ${res.status} (expired or unauthorised)`, details: err.details, cause: err });
          }
          if (!res.ok) throw GraphApiError.fromResponse(res.status, await res.text());
          const bytes = await readBodyLimited(res, maxBytes);
          return { bytes, mimeType: res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream' };
        });
        if ('redirect' in result) {
          current = result.redirect as string;
          continue;
        }
        const sha256 = sha256HexOf(result.bytes);
        if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
          throw new GraphApiError({ kind: 'integrity', message: 'downloaded media does not match its sha256', details: `expected ${opts.expectedSha256}, got ${sha256}` });
        }
        return { bytes: result.bytes, mimeType: result.mimeType, size: result.bytes.byteLength, sha256 };
      }
      throw new GraphApiError({ kind: 'blocked_url', message: 'too many redirects downloading media' });
    },

    /** GET /{phone_number_id}: display number, verified name, quality rating (the connection test). */
    async getPhoneNumber() {
      const fields = 'display_phone_number,verified_name,quality_rating,code_verification_status,platform_type,throughput';
      return json(api(`${config.phoneNumberId}?fields=${fields}`));
    },

    /**
     * All message templates of the WABA, following `paging.next` across pages (only to the Graph
     * host, so the token never leaves it), up to `maxPages` (default 50).
     */
    async listTemplates(opts = {}) {
      const out: TemplateRecord[] = [];
      let next: string | undefined = api(`${config.wabaId}/message_templates?limit=${opts.pageSize ?? 100}`);
      for (let page = 0; next && page < (opts.maxPages ?? 50); page++) {
        if (new URL(next).host !== graphHost) throw new GraphApiError({ kind: 'blocked_url', message: `paging.next points outside the Graph host: ${new URL(next).host}` });
        const raw: { data?: TemplateRecord[]; paging?: { next?: string } } = await json(next);
        if (!Array.isArray(raw.data)) throw invalid('template list', raw);
        out.push(...raw.data);
        next = raw.paging?.next;
      }
      return out;
    },
  };
}
