/** The typed error every Graph API call throws: HTTP/Graph errors, network failures and time-outs. */
import { classifyGraphError, type ErrorAction } from './errors';

/**
 * - `graph`: Meta answered with an `{error:{…}}` body
 * - `http`: a non-2xx answer without a Graph error body
 * - `connect`: the connection never opened (refused, DNS failure, unreachable host): nothing was
 *   sent, so a retry cannot duplicate
 * - `network` / `timeout`: the connection failed after it opened (reset, closed) / no answer in
 *   time: the request may have reached Meta
 * - `invalid_response`: 2xx whose body is not what the API documents
 * - `media_expired`: the media download URL answered 401/403/404/410 — fetch a fresh URL
 * - `too_large` / `blocked_url` / `integrity`: download guards (size, SSRF, sha256 mismatch)
 */
export type GraphErrorKind =
  | 'graph' | 'http' | 'connect' | 'network' | 'timeout' | 'invalid_response'
  | 'media_expired' | 'too_large' | 'blocked_url' | 'integrity';

export interface GraphApiErrorInit {
  kind: GraphErrorKind;
  message: string;
  httpStatus?: number;
  code?: number;
  subcode?: number;
  details?: string;
  fbtraceId?: string;
  type?: string;
  cause?: unknown;
}

export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  readonly kind: GraphErrorKind;
  /** HTTP status, 0 when there was no answer. */
  readonly httpStatus: number;
  /** Meta's error code (0 when unknown). */
  readonly code: number;
  readonly subcode?: number;
  /** `error_data.details`, else the message: show this to people. */
  readonly details: string;
  readonly fbtraceId: string;
  readonly type?: string;
  /** What the policy table says to do (see errors.ts). */
  readonly action: ErrorAction;
  readonly reason: string;
  readonly retryable: boolean;

  constructor(init: GraphApiErrorInit) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.kind = init.kind;
    this.httpStatus = init.httpStatus ?? 0;
    this.code = init.code ?? 0;
    if (init.subcode !== undefined) this.subcode = init.subcode;
    this.details = init.details ?? init.message;
    this.fbtraceId = init.fbtraceId ?? '';
    if (init.type) this.type = init.type;
    const c = classifyGraphError({ code: init.code, httpStatus: this.httpStatus || undefined, kind: init.kind });
    const byKind = KIND_ACTIONS[init.kind];
    this.action = init.code === undefined && byKind ? byKind : c.action;
    this.reason = init.code === undefined && byKind ? init.kind : c.reason;
    this.retryable = this.action === 'retry';
  }

  /** Builds the error from a non-2xx response status and its (possibly non-JSON) body text. */
  static fromResponse(httpStatus: number, bodyText: string): GraphApiError {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      parsed = undefined;
    }
    const e = (parsed as { error?: Record<string, unknown> } | undefined)?.error;
    if (e && typeof e === 'object') {
      const data = (e.error_data ?? {}) as Record<string, unknown>;
      const message = typeof e.message === 'string' ? e.message : `Graph error ${e.code}`;
      return new GraphApiError({
        kind: 'graph',
        message,
        httpStatus,
        code: typeof e.code === 'number' ? e.code : Number(e.code) || 0,
        subcode: typeof e.error_subcode === 'number' ? e.error_subcode : undefined,
        details: typeof data.details === 'string' ? data.details : message,
        fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : '',
        type: typeof e.type === 'string' ? e.type : undefined,
      });
    }
    return new GraphApiError({ kind: 'http', message: `HTTP ${httpStatus}`, httpStatus, details: bodyText.slice(0, 500) || `HTTP ${httpStatus}` });
  }
}

/** Actions for kinds that carry no Graph code (codes, when present, win). */
const KIND_ACTIONS: Partial<Record<GraphErrorKind, ErrorAction>> = {
  connect: 'retry',
  network: 'retry',
  timeout: 'retry',
  media_expired: 'retry',
  integrity: 'retry',
  too_large: 'fail',
  blocked_url: 'fail',
  invalid_response: 'retry',
};
