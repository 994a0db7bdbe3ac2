/**
 * The error policy: what the send worker does for each Graph/WhatsApp error code. Key on `code`
 * (and `error_data.details` for display), never on titles. Used for synchronous Graph errors and
 * for asynchronous ones (`statuses[].errors`), where `retry` means "send again" only for sends
 * that the worker owns.
 */
import { describeErrorCode, type ErrorLocale } from './error-descriptions';

export { describeErrorCode, type ErrorLocale };

/** What to do with a failed send. `reauthorize`/`pause` also stop the channel's queue. */
export type ErrorAction = 'retry' | 'fail' | 'reauthorize' | 'pause';

export interface ErrorPolicy {
  action: ErrorAction;
  /** Short machine reason stored with the message/job (snake_case). */
  reason: string;
  /** Minimum delay before a retry (pair rate limit needs a longer pause). */
  minDelayMs?: number;
}

/** The policy table keyed on Meta's error code. Codes not listed fall back to HTTP status/kind. */
export const ERROR_POLICY: Readonly<Record<number, ErrorPolicy>> = {
  1: { action: 'retry', reason: 'unknown_api_error' },
  2: { action: 'retry', reason: 'service_temporarily_unavailable' },
  4: { action: 'retry', reason: 'app_rate_limit', minDelayMs: 60_000 },
  80007: { action: 'retry', reason: 'waba_rate_limit', minDelayMs: 60_000 },
  130429: { action: 'retry', reason: 'throughput_rate_limit', minDelayMs: 2_000 },
  131056: { action: 'retry', reason: 'pair_rate_limit', minDelayMs: 6_000 },
  131000: { action: 'retry', reason: 'generic_error' },
  131016: { action: 'retry', reason: 'service_unavailable' },
  100: { action: 'fail', reason: 'invalid_parameter' },
  131008: { action: 'fail', reason: 'required_parameter_missing' },
  131009: { action: 'fail', reason: 'parameter_value_invalid' },
  131021: { action: 'fail', reason: 'recipient_is_sender' },
  131026: { action: 'fail', reason: 'undeliverable' },
  131047: { action: 'fail', reason: 'reengagement_window_closed' },
  470: { action: 'fail', reason: 'reengagement_window_closed' },
  131048: { action: 'fail', reason: 'spam_rate_limit' },
  131049: { action: 'fail', reason: 'marketing_limit_per_user' },
  131050: { action: 'fail', reason: 'user_stopped_marketing' },
  131051: { action: 'fail', reason: 'unsupported_message_type' },
  131052: { action: 'fail', reason: 'media_download_error' },
  131053: { action: 'fail', reason: 'media_upload_error' },
  132000: { action: 'fail', reason: 'template_param_count_mismatch' },
  132001: { action: 'fail', reason: 'template_missing' },
  132005: { action: 'fail', reason: 'template_text_too_long' },
  132007: { action: 'fail', reason: 'template_policy_violation' },
  132012: { action: 'fail', reason: 'template_param_format_mismatch' },
  132015: { action: 'fail', reason: 'template_paused' },
  132016: { action: 'fail', reason: 'template_disabled' },
  190: { action: 'reauthorize', reason: 'access_token_invalid' },
  10: { action: 'reauthorize', reason: 'permission_denied' },
  368: { action: 'pause', reason: 'policy_block' },
  131031: { action: 'pause', reason: 'account_locked' },
  131042: { action: 'pause', reason: 'payment_issue' },
  133010: { action: 'pause', reason: 'phone_not_registered' },
};

export interface ErrorClassification extends ErrorPolicy {
  code?: number;
}

/** Structural view of anything error-like: GraphApiError, a status error `{code}`, or a thrown Error. */
interface ErrorLike {
  code?: unknown;
  httpStatus?: unknown;
  kind?: unknown;
}

/**
 * Decides retry/fail/reauthorize/pause for an error. Order: known code in `ERROR_POLICY` → kind
 * `network`/`timeout`/`connect` → HTTP 5xx or 429 → HTTP 401 (reauthorize) → otherwise `fail`.
 */
export function classifyGraphError(err: unknown): ErrorClassification {
  const e = (err && typeof err === 'object' ? err : {}) as ErrorLike;
  const code = typeof e.code === 'number' ? e.code : undefined;
  const http = typeof e.httpStatus === 'number' ? e.httpStatus : undefined;
  if (code !== undefined && ERROR_POLICY[code]) return { ...ERROR_POLICY[code], code };
  if (e.kind === 'timeout') return { action: 'retry', reason: 'timeout', code };
  if (e.kind === 'network') return { action: 'retry', reason: 'network_error', code };
  if (e.kind === 'connect') return { action: 'retry', reason: 'connection_failed', code };
  if (http !== undefined && http >= 500) return { action: 'retry', reason: `http_${http}`, code };
  if (http === 429) return { action: 'retry', reason: 'http_429', minDelayMs: 2_000, code };
  if (http === 401) return { action: 'reauthorize', reason: 'http_401', code };
  if (http === undefined && code === undefined && !(err instanceof Error)) return { action: 'fail', reason: 'unknown_error' };
  if (http === undefined && code === undefined) return { action: 'retry', reason: 'unexpected_exception' };
  return { action: 'fail', reason: code !== undefined ? `error_${code}` : `http_${http}` };
}

/** True when the error should be retried with backoff. */
export function isRetryable(err: unknown): boolean {
  return classifyGraphError(err).action === 'retry';
}
