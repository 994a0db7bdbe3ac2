/** Settings from environment variables (and CLI flags), validated once with zod. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ensureWritableDataDir } from './db/storage-health';
import { assetPath, isCompiled } from './paths';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TURNO_BASE_DIR: z.string().optional(),
  TURNO_DATA_DIR: z.string().optional(),
  TURNO_PLUGINS_DIR: z.string().optional(),
  TURNO_MODELS_DIR: z.string().optional(),
  TURNO_PUBLIC_URL: z.string().url().optional(),
  TURNO_SECRET_KEY: z.string().optional(),
  TURNO_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TURNO_SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 7),
  TURNO_SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  TURNO_WEBHOOK_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  TURNO_WORKERS: z.coerce.number().int().min(0).max(64).default(4),
  TURNO_GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  TURNO_SEND_RECONCILE_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  TURNO_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  TURNO_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Requests per minute and API token. */
  TURNO_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TURNO_WEBHOOKS_ALLOW_PRIVATE: z.enum(['0', '1', 'true', 'false']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  baseDir: string;
  dataDir: string;
  /**
   * Plugin folders, in load order (TURNO_PLUGINS_DIR, several separated by ':'; default
   * `<base>/plugins`). The first is where `turno plugin new` writes.
   */
  pluginsDir: string;
  /** Local sentence-embedding models for the intent classifier (`<data>/models` by default). */
  modelsDir: string;
  migrationsDir: string;
  staticDir: string;
  publicUrl?: string;
  /** 32-byte key (base64) sealing channel secrets at rest. */
  secretKey: string;
  logLevel: z.infer<typeof envSchema>['TURNO_LOG_LEVEL'];
  sessionIdleMs: number;
  sessionMaxMs: number;
  webhookMaxBytes: number;
  workers: number;
  /** Time-out of one provider (Graph API) request. */
  graphTimeoutMs: number;
  /** How long a possibly-sent message waits for a reconciling status before being sent again. */
  sendReconcileMs: number;
  secureCookies: 'auto' | 'true' | 'false';
  /** Take the client address from X-Forwarded-For / X-Real-IP (only behind your own reverse proxy). */
  trustProxy: boolean;
  /** Requests per minute allowed to one API token (RateLimit-* headers, then 429). */
  apiRateLimitPerMinute: number;
  /** Let outbound webhooks call loopback/private addresses (tests, or a receiver on your own network). */
  webhooksAllowPrivate: boolean;
}

/** Directory containing the source tree (src/..) or, for the binary, the executable. */
function defaultBaseDir(): string {
  return isCompiled() ? dirname(process.execPath) : resolve(import.meta.dir, '..');
}

function resolveFrom(base: string, path: string | undefined, fallback: string): string {
  if (!path) return join(base, fallback);
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/**
 * Reads the key that seals secrets: TURNO_SECRET_KEY, else `<data>/secret.key`, created on first
 * start with mode 0600.
 */
function loadSecretKey(dataDir: string, fromEnv?: string): string {
  if (fromEnv) {
    if (Buffer.from(fromEnv, 'base64').length !== 32) throw new Error('TURNO_SECRET_KEY must be 32 bytes in base64');
    return fromEnv;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (Buffer.from(key, 'base64').length !== 32) throw new Error(`${file} must hold 32 bytes in base64 (restore it from your backup)`);
    return key;
  }
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Builds the configuration from `env` plus explicit overrides (CLI flags, tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const baseDir = overrides.baseDir ?? (e.TURNO_BASE_DIR ? resolve(e.TURNO_BASE_DIR) : defaultBaseDir());
  const dataDir = overrides.dataDir ?? resolveFrom(baseDir, e.TURNO_DATA_DIR, 'data');
  ensureWritableDataDir(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    baseDir,
    dataDir,
    pluginsDir: (e.TURNO_PLUGINS_DIR ?? '').split(delimiter).map((dir) => resolveFrom(baseDir, dir.trim(), 'plugins')).join(delimiter),
    modelsDir: e.TURNO_MODELS_DIR ? resolve(e.TURNO_MODELS_DIR) : join(dataDir, 'models'),
    migrationsDir: assetPath('migrations'),
    staticDir: assetPath('static'),
    publicUrl: e.TURNO_PUBLIC_URL,
    secretKey: loadSecretKey(dataDir, e.TURNO_SECRET_KEY),
    logLevel: e.TURNO_LOG_LEVEL,
    sessionIdleMs: e.TURNO_SESSION_IDLE_HOURS * 3600_000,
    sessionMaxMs: e.TURNO_SESSION_MAX_DAYS * 86400_000,
    webhookMaxBytes: e.TURNO_WEBHOOK_MAX_BYTES,
    workers: e.TURNO_WORKERS,
    graphTimeoutMs: e.TURNO_GRAPH_TIMEOUT_MS,
    sendReconcileMs: e.TURNO_SEND_RECONCILE_MS,
    secureCookies: e.TURNO_SECURE_COOKIES,
    trustProxy: e.TURNO_TRUST_PROXY === 'true',
    apiRateLimitPerMinute: e.TURNO_API_RATE_LIMIT,
    webhooksAllowPrivate: ['1', 'true'].includes(e.TURNO_WEBHOOKS_ALLOW_PRIVATE),
    ...overrides,
  };
}
