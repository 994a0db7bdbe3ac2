/**
 * Performs the actions of matched routing rules on a conversation and records a `routed`
 * timeline entry naming each rule and why it matched. Auto-replies go through `sendMessage` as the
 * router (so the 24-hour window rule applies); a failing auto-reply is logged, never fatal.
 */
import { eq } from 'drizzle-orm';
import { labels } from '../../db/schema';
import { newId } from '../../lib/ids';
import { applyAssignment, publishAssignment } from '../assignment';
import type { Core } from '../context';
import { setConversationPriority } from '../conversation-actions';
import { addConversationEvent, getConversationOrThrow, hasConversationEvent, windowRemainingMs } from '../conversations';
import { setConversationLabel } from '../labels';
import { sendMessage } from '../messages';
import { getSetting } from '../settings';
import type { Conversation } from '../types';
import { ROUTER } from './engine';
import { setConversationStatus } from './lifecycle';
import type { RuleAction } from './rule-schema';
import type { RuleMatch } from './rules';

function ensureLabel(core: Core, name: string): string {
  const existing = core.db.select().from(labels).where(eq(labels.name, name)).get();
  if (existing) return existing.id;
  const id = newId();
  core.db.insert(labels).values({ id, name, color: '#b91c1c', createdAt: core.clock.now() }).onConflictDoNothing().run();
  return core.db.select().from(labels).where(eq(labels.name, name)).get()?.id ?? id;
}

/**
 * A rule's automatic reply: never once a person answered or holds the conversation, and at most
 * once per `hours.outOfOfficeEveryHours` per rule and conversation (no ping-pong with a customer's
 * own auto-responder).
 */
function autoReply(core: Core, conversationId: string, ruleId: string, text: string): void {
  const conversation = getConversationOrThrow(core, conversationId);
  if (conversation.assigneeId || conversation.firstResponseAt || windowRemainingMs(core, conversation) === 0) return;
  const since = core.clock.now() - getSetting(core, 'hours.outOfOfficeEveryHours') * 3600_000;
  if (hasConversationEvent(core, conversationId, 'auto_reply', { ruleId }, since)) return;
  sendMessage(core, conversationId, ROUTER, { content: text });
  addConversationEvent(core, conversationId, 'auto_reply', null, { kind: 'rule', ruleId });
}

async function runAction(core: Core, conversation: Conversation, action: RuleAction, explanation: Record<string, unknown>): Promise<void> {
  switch (action.type) {
    case 'assign_team':
    case 'assign_agent': {
      const target = action.type === 'assign_team' ? { teamId: action.teamId } : { assigneeId: action.userId };
      const result = applyAssignment(core, conversation.id, target, ROUTER, { ...explanation, mode: 'rule' });
      publishAssignment(core, result, ROUTER, { ...explanation, mode: 'rule' });
      return;
    }
    case 'add_label':
      return setConversationLabel(core, conversation.id, action.labelId, true, ROUTER);
    case 'set_priority':
      setConversationPriority(core, conversation.id, action.priority, ROUTER);
      return;
    case 'auto_reply':
      return autoReply(core, conversation.id, String(explanation.ruleId), action.text);
    case 'spam':
      setConversationLabel(core, conversation.id, ensureLabel(core, 'spam'), true, ROUTER);
      setConversationStatus(core, conversation.id, { status: 'resolved' }, ROUTER, { reason: 'spam' });
  }
}

/** Applies every action of the matches; returns true when a rule decided the assignment. */
export async function applyRuleMatches(core: Core, conversation: Conversation, matches: RuleMatch[]): Promise<void> {
  if (matches.length === 0) return;
  const explanation = { rules: matches.map((m) => ({ id: m.rule.id, name: m.rule.name, index: m.index, reasons: m.reasons })) };
  addConversationEvent(core, conversation.id, 'routed', null, { mode: 'rule', ...explanation });
  for (const match of matches) {
    for (const action of match.rule.actions as RuleAction[]) {
      try {
        await runAction(core, conversation, action, { rule: match.rule.name, ruleId: match.rule.id, ruleIndex: match.index, reasons: match.reasons });
      } catch (error) {
        core.log.warn('routing rule action failed', { rule: match.rule.id, action: action.type, error: (error as Error).message });
      }
    }
  }
}
