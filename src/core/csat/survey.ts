/**
 * The CSAT flow. Resolving a conversation schedules a durable `csat.send` job (after the team's
 * delay). The job asks with three reply buttons inside the 24-hour window, or with the admin's
 * approved template outside it, unless the customer was asked within the cool-down. The tap
 * (button id / template payload `csat:<survey>:<score>`) and a text right after it (the comment)
 * are stored on the survey and the conversation's timeline without reopening it; a low score
 * notifies the supervisors.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { transaction } from '../../db/client';
import { emitEvent } from '../event-log';
import { conversations, csatSurveys } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Core } from '../context';
import { addConversationEvent, windowRemainingMs } from '../conversations';
import { enqueueJob } from '../jobs';
import { sendMessage, type InboundMessageInput, type SendMessageInput } from '../messages';
import { notify, supervisorIds } from '../routing/notify';
import type { Conversation, Message } from '../types';
import { csatSettingsFor } from './settings';
import { CSAT_BUTTON_SCORES, csatTexts } from './texts';

export const CSAT_SEND_JOB = 'csat.send';
/** A text this soon after the score is its comment. */
export const CSAT_COMMENT_WINDOW_MS = 15 * 60_000;
const CSAT_ACTOR = { type: 'system', name: 'csat' } as const;
const DAY = 86_400_000;
const CODE = /^csat:([\w-]+):([1-5])$/;

export type CsatSurvey = typeof csatSurveys.$inferSelect;

/** Queues the survey of a just-resolved conversation when its team asks for one. */
export function scheduleCsat(core: Core, conversation: Conversation): void {
  if (conversation.status !== 'resolved' || conversation.resolvedAt === null) return;
  const settings = csatSettingsFor(core, conversation.teamId);
  if (!settings?.enabled) return;
  enqueueJob(core, CSAT_SEND_JOB, { conversationId: conversation.id, resolvedAt: conversation.resolvedAt }, {
    runAt: conversation.resolvedAt + settings.delayMinutes * 60_000, uniqueKey: `csat:${conversation.id}:${conversation.resolvedAt}`,
  });
}

function askedRecently(core: Core, contactId: string, since: number): boolean {
  return !!core.db.select({ id: csatSurveys.id }).from(csatSurveys).where(and(eq(csatSurveys.contactId, contactId), gt(csatSurveys.sentAt, since))).get();
}

/**
 * Job handler: sends the survey when the conversation is still resolved by the same resolution,
 * the team still wants surveys and the customer was not asked within the cool-down. Returns how
 * it went (for logs and tests).
 */
export function sendCsatSurvey(core: Core, payload: { conversationId: string; resolvedAt: number }): 'sent' | 'not_resolved' | 'disabled' | 'cooldown' | 'no_template' {
  const conversation = core.db.select().from(conversations).where(eq(conversations.id, payload.conversationId)).get();
  if (!conversation || conversation.status !== 'resolved' || conversation.resolvedAt !== payload.resolvedAt) return 'not_resolved';
  const settings = csatSettingsFor(core, conversation.teamId);
  if (!settings?.enabled) return 'disabled';
  const now = core.clock.now();
  if (settings.cooldownDays > 0 && askedRecently(core, conversation.contactId, now - settings.cooldownDays * DAY)) return 'cooldown';
  const surveyId = newId();
  const code = (score: number) => `csat:${surveyId}:${score}`;
  const texts = csatTexts(settings.language);
  const inWindow = windowRemainingMs(core, conversation) > 0;
  let input: SendMessageInput;
  if (inWindow) {
    input = { interactive: { kind: 'buttons', body: texts.question, buttons: CSAT_BUTTON_SCORES.map((score, i) => ({ id: code(score), title: texts.buttons[i]! })) } };
  } else if (settings.templateName && settings.templateLanguage) {
    input = { template: { name: settings.templateName, language: settings.templateLanguage, body: [], buttons: CSAT_BUTTON_SCORES.map((score, index) => ({ subType: 'quick_reply' as const, index, payload: code(score) })) } };
  } else {
    addConversationEvent(core, conversation.id, 'csat.skipped', null, { reason: 'window_closed_no_template' });
    return 'no_template';
  }
  transaction(core.db, () => {
    const message = sendMessage(core, conversation.id, CSAT_ACTOR, input);
    core.db.insert(csatSurveys).values({
      id: surveyId, conversationId: conversation.id, contactId: conversation.contactId, teamId: conversation.teamId, assigneeId: conversation.assigneeId,
      resolvedAt: payload.resolvedAt, via: inWindow ? 'buttons' : 'template', messageId: message.id, status: 'sent', score: null, comment: null, sentAt: now, answeredAt: null,
    }).run();
    addConversationEvent(core, conversation.id, 'csat.requested', null, { surveyId, via: inWindow ? 'buttons' : 'template' });
  });
  return 'sent';
}

