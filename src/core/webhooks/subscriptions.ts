/**
 * Outbound webhook subscriptions: validation and storage. The signing secret is generated here,
 * returned once and stored sealed. Turning subscriptions into running consumers is the job of
 * src/jobs/outbound-webhooks/service.ts.
 */
import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { webhookSubscriptions } from '../../db/schema';
import { decryptSecret, encryptSecret } from '../../lib/crypto';
import { newId } from '../../lib/ids';
import { assertPublicUrl, UnsafeUrlError } from '../../lib/ssrf';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import { fail } from '../errors';
import type { Actor } from '../types';
import { WEBHOOK_EVENT_TYPES } from './event-types';

export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

export const webhookUrlSchema = z.url({ protocol: /^https?$/, message: 'Enter an http:// or https:// URL' }).max(2000);
export const webhookInputSchema = z.object({
  url: webhookUrlSchema,
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'Choose at least one event').max(WEBHOOK_EVENT_TYPES.length),
  active: z.boolean().default(true),
});
export const webhookPatchSchema = z.object({
  url: webhookUrlSchema.optional(),
  events: webhookInputSchema.shape.events.optional(),
  active: z.boolean().optional(),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

/** The subscription without its secret (API and admin pages). */
export function publicSubscription(s: WebhookSubscription) {
  const { secretSealed: _sealed, ...rest } = s;
  return rest;
}

/** Throws a field error when the URL points at a private address (and that is not allowed). */
async function checkUrl(core: Core, url: string): Promise<void> {
  try {
    await assertPublicUrl(url, core.config.webhooksAllowPrivate);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw fail.unprocessable(error.message, { field: 'url' });
    throw error;
  }
}

/** Creates a subscription; returns it with its secret, which is never shown again. */
export async function createSubscription(core: Core, input: WebhookInput, actor: Actor | null): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const data = webhookInputSchema.parse(input);
  await checkUrl(core, data.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const now = core.clock.now();
  const subscription = core.db.insert(webhookSubscriptions).values({
    id: newId(), url: data.url, events: [...new Set(data.events)], active: data.active, secretSealed: encryptSecret(core.config.secretKey, secret), createdAt: now, updatedAt: now,
  }).returning().get();
  recordAudit(core, actor, 'webhook.create', { type: 'webhook', id: subscription.id }, { url: data.url, events: data.events });
  return { subscription, secret };
}

/** Every subscription, newest first. */
export function listSubscriptions(core: Core): WebhookSubscription[] {
  return core.db.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt)).all();
}

/** One subscription or `not_found`. */
export function getSubscriptionOrThrow(core: Core, id: string): WebhookSubscription {
  const row = core.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).get();
  if (!row) throw fail.notFound('Webhook');
  return row;
}

/** The subscription's signing secret, unsealed. */
export function subscriptionSecret(core: Core, s: WebhookSubscription): string {
  return decryptSecret(core.config.secretKey, s.secretSealed);
}

/** Changes URL, events or the active flag (enabling clears the failure state and reason). */
export async function updateSubscription(core: Core, id: string, patch: WebhookPatch, actor: Actor | null): Promise<WebhookSubscription> {
  const current = getSubscriptionOrThrow(core, id);
  const data = webhookPatchSchema.parse(patch);
  if (data.url !== undefined && data.url !== current.url) await checkUrl(core, data.url);
  const enabling = data.active === true && !current.active;
  const row = core.db.update(webhookSubscriptions).set({
    ...data,
    ...(data.events ? { events: [...new Set(data.events)] } : {}),
    ...(enabling ? { consecutiveFailures: 0, failingSince: null, lastError: null, disabledReason: null } : {}),
    ...(data.active === false ? { disabledReason: null } : {}),
    updatedAt: core.clock.now(),
  }).where(eq(webhookSubscriptions.id, id)).returning().get();
  recordAudit(core, actor, 'webhook.update', { type: 'webhook', id }, { fields: Object.keys(data) });
  return row;
}

/** Deletes a subscription and its delivery log. */
export function deleteSubscription(core: Core, id: string, actor: Actor | null): void {
  getSubscriptionOrThrow(core, id);
  core.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).run();
  recordAudit(core, actor, 'webhook.delete', { type: 'webhook', id });
}

/** Notes a success after failures: the failure run ends. */
export function clearFailures(core: Core, id: string): void {
  core.db.update(webhookSubscriptions).set({ consecutiveFailures: 0, failingSince: null, lastError: null }).where(eq(webhookSubscriptions.id, id)).run();
}

/** Notes a failed delivery; returns the subscription as it is now (for the auto-disable decision). */
export function markFailed(core: Core, id: string, error: string): WebhookSubscription | undefined {
  const now = core.clock.now();
  return core.db.update(webhookSubscriptions).set({
    consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1`,
    failingSince: sql`coalesce(${webhookSubscriptions.failingSince}, ${now})`,
    lastError: error.slice(0, 500),
  }).where(eq(webhookSubscriptions.id, id)).returning().get();
}

/** Turns a subscription off because it kept failing, with the reason shown to admins. */
export function disableForFailures(core: Core, id: string, reason: string): void {
  core.db.update(webhookSubscriptions).set({ active: false, disabledReason: reason, updatedAt: core.clock.now() })
    .where(eq(webhookSubscriptions.id, id)).run();
  recordAudit(core, null, 'webhook.auto_disable', { type: 'webhook', id }, { reason });
}
