/**
 * Where the bundled read-only assets (static files, migrations) live: beside the sources when
 * running from the repository, inside the executable's embedded file system when compiled.
 */
import { join, resolve } from 'node:path';

/** True when running as a `bun build --compile` executable. */
export function isCompiled(): boolean {
  return import.meta.dir.startsWith('/$bunfs') || import.meta.dir.includes('~BUN');
}

/** Root of the embedded assets (compiled) or of the repository (source). */
export function assetRoot(): string {
  return isCompiled() ? import.meta.dir : resolve(import.meta.dir, '..');
}

/** Absolute path of an asset folder such as `static` or `migrations`. */
export function assetPath(name: string): string {
  return join(assetRoot(), name);
}
