/**
 * Agent actions on a conversation that are neither assignment (core/assignment) nor status
 * (core/routing/lifecycle): priority. Each change is audited, leaves a timeline entry and
 * publishes `conversation.updated` after commit.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../db/schema';
import { transaction } from '../db/client';
import { PRIORITIES } from '../db/schema/enums';
import { recordAudit } from './audit';
import type { Core } from './context';
import { addConversationEvent, getConversationOrThrow } from './conversations';
import type { Actor, Conversation } from './types';

/** Changes the priority. */
export function setConversationPriority(core: Core, id: string, priority: string, actor: Actor): Conversation {
  const value = z.enum(PRIORITIES).parse(priority);
  const conversation = transaction(core.db, () => {
    const before = getConversationOrThrow(core, id);
    const row = { priority: value, updatedAt: core.clock.now() };
    core.db.update(conversations).set(row).where(eq(conversations.id, id)).run();
    addConversationEvent(core, id, 'priority', actor.type === 'user' ? actor.user.id : null, { priority: value });
    recordAudit(core, actor, 'conversation.priority', { type: 'conversation', id }, { priority: value });
    return { ...before, ...row };
  });
  core.bus.publish('conversation.updated', { conversation, changes: ['priority'], actor });
  return conversation;
}
