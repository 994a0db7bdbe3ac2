/**
 * Learning from corrections. When an agent moves a conversation to another team than the one the
 * classifier chose, or labels it with an intent's label that disagrees with the classification,
 * the customer's first message becomes a suggestion in the admin-approved queue. Approving a
 * suggestion adds the phrase as a `learned` example of the chosen intent (and retrains); rejecting
 * just closes it.
 *
 * The classifier's choice is read from the conversation's timeline: the latest entry with an
 * `intent` in its details (`ai.classified`, written by the bot, or the routing engine's `assigned`
 * / `routed` entries when an AI rule fired).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { conversationEvents, conversationLabels, intentSuggestions, labels, messages } from '../db/schema';
import { SUGGESTION_STATUSES } from '../db/schema/ai';
import { transaction } from '../db/client';
import { newId } from '../lib/ids';
import { recordAudit } from '../core/audit';
import type { Core } from '../core/context';
import { fail } from '../core/errors';
import type { Actor, Conversation } from '../core/types';
import { listIntents, type IntentStore } from './intent-store';

export type IntentSuggestion = typeof intentSuggestions.$inferSelect;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** The classifier's latest decision on a conversation, from its timeline; null when none. */
export function classifierDecision(core: Core, conversationId: string): { intent: string; teamId: string | null } | null {
  const rows = core.db.select({ details: conversationEvents.details }).from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), inArray(conversationEvents.kind, ['ai.classified', 'assigned', 'routed'])))
    .orderBy(desc(conversationEvents.createdAt), desc(conversationEvents.id)).all();
  for (const { details } of rows) {
    if (typeof details.intent === 'string' && details.mode !== 'bot_handoff') {
      return { intent: details.intent, teamId: typeof details.teamId === 'string' ? details.teamId : null };
    }
  }
  return null;
}

function firstCustomerText(core: Core, conversationId: string): string | null {
  const row = core.db.select({ content: messages.content }).from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound'), eq(messages.type, 'text')))
    .orderBy(asc(messages.sentAt), asc(messages.id)).limit(1).get();
  return row?.content.trim() || null;
}

/**
 * Queues the conversation's first customer message as a suggestion for `toIntent` / `teamId`.
 * One pending suggestion per conversation: a later correction replaces the target. Returns it, or
 * null when there is no customer text.
 */
export function suggestCorrection(core: Core, conversationId: string, target: { fromIntent: string | null; toIntent: string | null; teamId: string | null }, actor: Actor | null): IntentSuggestion | null {
  const text = firstCustomerText(core, conversationId);
  if (!text) return null;
  const createdBy = actor?.type === 'user' ? actor.user.id : null;
  return transaction(core.db, () => {
    const pending = core.db.select().from(intentSuggestions)
      .where(and(eq(intentSuggestions.conversationId, conversationId), eq(intentSuggestions.status, 'pending'))).get();
    if (pending) {
      core.db.update(intentSuggestions).set({ ...target, createdBy }).where(eq(intentSuggestions.id, pending.id)).run();
      return { ...pending, ...target, createdBy };
    }
    const row: IntentSuggestion = {
      id: newId(), conversationId, messageText: text, ...target, status: 'pending', createdBy,
      decidedBy: null, createdAt: core.clock.now(), decidedAt: null,
    };
    core.db.insert(intentSuggestions).values(row).run();
    return row;
  });
}

/** Reacts to a re-route: an agent chose a team other than the classifier's. */
export function learnFromReassignment(core: Core, conversation: Conversation, previousTeamId: string | null, actor: Actor | null): IntentSuggestion | null {
  if (actor?.type !== 'user' || !conversation.teamId || conversation.teamId === previousTeamId) return null;
  const decision = classifierDecision(core, conversation.id);
  // The AI's team: the intent's target team, else the team routing gave after classifying.
  const aiTeam = decision?.teamId ?? previousTeamId;
  if (!decision || !aiTeam || aiTeam === conversation.teamId) return null;
  const candidates = listIntents(core).filter((i) => i.enabled && i.targetTeamId === conversation.teamId);
  const toIntent = candidates.length === 1 ? candidates[0]!.id : null;
  return suggestCorrection(core, conversation.id, { fromIntent: decision.intent, toIntent, teamId: conversation.teamId }, actor);
}

/** Reacts to a re-label: a label mapped to another intent than the classifier's. */
export function learnFromLabels(core: Core, conversationId: string, actor: Actor | null): IntentSuggestion | null {
  if (actor?.type !== 'user') return null;
  const decision = classifierDecision(core, conversationId);
  if (!decision) return null;
  const names = new Set(core.db.select({ name: labels.name }).from(conversationLabels).innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(eq(conversationLabels.conversationId, conversationId)).all().map((r) => r.name.toLowerCase()));
  const labelled = listIntents(core).filter((i) => i.enabled && i.labels.some((l) => names.has(l.toLowerCase())));
  if (labelled.length !== 1 || labelled[0]!.id === decision.intent) return null;
  return suggestCorrection(core, conversationId, { fromIntent: decision.intent, toIntent: labelled[0]!.id, teamId: labelled[0]!.targetTeamId }, actor);
}

/** Suggestions with a status, newest first. */
export function listSuggestions(core: Core, status: SuggestionStatus = 'pending', limit = 100): IntentSuggestion[] {
  return core.db.select().from(intentSuggestions).where(eq(intentSuggestions.status, status))
    .orderBy(desc(intentSuggestions.createdAt), desc(intentSuggestions.id)).limit(limit).all();
}

function pendingOrThrow(core: Core, id: string): IntentSuggestion {
  const row = core.db.select().from(intentSuggestions).where(eq(intentSuggestions.id, id)).get();
  if (!row) throw fail.notFound('Suggestion');
  if (row.status !== 'pending') throw fail.conflict('This suggestion was already decided');
  return row;
}

/**
 * Approves a suggestion: its phrase becomes a `learned` example of `intentId` (default: the
 * suggested intent) and the classifier retrains. Audited.
 */
export async function approveSuggestion(core: Core, store: IntentStore, id: string, intentId: string | null, actor: Actor | null): Promise<void> {
  const row = pendingOrThrow(core, id);
  const target = intentId || row.toIntent;
  if (!target) throw fail.unprocessable('Choose the intent this phrase belongs to', { field: 'intentId' });
  await store.addExample(target, row.messageText, 'learned', actor).catch((error) => {
    if ((error as { code?: string }).code !== 'conflict') throw error; // already an example: still approve
  });
  decide(core, row, 'approved', target, actor);
}

/** Rejects a suggestion (audited). */
export function rejectSuggestion(core: Core, id: string, actor: Actor | null): void {
  decide(core, pendingOrThrow(core, id), 'rejected', null, actor);
}

function decide(core: Core, row: IntentSuggestion, status: SuggestionStatus, intentId: string | null, actor: Actor | null): void {
  transaction(core.db, () => {
    core.db.update(intentSuggestions).set({ status, toIntent: intentId ?? row.toIntent, decidedBy: actor?.type === 'user' ? actor.user.id : null, decidedAt: core.clock.now() })
      .where(eq(intentSuggestions.id, row.id)).run();
    recordAudit(core, actor, `ai.suggestion.${status === 'approved' ? 'approve' : 'reject'}`, { type: 'intent_suggestion', id: row.id }, { intentId, text: row.messageText });
  });
}
