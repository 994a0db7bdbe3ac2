/** Identifier and token helpers. */

/** A time-sortable unique id (UUID v7) used as primary key for every row. */
export function newId(): string {
  return Bun.randomUUIDv7();
}

/** A URL-safe random secret of `bytes` bytes (session tokens, API tokens, CSRF tokens). */
export function randomToken(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Buffer.from(buf).toString('base64url');
}
