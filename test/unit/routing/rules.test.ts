import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { getConversationOrThrow, listConversationEvents } from '../../../src/core/conversations';
import { checkCondition, type RuleSubject } from '../../../src/core/routing/conditions';
import { ruleInputSchema } from '../../../src/core/routing/rule-schema';
import { MAX_MATCH_INPUT, safeRegexTest } from '../../../src/core/routing/text';
import { validation } from '../../../views/i18n/validation';
import { createRule, evaluateRules, listRules, moveRule } from '../../../src/core/routing/rules';
import { conversationLabels, labels, messages } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

const subject = (over: Partial<RuleSubject> = {}): RuleSubject => ({
  text: 'Hola, necesito la FÁCTURA de marzo', channelId: 'ch1', contactAttributes: { plan: 'Premium' }, labelIds: ['vip'],
  returningCustomer: false, isOpen: () => true, ...over,
});
const noIntent = async () => null;

describe('conditions', () => {
  test('keywords are accent- and case-insensitive', async () => {
    expect(await checkCondition({ type: 'keywords', any: ['factura'] }, subject(), noIntent)).toEqual({ matched: true, reason: "keyword 'factura'" });
    expect((await checkCondition({ type: 'keywords', any: ['envío'] }, subject(), noIntent)).matched).toBe(false);
  });
  test('regex, language, channel, contact attribute, label, customer, business hours', async () => {
    expect((await checkCondition({ type: 'regex', pattern: 'factura\\s+de\\s+\\w+' }, subject(), noIntent)).matched).toBe(true);
    expect((await checkCondition({ type: 'language', is: 'es' }, subject(), noIntent)).matched).toBe(true);
    expect((await checkCondition({ type: 'language', is: 'pt' }, subject({ text: 'Olá, não recebi meu pedido' }), noIntent)).matched).toBe(true);
    expect((await checkCondition({ type: 'channel', ids: ['ch2'] }, subject(), noIntent)).matched).toBe(false);
    expect((await checkCondition({ type: 'contact_attribute', key: 'plan', equals: 'premium' }, subject(), noIntent)).matched).toBe(true);
    expect((await checkCondition({ type: 'label', labelId: 'vip' }, subject(), noIntent)).matched).toBe(true);
    expect((await checkCondition({ type: 'customer', is: 'returning' }, subject(), noIntent)).matched).toBe(false);
    expect((await checkCondition({ type: 'business_hours', is: 'out', teamId: null }, subject({ isOpen: () => false }), noIntent)).matched).toBe(true);
  });
  test('intent uses the injected classifier and its confidence threshold', async () => {
    const intent = async () => ({ intent: 'billing', confidence: 0.7, backend: 'fake' });
    expect(await checkCondition({ type: 'intent', intent: 'billing', minConfidence: 0.6 }, subject(), intent)).toEqual({ matched: true, reason: "intent 'billing' (70%, fake)" });
    expect((await checkCondition({ type: 'intent', intent: 'billing', minConfidence: 0.8 }, subject(), intent)).matched).toBe(false);
  });
  test('patterns run in linear time (RE2): nested repetition is accepted and cannot freeze matching', async () => {
    const rule = (pattern: string) => ruleInputSchema.safeParse({ name: 'r', conditions: [{ type: 'regex', pattern }], actions: [{ type: 'spam' }] });
    expect(rule('((a+))+$').success).toBe(true);
    expect(rule('(x|xx)*y').success).toBe(true);
    // 268 ms at 25 characters and ×3.4 per two more with backtracking: 4,096 would never finish
    const hostile = 'a'.repeat(MAX_MATCH_INPUT - 1) + '!';
    expect(safeRegexTest('((a+))+$', hostile)).toBe(false);
    expect(safeRegexTest('(x|xx)*y', 'x'.repeat(MAX_MATCH_INPUT))).toBe(false);
    expect(safeRegexTest('((a+))+$', 'AAAA')).toBe(true);
    expect(safeRegexTest('fáctura\\s+\\d+', 'FACTURA 12')).toBe(true); // accent- and case-insensitive
  });
  test('what RE2 cannot express, and over-long patterns, are rejected when saving with a clear message', () => {
    const reason = (pattern: string) => ruleInputSchema.safeParse({ name: 'r', conditions: [{ type: 'regex', pattern }], actions: [{ type: 'spam' }] }).error?.issues[0]?.message;
    expect(reason('(a)\\1')).toBe('Back-references are not allowed');
    expect(reason('(?<n>a)\\k<n>')).toBe('Back-references are not allowed');
    expect(reason('(?=pago)factura')).toBe('Lookahead and lookbehind like (?=…) or (?<!…) are not supported: rules use linear-time matching');
    expect(reason('(?<!no )pago')).toBe('Lookahead and lookbehind like (?=…) or (?<!…) are not supported: rules use linear-time matching');
    expect(reason('a++')).toBe('A repetition cannot directly repeat another (a++, a*+); group it instead: (a+)+');
    expect(reason('a{1001}')).toBe('Repetition counts above 1000 are not supported');
    expect(reason('[abc')).toBe('Invalid pattern: missing closing ]');
    expect(reason('a'.repeat(201))).toBe('The pattern is longer than 200 characters');
    expect(reason('pedido\\s*#?\\d{4,}')).toBeUndefined();
  });
  test('the rejection messages exist in every language', () => {
    for (const key of ['Lookahead and lookbehind like (?=…) or (?<!…) are not supported: rules use linear-time matching', 'A repetition cannot directly repeat another (a++, a*+); group it instead: (a+)+', 'Repetition counts above 1000 are not supported', 'Back-references are not allowed']) {
      for (const locale of ['en', 'es', 'pt-BR'] as const) expect(validation[locale][`v:${key}`]).toBeString();
    }
    expect(validation.es['v:Repetition counts above 1000 are not supported']).not.toBe(validation.en['v:Repetition counts above 1000 are not supported']);
  });
});

