/**
 * The knowledge-base bot. For each inbound customer message (a `bot.answer` job, see bot-job.ts)
 * it decides — answering only the conversation's latest customer text:
 *
 * 1. stay silent when the bot is off, the conversation is taken by a person (assignee, or any human
 *    reply: `firstResponseAt`), resolved, already handed off (`bot.handoff` on the timeline and
 *    `botActive` false), or — in after-hours mode — while the team is open;
 * 2. classify the message and record an `ai.classified` timeline entry (intent, confidence,
 *    backend, the intent's target team) — the routing trail the learning loop reads;
 * 3. hand off (handoff.ts) when the customer asks for a person (`human`) or complains
 *    (`complaint`);
 * 4. answer with the best article when its confidence reaches the threshold — in the customer's
 *    language when an article exists in it, rephrased by the generative endpoint when that mode is
 *    on (sources in a private note) — and mark the conversation `botActive`;
 * 5. otherwise hand off to the intent's team with a summary.
 */
import { and, eq, gt, or } from 'drizzle-orm';
import { conversationEvents, conversations, messages } from '../../db/schema';
import type { Core } from '../../core/context';
import { addConversationEvent } from '../../core/conversations';
import { sendMessage } from '../../core/messages';
import { isTeamOpen } from '../../core/routing/hours-store';
import { detectLanguage } from '../../core/routing/text';
import { getSetting } from '../../core/settings';
import type { Conversation, Message } from '../../core/types';
import { findIntent, type IntentStore } from '../intent-store';
import type { Classification } from '../types';
import type { BotLanguage } from './bot-messages';
import { generateAnswer, generativeConfig } from './generative';
import { BOT_ACTOR, handOff, type HandoffReason } from './handoff';
import type { KnowledgeBase } from './knowledge-base';
import type { RetrievalHit } from './retriever';

/** What the bot did with one message (returned for tests and logs). */
export type BotOutcome =
  | { action: 'ignored'; why: string }
  | { action: 'answered'; articleId: string; confidence: number; generated: boolean }
  | { action: 'handoff'; reason: HandoffReason; teamId: string | null };

const TAKEN_MEANWHILE: BotOutcome = { action: 'ignored', why: 'taken_meanwhile' };
const SUPERSEDED: BotOutcome = { action: 'ignored', why: 'superseded' };

/** True when the customer wrote another text after `message` (the bot answers only the latest). */
function newerCustomerText(core: Core, message: Message): boolean {
  return !!core.db.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.conversationId, message.conversationId), eq(messages.direction, 'inbound'), eq(messages.type, 'text'),
      or(gt(messages.createdAt, message.createdAt), and(eq(messages.createdAt, message.createdAt), gt(messages.id, message.id))))).get();
}

/** True when the bot already stopped on this conversation. */
function handedOff(core: Core, conversationId: string): boolean {
  return !!core.db.select({ id: conversationEvents.id }).from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.kind, 'bot.handoff'))).get();
}

/** Why the bot must stay out of this conversation, or null when it may act. */
export function whyBotSilent(core: Core, conversation: Conversation): string | null {
  const bot = getSetting(core, 'ai.bot');
  if (!bot.enabled) return 'bot_disabled';
  if (conversation.assigneeId) return 'assigned_to_person';
  if (conversation.firstResponseAt) return 'human_replied';
  if (conversation.status === 'resolved') return 'resolved';
  if (!conversation.botActive && handedOff(core, conversation.id)) return 'handed_off';
  if (bot.mode === 'after_hours' && isTeamOpen(core, conversation.teamId, core.clock.now())) return 'team_open';
  return null;
}

/** The knowledge-base bot; see the file comment. */
export class KnowledgeBot {
  constructor(private readonly core: Core, private readonly intents: IntentStore, private readonly kb: KnowledgeBase) {}

