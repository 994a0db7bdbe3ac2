/**
 * Response shapes of the public API — the single source of truth for the OpenAPI document and,
 * through Elysia's response validation, checked on every real answer (a mismatch is a logged 500,
 * never a silent lie in the document).
 */
import { z } from 'zod';
import { API_SCOPES, ASSIGNMENT_MODES, ATTACHMENT_STATUSES, CONVERSATION_STATUSES, DELIVERY_STATUSES, DIRECTIONS, PRIORITIES, ROLES, SENDER_TYPES } from '../../db/schema/enums';
import { pageQuerySchema } from '../../core/pagination';
import { WEBHOOK_EVENT_TYPES } from '../../core/webhooks/event-types';

const ms = z.number().int().describe('Unix time in milliseconds');
const msOrNull = ms.nullable();
const json = z.record(z.string(), z.unknown());

export const userOut = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), locale: z.string().nullable(),
  active: z.boolean(), availability: z.string(), capacity: z.number(),
});
export const errorOut = z.object({ error: z.object({ code: z.string(), message: z.string(), details: json }) });
export const idParams = z.object({ id: z.string().min(1) });
export const pageQuery = pageQuerySchema;

/** `{items, nextCursor}` of `item`. */
export const pageOut = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const teamOut = z.object({
  id: z.string(), name: z.string(), description: z.string(), assignmentMode: z.enum(ASSIGNMENT_MODES),
  onlyAssigneeCanReply: z.boolean(), capacityOverride: z.number().int().nullable(), createdAt: ms,
});
export const labelOut = z.object({ id: z.string(), name: z.string(), color: z.string(), createdAt: ms });
export const cannedOut = z.object({ id: z.string(), shortcut: z.string(), title: z.string(), content: z.string(), ownerId: z.string().nullable(), createdAt: ms, updatedAt: ms });
export const contactOut = z.object({
  id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(),
  customAttributes: z.record(z.string(), z.string()), notes: z.string(), createdAt: ms, updatedAt: ms,
});
export const identityOut = z.object({ id: z.string(), channelId: z.string(), externalId: z.string(), profileName: z.string().nullable(), createdAt: ms });
export const contactDetailOut = contactOut.extend({ identities: z.array(identityOut) });

export const conversationOut = z.object({
  id: z.string(), number: z.number().int(), channelId: z.string(), contactId: z.string(),
  status: z.enum(CONVERSATION_STATUSES), priority: z.enum(PRIORITIES),
  assigneeId: z.string().nullable(), teamId: z.string().nullable(),
  snoozeUntil: msOrNull, snoozeUntilReply: z.boolean(),
  lastMessageAt: ms, lastMessagePreview: z.string(), lastInboundAt: msOrNull, lastOutboundAt: msOrNull,
  waitingSince: msOrNull, firstResponseAt: msOrNull, resolvedAt: msOrNull, botActive: z.boolean(), createdAt: ms, updatedAt: ms,
  contact: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), avatarUrl: z.string().nullable().describe('null until contacts carry pictures') }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  labels: z.array(labelOut),
});
export const timelineEventOut = z.object({ id: z.string(), kind: z.string(), actorId: z.string().nullable(), details: json, createdAt: ms });
export const csatOut = z.object({
  id: z.string(), status: z.string(), via: z.enum(['buttons', 'template']), score: z.number().int().nullable(), comment: z.string().nullable(),
  sentAt: ms, answeredAt: ms.nullable(),
});
export const conversationDetailOut = conversationOut.extend({ timeline: z.array(timelineEventOut), csat: z.array(csatOut).describe('Satisfaction surveys sent after each resolution, newest first') });

export const attachmentOut = z.object({
  id: z.string(), messageId: z.string().nullable(), kind: z.string(), mimeType: z.string(), filename: z.string().nullable(),
  size: z.number().int().nullable(), status: z.enum(ATTACHMENT_STATUSES), url: z.string().describe('Download with the same credentials'), createdAt: ms,
});
export const messageOut = z.object({
  id: z.string(), conversationId: z.string(), channelId: z.string(), direction: z.enum(DIRECTIONS), senderType: z.enum(SENDER_TYPES),
  senderId: z.string().nullable(), type: z.string(), content: z.string(), payload: json.nullable(), externalId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES), errorCode: z.number().int().nullable(), errorMessage: z.string().nullable(), isPrivate: z.boolean(),
  replyToId: z.string().nullable(), sentAt: ms, createdAt: ms, updatedAt: ms,
});
export const messageWithFilesOut = messageOut.extend({ attachments: z.array(attachmentOut) });

export const tokenOut = z.object({
  id: z.string(), userId: z.string(), name: z.string(), prefix: z.string().describe('First characters, to recognise the token'),
  scopes: z.array(z.enum(API_SCOPES)), createdAt: ms, lastUsedAt: msOrNull, lastUsedIp: z.string().nullable(), revokedAt: msOrNull,
});
export const createdTokenOut = tokenOut.extend({ token: z.string().describe('The secret: shown this once, never again') });

