/** Helpers for media bytes: bounded body reading and sha256 checks. */
import { createHash } from 'node:crypto';
import { GraphApiError } from './graph-error';

/** Hex sha256 of bytes. */
export function sha256HexOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * True when `bytes` hash to `expected`. Meta documents hex; some payloads carry base64, so both
 * encodings are accepted. An empty `expected` cannot be checked and returns true.
 */
export function sha256Matches(bytes: Uint8Array, expected: string | undefined | null): boolean {
  if (!expected) return true;
  const digest = createHash('sha256').update(bytes).digest();
  return expected.toLowerCase() === digest.toString('hex') || expected === digest.toString('base64');
}

/**
 * Reads a response body, failing with kind `too_large` as soon as it passes `maxBytes` (checks
 * Content-Length first, then counts streamed bytes, cancelling the stream).
 */
export async function readBodyLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = (n: number) => new GraphApiError({ kind: 'too_large', httpStatus: res.status, message: `media is ${n} bytes; the limit is ${maxBytes}` });
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(declared);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