  /** Handles one inbound message; never throws for ordinary failures of the generative endpoint. */
  async onInbound(message: Message, isNewConversation = false): Promise<BotOutcome> {
    const core = this.core;
    if (message.direction !== 'inbound' || message.isPrivate) return { action: 'ignored', why: 'not_inbound' };
    const text = message.content.trim();
    if (message.type !== 'text' || !text) return { action: 'ignored', why: 'not_text' };
    const fresh = core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
    if (!fresh) return { action: 'ignored', why: 'no_conversation' };
    if (newerCustomerText(core, message)) return SUPERSEDED;
    const silent = whyBotSilent(core, fresh);
    if (silent && !isNewConversation) return { action: 'ignored', why: silent };

    // New conversations are always classified so the learning loop knows what the AI chose.
    const classification = await this.intents.classify(text);
    const intent = classification.intent ? findIntent(core, classification.intent) : null;
    const teamId = intent?.targetTeamId ?? null;
    addConversationEvent(core, fresh.id, 'ai.classified', null, {
      messageId: message.id, intent: classification.intent, intentNames: intent?.names ?? null, confidence: classification.confidence, backend: classification.backend, teamId,
    });
    if (silent) return { action: 'ignored', why: silent };
    const detected = detectLanguage(text);
    // Re-read: classification awaited, a person may have taken the conversation meanwhile.
    const now = core.db.select().from(conversations).where(eq(conversations.id, fresh.id)).get()!;
    if (whyBotSilent(core, now)) return TAKEN_MEANWHILE;

    const threshold = getSetting(core, 'ai.bot').threshold;
    const hits = this.kb.search(text, detected, threshold);
    const language = (detected ?? hits[0]?.article.language ?? 'es') as BotLanguage;
    const stop = (reason: HandoffReason): BotOutcome => {
      // Re-read right before acting: generation may have awaited while a person took over.
      const current = this.stillMine(message);
      if ('action' in current) return current;
      handOff(core, current, teamId, language, { reason, question: text, classification, closeArticles: hits, messageId: message.id });
      return { action: 'handoff', reason, teamId };
    };
    if (classification.intent === 'human') return stop('human_requested');
    if (classification.intent === 'complaint') return stop('complaint');
    const best = hits[0];
    if (!best || best.confidence < threshold) return stop('low_confidence');
    return this.answer(now, message, text, language, hits.filter((h) => h.confidence >= threshold / 2).slice(0, 3), classification, stop);
  }

  /**
   * The conversation as it is now when the bot may still act on `message`, else why not: a person
   * took it, or a newer customer message arrived (its own job answers; one reply per burst).
   */
  private stillMine(message: Message): Conversation | BotOutcome {
    if (newerCustomerText(this.core, message)) return SUPERSEDED;
    const current = this.core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)).get();
    return current && !whyBotSilent(this.core, current) ? current : TAKEN_MEANWHILE;
  }

  private async answer(conversation: Conversation, message: Message, question: string, language: BotLanguage, hits: RetrievalHit[], classification: Classification, stop: (r: HandoffReason) => BotOutcome): Promise<BotOutcome> {
    const core = this.core;
    const best = hits[0]!;
    let content = best.article.answer;
    let generated = false;
    const gen = generativeConfig(core);
    if (gen) {
      try {
        const text = await generateAnswer(gen, hits.map((h) => h.article), question, language);
        if (text === null) return stop('generation_declined');
        content = text;
        generated = true;
      } catch (error) {
        core.log.warn('ai: generative answer failed, answering with the article', { error });
      }
    }
    // The generation above may have taken seconds: a person may have taken the conversation meanwhile.
    const current = this.stillMine(message);
    if ('action' in current) return current;
    sendMessage(core, conversation.id, BOT_ACTOR, { content });
    if (generated) {
      const sources = hits.map((h, i) => `[${i + 1}] ${h.article.title} (${Math.round(h.confidence * 100)}%)`).join('\n');
      sendMessage(core, conversation.id, BOT_ACTOR, { content: `🤖 Generated answer (${gen!.model}). Sources:\n${sources}`, private: true });
    }
    core.db.update(conversations).set({ botActive: true, updatedAt: core.clock.now() }).where(eq(conversations.id, conversation.id)).run();
    addConversationEvent(core, conversation.id, 'bot.answered', null, {
      messageId: message.id, articleId: best.article.id, confidence: best.confidence, generated, intent: classification.intent,
    });
    return { action: 'answered', articleId: best.article.id, confidence: best.confidence, generated };
  }
}
