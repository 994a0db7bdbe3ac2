/**
 * What an API token may do per request: its scope for the method (read for GET/HEAD, write for
 * the rest; admin-only operations also need the admin scope, checked by `requireRole`) and its
 * rate limit (RateLimit-Limit/-Remaining/-Reset on every answer, then 429 with Retry-After).
 */
import type { PublicApiToken } from '../../core/api-tokens';
import type { Core } from '../../core/context';
import { DomainError, fail } from '../../core/errors';
import type { ApiScope } from '../../db/schema/users';
import { FixedWindowCounter } from '../../lib/rate-limiter';

const counters = new WeakMap<Core, FixedWindowCounter>();
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The refusal for a token without `scope`. */
export function scopeError(scope: ApiScope): DomainError {
  return new DomainError('forbidden', `This API token lacks the ${scope} scope`, { requiredScope: scope });
}

/** Throws `forbidden` when the token's scopes do not allow the request method. */
export function requireMethodScope(token: PublicApiToken, method: string): void {
  const needed: ApiScope = READ_METHODS.has(method) ? 'read' : 'write';
  if (!token.scopes.includes(needed)) throw scopeError(needed);
}

/** Counts one request of the token, sets the RateLimit-* headers, and throws `rate_limited` past the limit. */
export function limitTokenRate(deps: { core: Core }, tokenId: string, headers: Record<string, string | number>): void {
  const { core } = deps;
  let counter = counters.get(core);
  if (!counter) counters.set(core, (counter = new FixedWindowCounter(core.config.apiRateLimitPerMinute, 60_000, () => core.clock.now())));
  const r = counter.hit(tokenId);
  const reset = Math.ceil(r.resetMs / 1000);
  headers['ratelimit-limit'] = String(r.limit);
  headers['ratelimit-remaining'] = String(r.remaining);
  headers['ratelimit-reset'] = String(reset);
  headers['ratelimit-policy'] = `${r.limit};w=60`;
  if (!r.allowed) throw fail.rateLimited(`Rate limit of ${r.limit} requests per minute reached for this token`, r.resetMs);
}
