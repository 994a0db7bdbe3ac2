/** Response helpers shared by the HTTP features. */
import type { SafeHtml } from '../lib/html';
import type { DomainErrorCode } from '../core/errors';

/** Status codes of domain error codes. */
export const STATUS_OF: Record<DomainErrorCode | 'validation' | 'csrf', number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  unprocessable: 422, rate_limited: 429, precondition_failed: 412, validation: 422, csrf: 403,
};

/** An HTML response. */
export function htmlResponse(body: SafeHtml | string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(String(body), { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

/** A JSON error: `{error:{code,message,…extra}}` (the API passes `{details}` as extra). */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message, ...extra } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** A redirect that also works for htmx requests (HX-Redirect). */
export function redirect(to: string, isHtmx = false): Response {
  if (isHtmx) return new Response(null, { status: 204, headers: { 'HX-Redirect': to } });
  return new Response(null, { status: 303, headers: { location: to } });
}

/** Reads a cookie value from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** Serialises a Set-Cookie value with safe defaults (HttpOnly, SameSite=Lax, Path=/). */
export function cookie(name: string, value: string, opts: { maxAgeSec?: number; secure?: boolean; httpOnly?: boolean } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (opts.httpOnly !== false) parts.push('HttpOnly');
  if (opts.secure) parts.push('Secure');
  if (opts.maxAgeSec !== undefined) parts.push(`Max-Age=${opts.maxAgeSec}`);
  return parts.join('; ');
}

/** A CSV download (`text` from lib/csv: UTF-8 with BOM) named `filename`. */
export function csvResponse(text: string, filename: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
}
