/**
 * Enforces the layer table of docs/architecture.md on every runtime import under src/ and views/
 * (type-only imports are erased by the compiler and do not count: `views` may use core's types).
 * Today's violations are listed, one by one, in ALLOWED_TODAY; the test fails on any new one, and
 * also on an allowed one that no longer exists, so the list only shrinks.
 */
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dir, '../../..');

/** Layer of a repo-relative file path (null: outside the layered code). */
function layerOf(file: string): string | null {
  file = file.replace(/\.(ts|tsx)$/, '');
  if (file.startsWith('views/')) return 'views';
  const m = /^src\/([^/]+)(\/|$)/.exec(file);
  if (!m) return null;
  const top = m[1]!;
  if (top === 'app' || top === 'main') return 'app';
  if (top === 'config' || top === 'paths') return 'config';
  return top;
}

/**
 * What each layer may import (docs/architecture.md, "Layout"): its own folder, the layers the
 * table names, and what those may import in turn. `config` (settings and paths) sits with `lib`.
 */
const BASE = ['lib', 'config'];
const MAY_IMPORT: Record<string, string[]> = {
  lib: ['lib'],
  config: ['config', 'lib'],
  db: ['db', ...BASE],
  core: ['core', 'db', ...BASE],
  channels: ['channels', 'core', 'db', ...BASE],
  jobs: ['jobs', 'channels', 'core', 'db', ...BASE],
  ai: ['ai', 'core', 'db', ...BASE],
  realtime: ['realtime', 'views', 'core', 'db', ...BASE],
  simulator: ['simulator', 'channels', 'core', 'db', ...BASE],
  // Plugins sit beside the features: they render slots (views) and call channel helpers (phone numbers).
  'plugin-host': ['plugin-host', 'jobs', 'channels', 'views', 'core', 'db', ...BASE],
  views: ['views', ...BASE],
  http: ['http', 'views', 'realtime', 'ai', 'jobs', 'channels', 'simulator', 'plugin-host', 'core', 'db', ...BASE],
  cli: ['cli', 'app', 'http', 'views', 'realtime', 'ai', 'jobs', 'channels', 'simulator', 'plugin-host', 'core', 'db', ...BASE],
  app: ['app', 'cli', 'http', 'views', 'realtime', 'ai', 'jobs', 'channels', 'simulator', 'plugin-host', 'core', 'db', ...BASE],
};

/**
 * Imports that break the table today, as `importer -> imported`. Each is a known seam of issue 22
 * ("Layering"): moving SQL and rules behind core functions removes them. Do not add to this list:
 * put the code in the right layer instead.
 */
const ALLOWED_TODAY = new Set<string>([
  // settings validation checks the data folder's disk (belongs in db or the CLI's start-up)
  'src/config -> src/db/storage-health',
  // the generic job handlers are installed by WhatsApp's installer: channels ↔ jobs cycle
  'src/channels/channel-actions -> src/jobs/handlers/templates-sync',
  'src/channels/whatsapp/install -> src/jobs/handlers/conversation-provider',
  'src/channels/whatsapp/install -> src/jobs/handlers/media-download',
  'src/channels/whatsapp/install -> src/jobs/handlers/send-message',
  'src/channels/whatsapp/install -> src/jobs/handlers/templates-sync',
  'src/simulator/embedded -> src/jobs/handlers/templates-sync',
  // the socket route reuses the HTTP request context (auth, locale)
  'src/realtime/socket-route -> src/http/request-context',
  // views that call core/ai/plugin-host functions or read db constants instead of receiving data
  'views/admin-users -> src/db/schema/enums',
  'views/ai/admin-ai -> src/ai/intent-store',
  'views/ai/admin-intent -> src/ai/intent-store',
  'views/ai/admin-kb -> src/ai/kb/articles',
  'views/ai/evaluation -> src/ai/evaluate',
  'views/channels/webhooks -> src/core/webhook-events',
  'views/inbox/message-bubble -> src/ai/intent-store',
  'views/inbox/message-bubble -> src/core/echoes',
  'views/inbox/message-bubble -> src/db/schema/enums',
  'views/inbox/message-label -> src/core/last-message',
  'views/inbox/search-page -> src/core/search',
  'views/layout -> src/core/profile',
  'views/channels/health -> src/channels/whatsapp/error-descriptions',
  'views/channels/health -> src/core/channel-health',
  'views/inbox/message-bubble -> src/core/message-revisions',
  'views/inbox/message-label -> src/core/message-revisions',
  'views/settings/api-tokens-page -> src/db/schema/enums',
  'views/admin-nav -> src/core/users',
  'views/channels/simulator-panel -> src/simulator/customers',
  'views/channels/simulator-panel -> src/simulator/controls',
  'views/routing/teams-page -> src/core/availability',
  'views/outbound-webhooks/admin -> src/core/webhooks/event-types',
  'views/routing/rule-editor -> src/db/schema/enums',
  'views/routing/supervisor-page -> src/core/conversations',
  'views/routing/supervisor-page -> src/core/routing/overview',
  'views/routing/teams-page -> src/db/schema/enums',
  'views/settings/canned-page -> src/core/canned',
  'views/settings/canned-page -> src/core/users',
  'views/status-menu -> src/core/availability',
]);

/** Every runtime import from a layered file to another layered file, as `importer -> imported`. */
function edges(): string[] {
  const transpilers = { ts: new Bun.Transpiler({ loader: 'ts' }), tsx: new Bun.Transpiler({ loader: 'tsx' }) };
  const files = [...new Bun.Glob('{src,views}/**/*.{ts,tsx}').scanSync(ROOT)].sort();
  const out: string[] = [];
  for (const file of files) {
    const transpiler = file.endsWith('.tsx') ? transpilers.tsx : transpilers.ts;
    for (const { path } of transpiler.scanImports(readFileSync(join(ROOT, file), 'utf8').replace(/^#!.*/, ''))) {
      if (!path.startsWith('.')) continue;
      const target = relative(ROOT, resolve(ROOT, dirname(file), path)).replace(/\.(ts|tsx|js)$/, '');
      out.push(`${file.replace(/\.(ts|tsx)$/, '')} -> ${target}`);
    }
  }
  return out;
}

/** The edges the layer table forbids, plus a channel importing another channel. */
function violations(): string[] {
  return edges().filter((edge) => {
    const [from, to] = edge.split(' -> ') as [string, string];
    const a = layerOf(from);
    const b = layerOf(to);
    if (!a || !b) return false;
    if (!(MAY_IMPORT[a] ?? []).includes(b)) return true;
    const channel = (f: string) => /^src\/channels\/([^/]+)\//.exec(f)?.[1];
    return a === 'channels' && !!channel(from) && !!channel(to) && channel(from) !== channel(to);
  });
}

describe('import boundaries (docs/architecture.md)', () => {
  const found = violations();

  test('no import crosses the layer table, beyond the listed violations of today', () => {
    expect(found.filter((v) => !ALLOWED_TODAY.has(v))).toEqual([]);
  });

  test('the list of today\'s violations only shrinks (remove an entry once it is fixed)', () => {
    expect([...ALLOWED_TODAY].filter((v) => !found.includes(v))).toEqual([]);
  });

  test('the scanner sees imports (guards against a test that checks nothing)', () => {
    expect(edges()).toContain('src/core/messages -> src/db/client');
  });
});
