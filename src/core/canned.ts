/**
 * Canned responses: short texts agents insert with `/shortcut` in the composer. Personal ones
 * belong to their author; shared ones (`ownerId` null) are visible to everyone and only
 * supervisors and admins may create, edit or delete them. Every change is audited.
 * Variables `{{contact.name}}`, `{{contact.phone}}`, `{{agent.name}}`, `{{conversation.number}}`
 * are expanded for a conversation by `expandCanned` (plain text: the composer inserts it as text).
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { cannedResponses, contacts } from '../db/schema';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, Conversation, PublicUser } from './types';
import { hasRole } from './users';

export const cannedInputSchema = z.object({
  shortcut: z.string().trim().toLowerCase().regex(/^[\p{L}\p{N}_-]{1,30}$/u, 'Use up to 30 letters, digits, - or _ (no spaces)'),
  title: z.string().trim().min(1, 'Enter a title').max(80),
  content: z.string().trim().min(1, 'Write the response').max(4096),
  shared: z.boolean().default(false),
});
export type CannedInput = z.input<typeof cannedInputSchema>;
export type CannedResponse = typeof cannedResponses.$inferSelect;

/** Values available to `{{…}}` variables. */
export interface CannedVariables {
  'contact.name': string;
  'contact.phone': string;
  'agent.name': string;
  'conversation.number': string;
}

/** The user's personal responses and every shared one, by shortcut. */
export function listCanned(core: Core, user: PublicUser): CannedResponse[] {
  return core.db.select().from(cannedResponses)
    .where(or(eq(cannedResponses.ownerId, user.id), isNull(cannedResponses.ownerId)))
    .orderBy(asc(cannedResponses.shortcut), asc(cannedResponses.title)).all();
}

/** True when the user may change this response (author of a personal one; supervisor+ for shared). */
export function canEditCanned(user: PublicUser, row: Pick<CannedResponse, 'ownerId'>): boolean {
  return row.ownerId === null ? hasRole(user.role, 'supervisor') : row.ownerId === user.id;
}

function editable(core: Core, user: PublicUser, id: string): CannedResponse {
  const row = core.db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get();
  if (!row || (row.ownerId !== null && row.ownerId !== user.id)) throw fail.notFound('Canned response');
  if (!canEditCanned(user, row)) throw fail.forbidden('Only supervisors and admins can change shared responses');
  return row;
}

function assertFreeShortcut(core: Core, user: PublicUser, shortcut: string, shared: boolean, exceptId: string | null): void {
  const scope = shared ? isNull(cannedResponses.ownerId) : eq(cannedResponses.ownerId, user.id);
  const clash = core.db.select().from(cannedResponses).where(and(eq(cannedResponses.shortcut, shortcut), scope)).all()
    .some((r) => r.id !== exceptId);
  if (clash) throw fail.conflict(`The shortcut /${shortcut} is already used`, { field: 'shortcut' });
}

/** Creates a personal (or, for supervisors/admins, shared) response. */
export function createCanned(core: Core, user: PublicUser, input: CannedInput, actor: Actor): CannedResponse {
  const data = cannedInputSchema.parse(input);
  if (data.shared && !hasRole(user.role, 'supervisor')) throw fail.forbidden('Only supervisors and admins can create shared responses');
  assertFreeShortcut(core, user, data.shortcut, data.shared, null);
  const now = core.clock.now();
  const row: CannedResponse = { id: newId(), shortcut: data.shortcut, title: data.title, content: data.content, ownerId: data.shared ? null : user.id, createdAt: now, updatedAt: now };
  core.db.insert(cannedResponses).values(row).run();
  recordAudit(core, actor, 'canned.create', { type: 'canned_response', id: row.id }, { shortcut: row.shortcut, shared: data.shared });
  return row;
}

/** Edits a response the user may change (its scope, personal or shared, stays). */
export function updateCanned(core: Core, user: PublicUser, id: string, input: CannedInput, actor: Actor): CannedResponse {
  const row = editable(core, user, id);
  const data = cannedInputSchema.parse({ ...input, shared: row.ownerId === null });
  assertFreeShortcut(core, user, data.shortcut, row.ownerId === null, id);
  const changes = { shortcut: data.shortcut, title: data.title, content: data.content, updatedAt: core.clock.now() };
  core.db.update(cannedResponses).set(changes).where(eq(cannedResponses.id, id)).run();
  recordAudit(core, actor, 'canned.update', { type: 'canned_response', id }, { shortcut: data.shortcut });
  return { ...row, ...changes };
}

/** Deletes a response the user may change. */
export function deleteCanned(core: Core, user: PublicUser, id: string, actor: Actor): void {
  const row = editable(core, user, id);
  core.db.delete(cannedResponses).where(eq(cannedResponses.id, id)).run();
  recordAudit(core, actor, 'canned.delete', { type: 'canned_response', id }, { shortcut: row.shortcut });
}

/** Variable values for a conversation and the agent writing. */
export function cannedVariables(core: Core, conversation: Conversation, agent: PublicUser): CannedVariables {
  const contact = core.db.select({ name: contacts.name, phone: contacts.phone }).from(contacts).where(eq(contacts.id, conversation.contactId)).get();
  return {
    'contact.name': contact?.name ?? '', 'contact.phone': contact?.phone ?? '',
    'agent.name': agent.name, 'conversation.number': String(conversation.number),
  };
}

/** Replaces `{{variable}}` (spaces allowed inside the braces); unknown variables stay as written. */
export function expandCanned(text: string, vars: CannedVariables): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? vars[name as keyof CannedVariables] : whole);
}
