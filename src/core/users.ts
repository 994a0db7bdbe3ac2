/** Users: creation, lookup, role and activation changes. Passwords are argon2id hashes. */
import { emitEvent } from './event-log';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema';
import { transaction } from '../db/client';
import { ROLES, type Role } from '../db/schema/enums';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, PublicUser, User } from './types';

export const LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address'),
  name: z.string().trim().min(1, 'Enter a name').max(120),
  password: z.string().min(10, 'Use at least 10 characters').max(200),
  role: z.enum(ROLES).default('agent'),
  locale: z.enum(LOCALES).nullable().optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Strips the password hash. */
export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

/** Number of users (zero means first-run setup is pending). */
export function countUsers(core: Core): number {
  return core.db.select({ n: count() }).from(users).get()?.n ?? 0;
}

/**
 * Creates a user; throws `conflict` when the email is taken. With `onlyIfFirst`, refuses when any
 * user exists (first-run setup: two browsers submitting at once create one admin).
 */
export async function createUser(core: Core, input: NewUser, actor: Actor | null, opts: { onlyIfFirst?: boolean } = {}): Promise<PublicUser> {
  const data = newUserSchema.parse(input);
  const passwordHash = await Bun.password.hash(data.password, { algorithm: 'argon2id' });
  const now = core.clock.now();
  const row = {
    id: newId(),
    email: data.email,
    name: data.name,
    passwordHash,
    role: data.role,
    locale: data.locale ?? null,
    createdAt: now,
    updatedAt: now,
  };
  transaction(core.db, () => {
    if (opts.onlyIfFirst && countUsers(core) > 0) throw fail.conflict('Setup is already complete; sign in instead');
    if (core.db.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
      throw fail.conflict('A user with this email already exists', { field: 'email' });
    }
    core.db.insert(users).values(row).run();
    recordAudit(core, actor, 'user.create', { type: 'user', id: row.id }, { email: data.email, role: data.role });
  });
  const user = toPublicUser(getUserOrThrow(core, row.id));
  emitEvent(core, 'user.created', { user });
  return user;
}

/** Finds a user by id. */
export function getUser(core: Core, id: string): User | undefined {
  return core.db.select().from(users).where(eq(users.id, id)).get();
}

/** Finds a user by id or throws `not_found`. */
export function getUserOrThrow(core: Core, id: string): User {
  const user = getUser(core, id);
  if (!user) throw fail.notFound('User');
  return user;
}

/** Finds a user by email (case-insensitive). */
export function findUserByEmail(core: Core, email: string): User | undefined {
  return core.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

/** All users, by name. */
export function listUsers(core: Core): PublicUser[] {
  return core.db.select().from(users).orderBy(asc(users.name)).all().map(toPublicUser);
}

/** Active users by name: whom work can be assigned or transferred to. */
export function listActiveUsers(core: Core): PublicUser[] {
  return listUsers(core).filter((u) => u.active);
}

export const userUpdateSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  locale: z.enum(LOCALES).nullable().optional(),
  capacity: z.number().int().min(0).max(500).optional(),
});

/**
 * Changes a user's profile, role or activation and audits it. An admin cannot demote or deactivate
 * the last active admin (the instance would be locked out).
 */
export function updateUser(core: Core, id: string, changes: z.input<typeof userUpdateSchema>, actor: Actor | null): PublicUser {
  const data = userUpdateSchema.parse(changes);
  const fields = Object.keys(data).filter((k) => (data as Record<string, unknown>)[k] !== undefined);
  transaction(core.db, () => {
    const user = getUserOrThrow(core, id);
    const losesAdmin = user.role === 'admin' && user.active && ((data.role && data.role !== 'admin') || data.active === false);
    if (losesAdmin && activeAdminCount(core) <= 1) throw fail.conflict('Keep at least one active admin');
    core.db.update(users).set({ ...data, updatedAt: core.clock.now() }).where(eq(users.id, id)).run();
    recordAudit(core, actor, 'user.update', { type: 'user', id }, data);
  });
  const user = toPublicUser(getUserOrThrow(core, id));
  emitEvent(core, 'user.updated', { user, changes: fields });
  return user;
}

/** Sets a new password (hashing it) and audits the change. */
export async function setPassword(core: Core, id: string, password: string, actor: Actor | null): Promise<void> {
  const parsed = newUserSchema.shape.password.parse(password);
  const passwordHash = await Bun.password.hash(parsed, { algorithm: 'argon2id' });
  core.db.update(users).set({ passwordHash, updatedAt: core.clock.now() }).where(eq(users.id, id)).run();
  recordAudit(core, actor, 'user.password', { type: 'user', id });
}

function activeAdminCount(core: Core): number {
  return core.db.select().from(users).where(eq(users.role, 'admin')).all().filter((u) => u.active).length;
}

/** True when `role` is at least `required` (admin > supervisor > agent). */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(required);
}