describe('rules in the router', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  test('first matching rule routes to its team, sets priority, labels and auto-replies; explanation names the rule', async () => {
    const core = t.app.core;
    const ana = await makeAgent(core, 'Ana');
    const billing = makeTeam(core, 'Billing', [ana], { assignmentMode: 'round_robin' });
    core.db.insert(labels).values({ id: 'lbl-billing', name: 'billing', color: '#000', createdAt: 0 }).run();
    createRule(core, { name: 'Envíos', conditions: [{ type: 'keywords', any: ['envio'] }], actions: [{ type: 'set_priority', priority: 'low' }] }, null);
    createRule(core, { name: 'Facturas', conditions: [{ type: 'keywords', any: ['factura'] }], actions: [
      { type: 'assign_team', teamId: billing.id }, { type: 'set_priority', priority: 'high' }, { type: 'add_label', labelId: 'lbl-billing' },
      { type: 'auto_reply', text: 'Te paso con Facturación' }] }, null);
    const conv = customerWrites(core, makeChannel(core), '1', 'Necesito mi fáctura').conversation!;
    await core.bus.drain();
    const after = getConversationOrThrow(core, conv.id);
    expect(after).toMatchObject({ teamId: billing.id, assigneeId: ana.id, priority: 'high' });
    expect(core.db.select().from(conversationLabels).where(eq(conversationLabels.conversationId, conv.id)).all()).toHaveLength(1);
    expect(core.db.select().from(messages).where(eq(messages.conversationId, conv.id)).all().map((m) => m.content)).toContain('Te paso con Facturación');
    const routed = listConversationEvents(core, conv.id).find((e) => e.kind === 'routed')!;
    expect(routed.details).toMatchObject({ mode: 'rule', rules: [{ name: 'Facturas', index: 2, reasons: ["keyword 'factura'"] }] });
    const updates = t.events.filter((e) => e.name === 'conversation.updated' && e.payload.conversation.id === conv.id).map((e) => e.payload.changes).flat();
    expect(updates).toEqual(expect.arrayContaining(['priority', 'labels']));
    expect(listConversationEvents(core, conv.id).some((e) => e.kind === 'priority')).toBe(true);
  });

  test('spam action resolves and labels; disabled rules and order are respected', async () => {
    const core = t.app.core;
    const spam = createRule(core, { name: 'Spam', conditions: [{ type: 'keywords', any: ['casino'] }], actions: [{ type: 'spam' }] }, null);
    createRule(core, { name: 'All', conditions: [{ type: 'regex', pattern: '.' }], actions: [{ type: 'set_priority', priority: 'urgent' }] }, null);
    moveRule(core, spam.id, 'down', null);
    expect(listRules(core).map((r) => r.name)).toEqual(['All', 'Spam']);
    moveRule(core, spam.id, 'up', null);
    const conv = customerWrites(core, makeChannel(core), '1', 'Gana en el CASINO').conversation!;
    await core.bus.drain();
    expect(getConversationOrThrow(core, conv.id).status).toBe('resolved');
    const matches = await evaluateRules(listRules(core).map((r) => ({ ...r, enabled: r.name !== 'Spam' })), { ...subject(), text: 'casino' }, null, { newConversation: true });
    expect(matches.map((m) => m.rule.name)).toEqual(['All']);
  });
});
