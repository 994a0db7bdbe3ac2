/** Minimal flag parsing on top of node:util's parseArgs. */
import { parseArgs } from 'node:util';

/** Flag declarations: `{ port: { type: 'string' } }`. */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * Parses `--flag value` options; unknown flags are an error with a clear message. `values` is typed
 * from the declarations (a `string` flag gives `string | undefined`, a `boolean` one `boolean | undefined`).
 */
export function parseFlags<const T extends FlagSpec>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** Reads all of standard input (used for passwords so they stay out of shell history). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  return (await new Response(Bun.stdin.stream()).text()).trim();
}

/** An error that ends the CLI with a one-line message and exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
