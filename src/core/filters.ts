/**
 * The "before" hooks of the domain: run inside the transaction of the change, they may refuse it
 * (throw a DomainError) or modify it (return a new value). Plugins reach them through
 * `api.before(name, handler)`; core features (the template guard, "only the assignee can reply")
 * use them too.
 */
import type { z } from 'zod';
import type { AssignmentTarget } from './assignment';
import type { sendMessageSchema } from './messages';
import type { Actor, Conversation } from './types';

export interface TurnoFilters {
  /** Before a message or private note is stored and queued; `input` may be changed (e.g. a signature appended). */
  'message.beforeSend': { conversation: Conversation; actor: Actor; input: z.output<typeof sendMessageSchema> };
  /** Before an assignment is applied; `target` may be changed (e.g. another agent). */
  'conversation.beforeAssign': { conversation: Conversation; actor: Actor | null; target: AssignmentTarget; reason: Record<string, unknown> };
}

export type FilterName = keyof TurnoFilters & string;