/** The `csat:<survey>:<score>` code a customer's button tap carries, if any. */
function replyCode(type: string, payload: Record<string, unknown> | null | undefined): { surveyId: string; score: number } | null {
  const raw = type === 'interactive' ? payload?.id : type === 'button' ? payload?.payload : null;
  const match = typeof raw === 'string' ? CODE.exec(raw) : null;
  return match ? { surveyId: match[1]!, score: Number(match[2]) } : null;
}

function surveyOf(core: Core, id: string, conversationId: string): CsatSurvey | undefined {
  return core.db.select().from(csatSurveys).where(and(eq(csatSurveys.id, id), eq(csatSurveys.conversationId, conversationId))).get();
}

/** The conversation's latest answered survey still waiting for its optional comment. */
function awaitingComment(core: Core, conversationId: string): CsatSurvey | undefined {
  const latest = core.db.select().from(csatSurveys).where(eq(csatSurveys.conversationId, conversationId)).orderBy(desc(csatSurveys.sentAt)).limit(1).get();
  const open = latest?.status === 'answered' && latest.comment === null && latest.answeredAt !== null && core.clock.now() - latest.answeredAt <= CSAT_COMMENT_WINDOW_MS;
  return open ? latest : undefined;
}

/** Inbound claim: a survey answer (or its comment) does not reopen the resolved conversation. */
export function isCsatReply(core: Core, resolved: Conversation, input: InboundMessageInput): boolean {
  const code = replyCode(input.type, input.payload);
  if (code) return surveyOf(core, code.surveyId, resolved.id)?.status === 'sent';
  return input.type === 'text' && !!awaitingComment(core, resolved.id);
}

/**
 * Stores a customer's survey answer or comment (the `message.created` listener for inbound
 * messages); anything else is ignored. Idempotent: a survey takes one score and one comment.
 */
export function recordCsatReply(core: Core, message: Message): void {
  if (message.direction !== 'inbound') return;
  const code = replyCode(message.type, message.payload);
  const now = core.clock.now();
  transaction(core.db, () => {
    if (code) {
      const survey = surveyOf(core, code.surveyId, message.conversationId);
      if (!survey || survey.status !== 'sent') return;
      core.db.update(csatSurveys).set({ status: 'answered', score: code.score, answeredAt: now }).where(eq(csatSurveys.id, survey.id)).run();
      addConversationEvent(core, survey.conversationId, 'csat.answered', null, { surveyId: survey.id, score: code.score });
      const settings = csatSettingsFor(core, survey.teamId);
      const low = code.score <= (settings?.lowScore ?? 2);
      const texts = csatTexts(settings?.language ?? 'es');
      sendMessage(core, survey.conversationId, CSAT_ACTOR, { content: low ? texts.thanksLow : texts.thanks });
      if (low) notify(core, supervisorIds(core), 'csat.low', survey.conversationId, { score: code.score, number: numberOf(core, survey.conversationId) });
      emitEvent(core, 'csat.received', { conversationId: survey.conversationId, surveyId: survey.id, score: code.score, comment: null });
      return;
    }
    if (message.type !== 'text' || !message.content.trim()) return;
    const survey = awaitingComment(core, message.conversationId);
    if (!survey || survey.score === null) return;
    const comment = message.content.trim().slice(0, 2000);
    core.db.update(csatSurveys).set({ comment }).where(eq(csatSurveys.id, survey.id)).run();
    addConversationEvent(core, survey.conversationId, 'csat.commented', null, { surveyId: survey.id, score: survey.score, comment });
    emitEvent(core, 'csat.received', { conversationId: survey.conversationId, surveyId: survey.id, score: survey.score!, comment });
  });
}

function numberOf(core: Core, conversationId: string): number | null {
  return core.db.select({ n: conversations.number }).from(conversations).where(eq(conversations.id, conversationId)).get()?.n ?? null;
}

/** The surveys of a conversation, newest first (`GET /api/v1/conversations/:id` lists them as `csat`). */
export function surveysOf(core: Core, conversationId: string): CsatSurvey[] {
  return core.db.select().from(csatSurveys).where(eq(csatSurveys.conversationId, conversationId)).orderBy(desc(csatSurveys.sentAt)).all();
}
