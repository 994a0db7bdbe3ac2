/**
 * API tokens: created for a user with a name and scopes (read, write, admin), shown once (only a
 * sha256 hash is kept), listed with their last use (time and address), renamed and revoked. Every
 * change is audited. What a token may do is its scopes intersected with its user's role.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiTokens, users } from '../db/schema';
import { API_SCOPES } from '../db/schema/enums';
import type { ApiScope } from '../db/schema/users';
import { sha256Hex } from '../lib/crypto';
import { newId, randomToken } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, PublicUser } from './types';
import { hasRole, toPublicUser } from './users';

export type ApiToken = typeof apiTokens.$inferSelect;
/** A token as listed: never its hash. */
export type PublicApiToken = Omit<ApiToken, 'tokenHash'>;

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1, 'Choose at least one scope').default([...API_SCOPES]),
  /** Admins only: create the token for another user. */
  userId: z.string().min(1).optional(),
});
export const apiTokenRenameSchema = z.object({ name: z.string().trim().min(1, 'Give the token a name').max(100) });

const publicToken = ({ tokenHash: _hash, ...rest }: ApiToken): PublicApiToken => rest;

/** Creates an API token for a user; the plain token is returned once and only its hash is kept. */
export function createApiToken(core: Core, userId: string, name: string, actor: Actor | null, scopes: readonly ApiScope[] = API_SCOPES): { id: string; token: string; record: PublicApiToken } {
  const token = `turno_${randomToken(30)}`;
  const row: ApiToken = {
    id: newId(), userId, name: name.slice(0, 100) || 'API token', tokenHash: sha256Hex(token), prefix: token.slice(0, 12),
    createdAt: core.clock.now(), lastUsedAt: null, lastUsedIp: null, scopes: [...new Set(scopes)], revokedAt: null,
  };
  core.db.insert(apiTokens).values(row).run();
  recordAudit(core, actor, 'api_token.create', { type: 'user', id: userId }, { tokenId: row.id, name: row.name, scopes: row.scopes });
  return { id: row.id, token, record: publicToken(row) };
}

/**
 * Resolves a Bearer token to its active user and the token's record, or null. Records the last
 * use (time and address) at most once a minute or when the address changes.
 */
export function resolveApiToken(core: Core, token: string | undefined | null, ip: string | null = null): { user: PublicUser; token: PublicApiToken } | null {
  if (!token) return null;
  const row = core.db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt))).get();
  if (!row) return null;
  const user = core.db.select().from(users).where(eq(users.id, row.userId)).get();
  if (!user || !user.active) return null;
  const now = core.clock.now();
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000 || (ip && ip !== row.lastUsedIp)) {
    core.db.update(apiTokens).set({ lastUsedAt: now, lastUsedIp: ip ?? row.lastUsedIp }).where(eq(apiTokens.id, row.id)).run();
  }
  return { user: toPublicUser(user), token: publicToken(row) };
}

/** The tokens of one user (or of everyone when `userId` is null), newest first, revoked ones included. */
export function listApiTokens(core: Core, userId: string | null): PublicApiToken[] {
  const q = core.db.select().from(apiTokens);
  return (userId ? q.where(eq(apiTokens.userId, userId)) : q).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)).all().map(publicToken);
}

/** A token `user` may manage (their own; admins: any), or throws `not_found`. */
export function getManagedTokenOrThrow(core: Core, user: PublicUser, id: string): PublicApiToken {
  const row = core.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row || (row.userId !== user.id && !hasRole(user.role, 'admin'))) throw fail.notFound('API token');
  return publicToken(row);
}

/** Renames a token (audited). */
export function renameApiToken(core: Core, user: PublicUser, id: string, name: string, actor: Actor): PublicApiToken {
  const token = getManagedTokenOrThrow(core, user, id);
  const clean = apiTokenRenameSchema.parse({ name }).name;
  core.db.update(apiTokens).set({ name: clean }).where(eq(apiTokens.id, id)).run();
  recordAudit(core, actor, 'api_token.rename', { type: 'user', id: token.userId }, { tokenId: id, from: token.name, to: clean });
  return { ...token, name: clean };
}

/** Revokes a token: it stops working at once (audited; revoking twice is a no-op). */
export function revokeApiToken(core: Core, user: PublicUser, id: string, actor: Actor): PublicApiToken {
  const token = getManagedTokenOrThrow(core, user, id);
  if (token.revokedAt) return token;
  const revokedAt = core.clock.now();
  core.db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id)).run();
  recordAudit(core, actor, 'api_token.revoke', { type: 'user', id: token.userId }, { tokenId: id, name: token.name });
  return { ...token, revokedAt };
}
