/** Domain errors with a stable code; http maps them to status codes and `{error:{code,message}}`. */
export type DomainErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'precondition_failed';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand constructors that read well at call sites. */
export const fail = {
  badRequest: (m: string, d?: Record<string, unknown>) => new DomainError('bad_request', m, d),
  unauthorized: (m = 'Sign in required') => new DomainError('unauthorized', m),
  forbidden: (m = 'You do not have permission to do this') => new DomainError('forbidden', m),
  notFound: (what: string) => new DomainError('not_found', `${what} not found`),
  conflict: (m: string, d?: Record<string, unknown>) => new DomainError('conflict', m, d),
  unprocessable: (m: string, d?: Record<string, unknown>) => new DomainError('unprocessable', m, d),
  rateLimited: (m: string, retryAfterMs: number) => new DomainError('rate_limited', m, { retryAfterMs }),
  preconditionFailed: (m: string, d?: Record<string, unknown>) => new DomainError('precondition_failed', m, d),
};
