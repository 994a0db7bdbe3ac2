/** Labels: the catalogue (name, colour) and which conversations carry them. */
import { emitEvent } from './event-log';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { conversationLabels, conversations, labels } from '../db/schema';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { getConversationOrThrow } from './conversations';
import { fail } from './errors';
import type { Actor, Label } from './types';

export const labelInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a label name').max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #0f766e').default('#6b7280'),
});

/** Every label by name. */
export function listLabels(core: Core): Label[] {
  return core.db.select().from(labels).orderBy(asc(labels.name)).all();
}

/** The label named `name`, whatever the letter case ("VIP" and "vip" are one label). */
function labelNamed(core: Core, name: string): Label | undefined {
  return core.db.select().from(labels).where(sql`lower(${labels.name}) = lower(${name})`).get();
}

/** Creates a label, or returns the existing one with the same name (any letter case). Audited. */
export function createLabel(core: Core, input: z.input<typeof labelInputSchema>, actor: Actor): Label {
  const data = labelInputSchema.parse(input);
  const existing = labelNamed(core, data.name);
  if (existing) return existing;
  const row: Label = { id: newId(), name: data.name, color: data.color, createdAt: core.clock.now() };
  core.db.insert(labels).values(row).run();
  recordAudit(core, actor, 'label.create', { type: 'label', id: row.id }, { name: row.name });
  return row;
}

/** Updates a label's name/colour. */
export function updateLabel(core: Core, id: string, input: z.input<typeof labelInputSchema>, actor: Actor): Label {
  const data = labelInputSchema.parse(input);
  if (!core.db.select().from(labels).where(eq(labels.id, id)).get()) throw fail.notFound('Label');
  const clash = labelNamed(core, data.name);
  if (clash && clash.id !== id) throw fail.conflict('Another label already has this name', { field: 'name' });
  core.db.update(labels).set(data).where(eq(labels.id, id)).run();
  recordAudit(core, actor, 'label.update', { type: 'label', id }, data);
  return core.db.select().from(labels).where(eq(labels.id, id)).get()!;
}

/** Deletes a label (removing it from every conversation). */
export function deleteLabel(core: Core, id: string, actor: Actor): void {
  core.db.delete(labels).where(eq(labels.id, id)).run();
  recordAudit(core, actor, 'label.delete', { type: 'label', id });
}

/** The labels on a conversation. */
export function labelsOfConversation(core: Core, conversationId: string): Label[] {
  return core.db.select({ label: labels }).from(conversationLabels).innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(eq(conversationLabels.conversationId, conversationId)).all().map((r) => r.label);
}

/** Adds (`on`) or removes a label on a conversation and publishes `conversation.updated`. */
export function setConversationLabel(core: Core, conversationId: string, labelId: string, on: boolean, actor: Actor): void {
  if (!core.db.select().from(labels).where(eq(labels.id, labelId)).get()) throw fail.notFound('Label');
  if (on) core.db.insert(conversationLabels).values({ conversationId, labelId }).onConflictDoNothing().run();
  else core.db.delete(conversationLabels).where(and(eq(conversationLabels.conversationId, conversationId), eq(conversationLabels.labelId, labelId))).run();
  core.db.update(conversations).set({ updatedAt: core.clock.now() }).where(eq(conversations.id, conversationId)).run();
  recordAudit(core, actor, on ? 'conversation.label_add' : 'conversation.label_remove', { type: 'conversation', id: conversationId }, { labelId });
  emitEvent(core, 'conversation.updated', { conversation: getConversationOrThrow(core, conversationId), changes: ['labels'], actor });
}
