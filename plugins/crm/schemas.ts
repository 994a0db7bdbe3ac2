/**
 * Request schemas (zod, the host's copy from `turno/plugin`). The same schemas read the sidebar's
 * HTML forms (every value a string) and the JSON API. An issue's message is a key of messages.ts,
 * so the error shown to a person is in their language.
 */
import { z } from 'turno/plugin';

/** "1500", "1500.5", "1500,50" or a number → minor units (cents); empty → 0. */
const money = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text = String(value).trim().replace(',', '.');
  if (text === '') return 0;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'crm.error.value' });
    return z.NEVER;
  }
  return Math.round(Number(text) * 100);
});

const title = z.string({ message: 'crm.error.title' }).trim().min(1, 'crm.error.title').max(200, 'crm.error.title');
const currency = z.string().trim().regex(/^[A-Za-z]{3}$/, 'crm.error.currency').transform((c) => c.toUpperCase());
/** A calendar date; an empty form field means "none". */
const date = z.string().trim().transform((d) => d || null)
  .refine((d) => d === null || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))), 'crm.error.date')
  .nullable();
const shortText = (max: number) => z.string().trim().max(max);

/**
 * A new deal. `conversationId` links it and its contact (the panel takes it from the URL);
 * `contactId` links a contact without a conversation. The stage defaults to the first one.
 */
export const createDealSchema = z.object({
  title,
  contactId: z.string().trim().min(1).optional(),
  value: money.optional().default(0),
  currency: currency.optional(),
  stageId: z.string().trim().min(1).optional(),
  conversationId: z.string().trim().min(1).optional(),
  expectedCloseDate: date.optional().default(null),
  source: shortText(100).optional().default(''),
  notes: shortText(5000).optional().default(''),
});

/** Changes to a deal's fields (stage moves go through `moveSchema`). */
export const updateDealSchema = z.object({
  title: title.optional(),
  value: money.optional(),
  currency: currency.optional(),
  expectedCloseDate: date.optional(),
  source: shortText(100).optional(),
  notes: shortText(5000).optional(),
  lostReason: shortText(500).nullable().optional(),
});

/** A stage move; `lostReason` is kept when the stage is a lost one. */
export const moveSchema = z.object({
  stageId: z.string({ message: 'crm.error.stage' }).trim().min(1, 'crm.error.stage'),
  lostReason: shortText(500).optional(),
});

/** Filters of GET /api/deals. */
export const listQuerySchema = z.object({
  pipelineId: z.string().optional(),
  stageId: z.string().optional(),
  contactId: z.string().optional(),
  conversationId: z.string().optional(),
  ownerId: z.string().optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type Invalid = { ok: false; field: string; key: string };

/** Parses `input`; on failure returns the first problem's field and message key. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | Invalid {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  return { ok: false, field, key: issue.message.startsWith('crm.') ? issue.message : `${field}: ${issue.message}` };
}
