/** The shape of routing rules: conditions (all must match) and actions, validated with zod. */
import { z } from 'zod';
import { PRIORITIES } from '../../db/schema/enums';
import { unsafePatternReason } from './text';

export const conditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keywords'), any: z.array(z.string().trim().min(1).max(80)).min(1).max(50) }),
  z.object({ type: z.literal('regex'), pattern: z.string().min(1).superRefine((p, ctx) => {
    const reason = unsafePatternReason(p);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  }) }),
  z.object({ type: z.literal('language'), is: z.enum(['es', 'pt', 'en']) }),
  z.object({ type: z.literal('channel'), ids: z.array(z.string()).min(1) }),
  z.object({ type: z.literal('contact_attribute'), key: z.string().min(1).max(80), equals: z.string().max(200) }),
  z.object({ type: z.literal('label'), labelId: z.string().min(1) }),
  z.object({ type: z.literal('customer'), is: z.enum(['first_time', 'returning']) }),
  z.object({ type: z.literal('business_hours'), is: z.enum(['in', 'out']), teamId: z.string().nullable().default(null) }),
  z.object({ type: z.literal('intent'), intent: z.string().min(1), minConfidence: z.number().min(0).max(1).default(0.5) }),
]);
export type RuleCondition = z.output<typeof conditionSchema>;

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign_team'), teamId: z.string().min(1) }),
  z.object({ type: z.literal('assign_agent'), userId: z.string().min(1) }),
  z.object({ type: z.literal('add_label'), labelId: z.string().min(1) }),
  z.object({ type: z.literal('set_priority'), priority: z.enum(PRIORITIES) }),
  z.object({ type: z.literal('auto_reply'), text: z.string().trim().min(1).max(1000) }),
  z.object({ type: z.literal('spam') }),
]);
export type RuleAction = z.output<typeof actionSchema>;

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the rule').max(120),
  enabled: z.boolean().default(true),
  onEveryMessage: z.boolean().default(false),
  stopOnMatch: z.boolean().default(true),
  conditions: z.array(conditionSchema).min(1, 'Add at least one condition').max(20),
  actions: z.array(actionSchema).min(1, 'Add at least one action').max(20),
});
export type RuleInput = z.input<typeof ruleInputSchema>;
