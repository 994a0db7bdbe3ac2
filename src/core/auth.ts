/**
 * Authentication: password login with throttling, server-side sessions with idle and absolute
 * expiry, and API tokens. Only hashes of session and API tokens are stored.
 */
import { eq } from 'drizzle-orm';
import { sessions } from '../db/schema';
import { sha256Hex } from '../lib/crypto';
import { newId, randomToken } from '../lib/ids';
import { FailureThrottle } from '../lib/rate-limiter';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import { findUserByEmail, getUser, toPublicUser } from './users';
import type { PublicUser, Session } from './types';

/** A real argon2id hash to verify against when the account does not exist (same timing). */
let dummyHash: Promise<string> | null = null;
const DUMMY_HASH = () => (dummyHash ??= Bun.password.hash('not-a-real-password', { algorithm: 'argon2id' }));

/** Per-IP and per-account failure counters for the login form. */
export class LoginGuard {
  readonly byIp: FailureThrottle;
  readonly byAccount: FailureThrottle;
  constructor(now: () => number, perIp = 20, perAccount = 5, windowMs = 15 * 60_000) {
    this.byIp = new FailureThrottle(perIp, windowMs, now);
    this.byAccount = new FailureThrottle(perAccount, windowMs, now);
  }
}

/**
 * Checks email + password. Throws `rate_limited` when the IP or account has too many recent
 * failures, and a generic `unauthorized` for any wrong email/password/inactive account.
 */
export async function verifyLogin(core: Core, guard: LoginGuard, email: string, password: string, ip: string): Promise<PublicUser> {
  const account = email.trim().toLowerCase();
  const wait = Math.max(guard.byIp.retryAfter(ip), guard.byAccount.retryAfter(account));
  if (wait > 0) throw fail.rateLimited('Too many failed attempts. Try again in a few minutes.', wait);
  const user = findUserByEmail(core, account);
  const ok = await Bun.password.verify(password, user?.passwordHash ?? (await DUMMY_HASH()));
  if (!user || !ok || !user.active) {
    guard.byIp.fail(ip);
    guard.byAccount.fail(account);
    recordAudit(core, { type: 'system', name: 'auth' }, 'auth.login_failed', { type: 'user', id: user?.id }, { email: account, ip });
    throw fail.unauthorized('Email or password is incorrect');
  }
  guard.byAccount.reset(account);
  return toPublicUser(user);
}

/** Creates a session and returns the cookie token (shown once) and the session row. */
export function createSession(core: Core, userId: string, meta: { ip?: string; userAgent?: string } = {}): { token: string; session: Session } {
  const token = randomToken(32);
  const now = core.clock.now();
  const session: Session = {
    id: newId(),
    tokenHash: sha256Hex(token),
    userId,
    csrfToken: randomToken(24),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + core.config.sessionMaxMs,
  };
  core.db.insert(sessions).values(session).run();
  return { token, session };
}

/**
 * Resolves a session token to its session and active user, enforcing idle and absolute expiry.
 * Touches `last_seen_at` at most once a minute. Returns null when invalid or expired.
 */
export function resolveSession(core: Core, token: string | undefined | null): { session: Session; user: PublicUser } | null {
  if (!token) return null;
  const session = core.db.select().from(sessions).where(eq(sessions.tokenHash, sha256Hex(token))).get();
  if (!session) return null;
  const now = core.clock.now();
  if (now > session.expiresAt || now - session.lastSeenAt > core.config.sessionIdleMs) {
    core.db.delete(sessions).where(eq(sessions.id, session.id)).run();
    return null;
  }
  const user = getUser(core, session.userId);
  if (!user || !user.active) return null;
  if (now - session.lastSeenAt > 60_000) {
    core.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)).run();
  }
  return { session, user: toPublicUser(user) };
}

/** Deletes one session (logout) and publishes `session.revoked` (its sockets close). */
export function revokeSession(core: Core, sessionId: string): void {
  const gone = core.db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId }).all();
  core.bus.publish('session.revoked', { userId: gone[0]?.userId ?? null, sessionIds: [sessionId] });
}

/** Deletes every session of a user (deactivation, password change) and publishes `session.revoked`. */
export function revokeUserSessions(core: Core, userId: string): void {
  const gone = core.db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }).all();
  core.bus.publish('session.revoked', { userId, sessionIds: gone.map((s) => s.id) });
}

export { createApiToken, resolveApiToken } from './api-tokens';
