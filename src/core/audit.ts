/** The audit log: every admin action and every sensitive change is written here. */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { afterCommit } from '../db/client';
import { auditLog } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { decodePageCursor, finishPage, pageQuerySchema, type Page, type PageQuery } from './pagination';
import type { Actor } from './types';

/** Writes one audit entry (inside the caller's transaction when there is one) and announces it. */
export function recordAudit(
  core: Core,
  actor: Actor | null,
  action: string,
  target: { type?: string; id?: string } = {},
  details: Record<string, unknown> = {},
): void {
  const actorId = actor?.type === 'user' ? actor.user.id : null;
  core.db.insert(auditLog).values({
    id: newId(),
    actorId,
    actorType: actor?.type ?? 'system',
    action,
    targetType: target.type ?? null,
    targetId: target.id ?? null,
    details: actor?.type === 'system' ? { ...details, system: actor.name } : details,
    ip: actor?.type === 'user' ? (actor.ip ?? null) : null,
    createdAt: core.clock.now(),
  }).run();
  afterCommit(core.db, () => core.bus.publish('audit.logged', { action, actorId, targetType: target.type ?? null, targetId: target.id ?? null }));
}

/** The newest audit entries first. */
export function listAudit(core: Core, limit = 100) {
  return core.db.select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(limit).all();
}

export type AuditEntry = typeof auditLog.$inferSelect;

/** Audit entries newest first, optionally of one action or actor, in keyset pages. */
export function auditPage(core: Core, query: PageQuery & { action?: string; actorId?: string }): Page<AuditEntry> {
  const { cursor, limit } = pageQuerySchema.parse(query);
  const where = [];
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (cursor) {
    const c = decodePageCursor(cursor);
    where.push(or(lt(auditLog.createdAt, Number(c.key)), and(eq(auditLog.createdAt, Number(c.key)), lt(auditLog.id, c.id)))!);
  }
  const rows = core.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit + 1).all();
  return finishPage(rows, limit, (e) => e.createdAt);
}
