/**
 * Handing a conversation from the bot to people: route it to the intent's team (through
 * `assignConversation`, so it lands in that team's queue with a timeline entry), leave a private
 * summary note for the agent, tell the customer (with the reopening time when the team is closed),
 * and stop the bot (`botActive = false` plus a `bot.handoff` timeline entry).
 */
import { eq } from 'drizzle-orm';
import { conversations } from '../../db/schema';
import { transaction } from '../../db/client';
import { autoAssign } from '../../core/routing/engine';
import { assignConversation } from '../../core/assignment';
import type { Core } from '../../core/context';
import { addConversationEvent } from '../../core/conversations';
import { sendMessage } from '../../core/messages';
import { addBusinessTime } from '../../core/routing/business-hours';
import { hoursFor } from '../../core/routing/hours-store';
import type { Actor, Conversation } from '../../core/types';
import type { Classification } from '../types';
import { handoffText, type BotLanguage } from './bot-messages';
import type { RetrievalHit } from './retriever';

export const BOT_ACTOR: Actor = { type: 'system', name: 'bot' };

export type HandoffReason = 'human_requested' | 'complaint' | 'low_confidence' | 'generation_declined';

/** What the agent needs to pick up where the bot stopped. */
export interface HandoffSummary {
  reason: HandoffReason;
  question: string;
  classification: Classification;
  closeArticles: RetrievalHit[];
  /** The customer message the bot was handling (recorded on the `bot.handoff` entry). */
  messageId?: string;
}

/** The private note's text (plain, in English and field-like so any agent can scan it). */
export function summaryNote(s: HandoffSummary): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const articles = s.closeArticles.slice(0, 3).map((h) => `“${h.article.title}” (${pct(h.confidence)})`).join(', ') || 'none';
  return [
    `🤖 Bot handoff — reason: ${s.reason.replace('_', ' ')}`,
    `Intent: ${s.classification.intent ?? 'unknown'} (${pct(s.classification.confidence)}, ${s.classification.backend})`,
    `Customer asked: “${s.question.slice(0, 500)}”`,
    `Closest articles: ${articles}`,
  ].join('\n');
}

/** When the team (or company) opens next, if it is closed now; null when open or no hours set. */
export function nextOpening(core: Core, teamId: string | null, now: number): { at: number; timezone: string } | null {
  const hours = hoursFor(core, teamId);
  if (!hours) return null;
  const at = addBusinessTime(hours, now, 1);
  return at !== null && at - 1 > now ? { at: at - 1, timezone: hours.timezone } : null;
}

/**
 * Hands the conversation to `teamId` (null keeps its current team) and stops the bot. The customer
 * is told in `language`; the summary goes in a private note.
 */
export function handOff(core: Core, conversation: Conversation, teamId: string | null, language: BotLanguage, summary: HandoffSummary): void {
  const { classification } = summary;
  const reason = { mode: 'bot_handoff', why: summary.reason, intent: classification.intent, confidence: classification.confidence, backend: classification.backend };
  if (teamId && teamId !== conversation.teamId) assignConversation(core, conversation.id, { teamId }, BOT_ACTOR, reason);
  const backAt = nextOpening(core, teamId ?? conversation.teamId, core.clock.now());
  try {
    sendMessage(core, conversation.id, BOT_ACTOR, { content: handoffText(language, backAt) });
  } catch (error) {
    // The customer may be unreachable (channel disabled, window closed); the team still gets the note.
    core.log.warn('ai: could not tell the customer about the handoff', { conversationId: conversation.id, error: (error as Error).message });
  }
  sendMessage(core, conversation.id, BOT_ACTOR, { content: summaryNote(summary), private: true });
  transaction(core.db, () => {
    core.db.update(conversations).set({ botActive: false, updatedAt: core.clock.now() }).where(eq(conversations.id, conversation.id)).run();
    addConversationEvent(core, conversation.id, 'bot.handoff', null, { ...reason, teamId: teamId ?? conversation.teamId, closedUntil: backAt?.at ?? null, messageId: summary.messageId ?? null });
  });
  // Now that the bot let go, the team's assignment mode may give it to an available agent at once.
  autoAssign(core, conversation.id, { recordQueued: true, trigger: 'bot_handoff' });
}
