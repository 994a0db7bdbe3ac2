/**
 * Routing rules: an ordered list (position), each with all-must-match conditions and actions.
 * `evaluateRules` is side-effect free (the admin "test" uses it); `applyRuleMatches` performs the
 * actions and records a `routed` timeline entry naming the rule and what matched.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { conversationLabels, conversations, routingRules } from '../../db/schema';
import { transaction } from '../../db/client';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import { fail } from '../errors';
import type { Actor, Contact, Conversation } from '../types';
import { checkCondition, type ClassifyIntent, type IntentResult, type RuleSubject } from './conditions';
import { isTeamOpen } from './hours-store';
import { ruleInputSchema, type RuleAction, type RuleInput } from './rule-schema';

export type RoutingRule = typeof routingRules.$inferSelect;

export interface RuleMatch {
  rule: RoutingRule;
  /** 1-based position in the enabled list, as the admin sees it. */
  index: number;
  reasons: string[];
}

/** Rules in evaluation order. */
export function listRules(core: Core): RoutingRule[] {
  return core.db.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.createdAt)).all();
}

/** A rule by id, or throws `not_found`. */
export function getRuleOrThrow(core: Core, id: string): RoutingRule {
  const rule = core.db.select().from(routingRules).where(eq(routingRules.id, id)).get();
  if (!rule) throw fail.notFound('Routing rule');
  return rule;
}

/** Adds a rule at the end of the list (audited). */
export function createRule(core: Core, input: RuleInput, actor: Actor | null): RoutingRule {
  const data = ruleInputSchema.parse(input);
  const now = core.clock.now();
  const last = core.db.select({ p: sql<number | null>`max(${routingRules.position})` }).from(routingRules).get();
  const rule: RoutingRule = { id: newId(), ...data, position: (last?.p ?? 0) + 1, createdAt: now, updatedAt: now };
  core.db.insert(routingRules).values(rule).run();
  recordAudit(core, actor, 'routing_rule.create', { type: 'routing_rule', id: rule.id }, { name: rule.name });
  return rule;
}

/** Replaces a rule's definition or toggles it (audited). */
export function updateRule(core: Core, id: string, input: Partial<RuleInput>, actor: Actor | null): RoutingRule {
  getRuleOrThrow(core, id);
  const data = ruleInputSchema.partial().parse(input);
  core.db.update(routingRules).set({ ...data, updatedAt: core.clock.now() }).where(eq(routingRules.id, id)).run();
  recordAudit(core, actor, 'routing_rule.update', { type: 'routing_rule', id }, data);
  return getRuleOrThrow(core, id);
}

/** Deletes a rule (audited). */
export function deleteRule(core: Core, id: string, actor: Actor | null): void {
  const rule = getRuleOrThrow(core, id);
  core.db.delete(routingRules).where(eq(routingRules.id, id)).run();
  recordAudit(core, actor, 'routing_rule.delete', { type: 'routing_rule', id }, { name: rule.name });
}

/** Moves a rule one place up or down (swaps positions; audited). */
export function moveRule(core: Core, id: string, direction: 'up' | 'down', actor: Actor | null): void {
  transaction(core.db, () => {
    const rules = listRules(core);
    const i = rules.findIndex((r) => r.id === id);
    if (i < 0) throw fail.notFound('Routing rule');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rules.length) return;
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    rules.forEach((r, k) => core.db.update(routingRules).set({ position: k + 1 }).where(eq(routingRules.id, r.id)).run());
    recordAudit(core, actor, 'routing_rule.move', { type: 'routing_rule', id }, { direction });
  });
}

/** Builds what conditions look at for a message in a conversation. */
export function subjectFor(core: Core, conversation: Conversation, contact: Pick<Contact, 'id' | 'customAttributes'>, text: string): RuleSubject {
  const labelIds = core.db.select({ id: conversationLabels.labelId }).from(conversationLabels)
    .innerJoin(conversations, eq(conversations.id, conversationLabels.conversationId))
    .where(eq(conversations.contactId, contact.id)).all().map((r) => r.id);
  const earlier = core.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.contactId, contact.id), ne(conversations.id, conversation.id))).limit(1).get();
  const now = core.clock.now();
  return {
    text, channelId: conversation.channelId, contactAttributes: contact.customAttributes ?? {}, labelIds: [...new Set(labelIds)],
    returningCustomer: earlier !== undefined, isOpen: (teamId) => isTeamOpen(core, teamId, now),
  };
}

/**
 * Evaluates enabled rules in order (only `onEveryMessage` ones when `newConversation` is false).
 * Stops after a matching rule with `stopOnMatch`. Side-effect free.
 */
export async function evaluateRules(rules: RoutingRule[], subject: RuleSubject, classifyIntent: ClassifyIntent | null, opts: { newConversation: boolean }): Promise<RuleMatch[]> {
  let intent: Promise<IntentResult | null> | null = null;
  const classify = () => (intent ??= classifyIntent ? classifyIntent(subject.text).catch(() => null) : Promise.resolve(null));
  const matches: RuleMatch[] = [];
  const enabled = rules.filter((r) => r.enabled);
  for (const [i, rule] of enabled.entries()) {
    if (!opts.newConversation && !rule.onEveryMessage) continue;
    const reasons: string[] = [];
    let all = true;
    for (const condition of rule.conditions as never[]) {
      const outcome = await checkCondition(condition, subject, classify);
      if (!outcome.matched) {
        all = false;
        break;
      }
      reasons.push(outcome.reason);
    }
    if (!all) continue;
    matches.push({ rule, index: i + 1, reasons });
    if (rule.stopOnMatch) break;
  }
  return matches;
}

/** The actions of the matches, in order. */
export function actionsOf(matches: RuleMatch[]): RuleAction[] {
  return matches.flatMap((m) => m.rule.actions as RuleAction[]);
}