export const ruleOut = z.object({
  id: z.string(), name: z.string(), position: z.number().int(), enabled: z.boolean(), onEveryMessage: z.boolean(), stopOnMatch: z.boolean(),
  conditions: z.array(json), actions: z.array(json), createdAt: ms, updatedAt: ms,
});
export const businessHoursOut = z.object({
  teamId: z.string().nullable(), timezone: z.string(), weekly: z.array(z.object({ day: z.number().int(), from: z.string(), to: z.string() })),
  holidays: z.array(z.string()), outOfOfficeMessage: z.string(),
});
export const slaOut = z.object({
  id: z.string(), name: z.string(), teamId: z.string().nullable(), firstResponseMinutes: z.number().int().nullable(),
  nextResponseMinutes: z.number().int().nullable(), resolutionMinutes: z.number().int().nullable(), businessHoursOnly: z.boolean(), createdAt: ms,
});
export const intentOut = z.object({
  id: z.string(), names: z.record(z.string(), z.string()), targetTeamId: z.string().nullable(), labels: z.array(z.string()),
  priority: z.number().int(), enabled: z.boolean(), position: z.number().int(), createdAt: ms, updatedAt: ms,
});
export const intentExampleOut = z.object({ id: z.string(), intentId: z.string(), text: z.string(), source: z.string(), createdAt: ms });
export const kbArticleOut = z.object({
  id: z.string(), title: z.string(), questions: z.array(z.string()), answer: z.string(), language: z.string(), tags: z.array(z.string()),
  enabled: z.boolean(), createdAt: ms, updatedAt: ms,
});
export const auditOut = z.object({
  id: z.string(), actorId: z.string().nullable(), actorType: z.string(), action: z.string(), targetType: z.string().nullable(),
  targetId: z.string().nullable(), details: json, ip: z.string().nullable(), createdAt: ms,
});
export const okOut = z.object({ ok: z.literal(true) });

const seconds = z.number().nullable().describe('Seconds; null without data');
const timeFigureOut = z.object({ median: seconds, p90: seconds, count: z.number().int(), businessHours: z.object({ median: seconds, p90: seconds }) });
const slaRowOut = z.object({ metric: z.enum(['first_response', 'next_response', 'resolution']), met: z.number().int(), breached: z.number().int() });
export const reportSummaryOut = z.object({
  range: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  conversations: z.object({ opened: z.number().int(), resolved: z.number().int(), reopened: z.number().int() }),
  messages: z.object({ in: z.number().int(), out: z.number().int() }),
  firstResponseTime: timeFigureOut, replyTime: timeFigureOut, resolutionTime: timeFigureOut, reopenResolutionTime: timeFigureOut,
  bot: z.object({ handled: z.number().int(), handoffs: z.number().int(), answers: z.number().int(), handoffRate: z.number().nullable(), ratings: z.object({ up: z.number().int(), down: z.number().int() }) }),
  sla: z.array(slaRowOut),
  csat: z.object({ responses: z.number().int(), average: z.number().nullable(), satisfiedPercent: z.number().nullable() }),
});
const breakdownRowOut = z.object({
  id: z.string(), name: z.string(), opened: z.number().int(), resolved: z.number().int(),
  firstResponseMedian: seconds, resolutionMedian: seconds, csatAverage: z.number().nullable(),
});
/** The row shape of each report table (`{items}` of it; not paged). */
export const reportRowOut = {
  daily: z.object({ date: z.string(), opened: z.number().int(), resolved: z.number().int(), messagesIn: z.number().int() }),
  agents: z.object({
    id: z.string(), name: z.string(), conversations: z.number().int(), replies: z.number().int(), resolved: z.number().int(),
    firstResponseMedian: seconds, csatAverage: z.number().nullable(),
  }),
  teams: breakdownRowOut,
  channels: breakdownRowOut,
  intents: breakdownRowOut.describe('By the first detected intent; `id` and `name` are the intent id (empty: none detected)'),
  sla: slaRowOut,
  heatmap: z.object({ weekday: z.number().int().describe('0 = Sunday'), hour: z.number().int(), messages: z.number().int() }),
} satisfies Record<string, z.ZodType>;

export const webhookOut = z.object({
  id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)), active: z.boolean(),
  consecutiveFailures: z.number().int().describe('Failed attempts in a row since the last success'), failingSince: msOrNull,
  lastError: z.string().nullable(), disabledReason: z.string().nullable().describe('Why Turno disabled it (sustained failure); null otherwise'),
  createdAt: ms, updatedAt: ms,
});
export const createdWebhookOut = webhookOut.extend({ secret: z.string().describe('The signing secret: shown this once, never again') });
export const webhookDeliveryOut = z.object({
  id: z.string(), subscriptionId: z.string(), webhookId: z.string().describe('The Turno-Webhook-Id sent (stable across retries and replays)'),
  eventType: z.string(), body: z.string().describe('The exact JSON body sent'), ok: z.boolean(), statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(), responseExcerpt: z.string().nullable(), error: z.string().nullable(), attempt: z.number().int(),
  replay: z.boolean(), createdAt: ms,
});

/** Projects a user row onto the public API shape. */
export function serializeUser(u: z.input<typeof userOut> & Record<string, unknown>): z.output<typeof userOut> {
  return { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale ?? null, active: u.active, availability: u.availability, capacity: u.capacity };
}

/** Standard responses of a route: `ok` for `status`, and the error shape for the usual failures. */
export function responses<T extends z.ZodType>(ok: T, status = 200) {
  return { [status]: ok, 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut, 409: errorOut, 412: errorOut, 422: errorOut, 429: errorOut } as Record<number, z.ZodType>;
}
