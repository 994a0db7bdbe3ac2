/**
 * Evaluates routing-rule conditions against a message and its context. Each check returns a short
 * machine-readable reason ("keyword 'factura'") used in explanations and in the admin's rule test.
 */
import type { RuleCondition } from './rule-schema';
import { detectLanguage, normalizeText, safeRegexTest } from './text';

export interface IntentResult {
  intent: string | null;
  confidence: number;
  backend: string;
}
/** The injected intent classifier seam (the AI service in production, a fake in tests). */
export type ClassifyIntent = (text: string) => Promise<IntentResult>;

export interface RuleSubject {
  text: string;
  channelId: string;
  contactAttributes: Record<string, string>;
  labelIds: string[];
  returningCustomer: boolean;
  /** Whether a team (null = company default) is open now. */
  isOpen: (teamId: string | null) => boolean;
}

export interface ConditionOutcome {
  matched: boolean;
  reason: string;
}

/** Checks one condition; the intent classifier is called at most once per subject (memoised by the caller). */
export async function checkCondition(c: RuleCondition, s: RuleSubject, intent: () => Promise<IntentResult | null>): Promise<ConditionOutcome> {
  switch (c.type) {
    case 'keywords': {
      const text = ` ${normalizeText(s.text)} `;
      const hit = c.any.find((k) => text.includes(normalizeText(k)));
      return { matched: hit !== undefined, reason: `keyword '${hit ?? c.any.join("', '")}'` };
    }
    case 'regex':
      return { matched: safeRegexTest(c.pattern, s.text), reason: `pattern /${c.pattern}/` };
    case 'language': {
      const lang = detectLanguage(s.text);
      return { matched: lang === c.is, reason: `language ${lang ?? 'unknown'}` };
    }
    case 'channel':
      return { matched: c.ids.includes(s.channelId), reason: 'channel' };
    case 'contact_attribute':
      return { matched: normalizeText(s.contactAttributes[c.key] ?? '') === normalizeText(c.equals), reason: `contact ${c.key} = '${c.equals}'` };
    case 'label':
      return { matched: s.labelIds.includes(c.labelId), reason: 'label' };
    case 'customer':
      return { matched: (c.is === 'returning') === s.returningCustomer, reason: c.is === 'returning' ? 'returning customer' : 'first-time customer' };
    case 'business_hours': {
      const open = s.isOpen(c.teamId);
      return { matched: (c.is === 'in') === open, reason: open ? 'inside business hours' : 'outside business hours' };
    }
    case 'intent': {
      const r = await intent();
      const matched = r !== null && r.intent === c.intent && r.confidence >= c.minConfidence;
      return { matched, reason: `intent '${r?.intent ?? 'none'}' (${Math.round((r?.confidence ?? 0) * 100)}%, ${r?.backend ?? 'no classifier'})` };
    }
  }
}
