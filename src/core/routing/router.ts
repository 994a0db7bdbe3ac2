/**
 * What happens when a customer writes: rules (new conversation, or every message for rules that
 * ask), the channel's only team as fallback, return from an agent who is long offline, automatic
 * assignment, the out-of-office reply and the timers (auto-resolve, unattended, SLA).
 */
import { eq } from 'drizzle-orm';
import { channelTeams, users } from '../../db/schema';
import { applyAssignment, publishAssignment } from '../assignment';
import { effectiveAvailability } from '../availability';
import { getContactOrThrow } from '../contacts';
import type { Core } from '../context';
import { addConversationEvent, getConversationOrThrow, hasConversationEvent } from '../conversations';
import type { TurnoEvents } from '../events';
import { sendMessage } from '../messages';
import { getSetting } from '../settings';
import type { Conversation } from '../types';
import type { ClassifyIntent } from './conditions';
import { autoAssign, ROUTER } from './engine';
import { hoursFor } from './hours-store';
import { isOpenAt } from './business-hours';
import { applyRuleMatches } from './rule-actions';
import { evaluateRules, listRules, subjectFor } from './rules';
import { detectLanguage } from './text';
import { scheduleAutoResolve, scheduleSlaChecks, scheduleUnattendedCheck } from './timers';

function onlyChannelTeam(core: Core, channelId: string): string | null {
  const rows = core.db.select().from(channelTeams).where(eq(channelTeams.channelId, channelId)).limit(2).all();
  return rows.length === 1 ? rows[0]!.teamId : null;
}

/** Returns a reopened conversation to the queue when its assignee has been offline past the timeout. */
function releaseFromLongOffline(core: Core, conversation: Conversation): void {
  if (!conversation.assigneeId) return;
  const user = core.db.select().from(users).where(eq(users.id, conversation.assigneeId)).get();
  if (!user || effectiveAvailability(user) !== 'offline' || user.offlineSince === null) return;
  if (core.clock.now() - user.offlineSince < getSetting(core, 'routing.offlineTimeoutMinutes') * 60_000) return;
  const reason = { mode: 'offline_timeout', agentName: user.name, trigger: 'customer_message' };
  publishAssignment(core, applyAssignment(core, conversation.id, { assigneeId: null }, ROUTER, reason), ROUTER, reason);
}

/** The out-of-office text: the hours' own message, else the company text in the customer's language (Spanish, then any). */
function outOfOfficeText(core: Core, ownMessage: string, customerText: string): string {
  if (ownMessage) return ownMessage;
  const texts = getSetting(core, 'hours.outOfOfficeMessages');
  const lang = detectLanguage(customerText);
  const preferred = lang === 'pt' ? texts['pt-BR'] : lang ? texts[lang] : '';
  return preferred || texts.es || texts['pt-BR'] || texts.en;
}

/**
 * Sends the out-of-office reply when closed, at most once per N hours per conversation — never
 * while the bot is covering the conversation or when it already replied to this message (its
 * handoff tells the customer when people are back).
 */
function maybeOutOfOffice(core: Core, conversation: Conversation, message: { id: string; content: string }): void {
  // Not when the knowledge-base bot answered or handed off for this customer message.
  if (conversation.botActive || hasConversationEvent(core, conversation.id, ['bot.answered', 'bot.handoff'], { messageId: message.id })) return;
  const customerText = message.content;
  const hours = hoursFor(core, conversation.teamId);
  if (!hours || isOpenAt(hours, core.clock.now())) return;
  const text = outOfOfficeText(core, hours.outOfOfficeMessage, customerText);
  if (!text) return;
  const since = core.clock.now() - getSetting(core, 'hours.outOfOfficeEveryHours') * 3600_000;
  if (hasConversationEvent(core, conversation.id, 'auto_reply', { kind: 'out_of_office' }, since)) return;
  sendMessage(core, conversation.id, { type: 'system', name: 'out-of-office' }, { content: text });
  addConversationEvent(core, conversation.id, 'auto_reply', null, { kind: 'out_of_office' });
}

/** Handles one inbound customer message (the `message.created` listener). */
export async function routeInbound(core: Core, event: TurnoEvents['message.created'], classifyIntent: ClassifyIntent | null): Promise<void> {
  const { message, isNewConversation } = event;
  if (message.direction !== 'inbound') return;
  let conversation = getConversationOrThrow(core, message.conversationId);
  const contact = getContactOrThrow(core, conversation.contactId);
  const rules = listRules(core);
  if (rules.some((r) => r.enabled && (isNewConversation || r.onEveryMessage))) {
    const matches = await evaluateRules(rules, subjectFor(core, conversation, contact, message.content), classifyIntent, { newConversation: isNewConversation });
    await applyRuleMatches(core, conversation, matches);
    conversation = getConversationOrThrow(core, conversation.id);
  }
  if (conversation.status === 'resolved') return;
  if (!conversation.teamId && !conversation.assigneeId) {
    const teamId = onlyChannelTeam(core, conversation.channelId);
    if (teamId) {
      const reason = { mode: 'channel_team' };
      publishAssignment(core, applyAssignment(core, conversation.id, { teamId }, ROUTER, reason), ROUTER, reason);
    }
  }
  if (!isNewConversation) releaseFromLongOffline(core, getConversationOrThrow(core, conversation.id));
  // While the knowledge-base bot is answering, nobody is assigned; its handoff assigns.
  if (!getConversationOrThrow(core, conversation.id).botActive) autoAssign(core, conversation.id, { recordQueued: isNewConversation || !conversation.assigneeId, trigger: isNewConversation ? 'new_conversation' : 'customer_message' });
  conversation = getConversationOrThrow(core, conversation.id);
  try {
    maybeOutOfOffice(core, conversation, message);
  } catch (error) {
    core.log.warn('out-of-office reply failed', { conversationId: conversation.id, error: (error as Error).message });
  }
  scheduleAutoResolve(core, conversation);
  scheduleUnattendedCheck(core, conversation);
  scheduleSlaChecks(core, conversation);
}
