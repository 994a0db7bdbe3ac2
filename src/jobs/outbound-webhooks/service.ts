/**
 * Outbound webhooks at run time. Each active subscription is a durable event consumer
 * `webhook:<id>` (src/jobs/event-dispatcher.ts): it reads the event log in commit order from its
 * cursor, so delivery is at least once and in order per endpoint, and survives crashes. A non-2xx
 * answer, a time-out or a refused target fails the event; the dispatcher retries that same event
 * with exponential backoff (capped at 15 min) and nothing after it is sent meanwhile.
 */
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { advanceCursor, ensureCursor, latestEventSeq, type DurableConsumer, type DurableConsumers, type LoggedEvent } from '../../core/event-cursors';
import { adminIds, notify } from '../../core/routing/notify';
import type { Actor } from '../../core/types';
import { failedDeliveries, getDeliveryOrThrow, type WebhookDelivery } from '../../core/webhooks/deliveries';
import { sourceEventsOf, webhookIdOf, webhooksFor } from '../../core/webhooks/event-types';
import {
  createSubscription, deleteSubscription, disableForFailures, getSubscriptionOrThrow, listSubscriptions, clearFailures, markFailed, updateSubscription,
  type WebhookInput, type WebhookPatch, type WebhookSubscription,
} from '../../core/webhooks/subscriptions';
import { eventCursors } from '../../db/schema';
import { sendWebhook, webhookBody, WEBHOOK_TIMEOUT_MS } from './sender';

/**
 * A subscription whose deliveries have failed without a single success for this long is disabled
 * and admins are told. Time rather than a count: the retry backoff grows to 15 min, so 24 h is
 * well over a hundred attempts, and a receiver down for a short maintenance is never cut off however
 * busy the inbox is. Matches the "retries for 24 h" promise of docs/webhooks.md.
 */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * 3600_000;

/** The event-log cursor of subscription `id`. */
export const webhookConsumerId = (id: string) => `webhook:${id}`;

export class OutboundWebhooks {
  private running = new Map<string, () => void | Promise<void>>();

  constructor(private core: Core, private events: DurableConsumers) {}

  /** Starts a consumer for every active subscription (server start). */
  start(): void {
    for (const s of listSubscriptions(this.core)) if (s.active) this.run(s);
  }

  /** Creates a subscription and starts delivering to it; returns it with its secret (shown once). */
  async create(input: WebhookInput, actor: Actor | null): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const created = await createSubscription(this.core, input, actor);
    if (created.subscription.active) this.run(created.subscription);
    return created;
  }

  /** Changes a subscription; enabling starts at the next event (missed ones can be replayed from the log). */
  async update(id: string, patch: WebhookPatch, actor: Actor | null): Promise<WebhookSubscription> {
    const before = getSubscriptionOrThrow(this.core, id);
    const after = await updateSubscription(this.core, id, patch, actor);
    await this.stopConsumer(id);
    if (after.active && !before.active) this.skipToEnd(id);
    if (after.active) this.run(after);
    return after;
  }

  /** Deletes a subscription, its delivery log and its cursor. */
  async remove(id: string, actor: Actor | null): Promise<void> {
    getSubscriptionOrThrow(this.core, id);
    await this.stopConsumer(id);
    deleteSubscription(this.core, id, actor);
    this.core.db.delete(eventCursors).where(eq(eventCursors.consumer, webhookConsumerId(id))).run();
  }

  /** Sends one logged delivery again (fresh timestamp and signature); returns the new attempt. */
  async replay(subscriptionId: string, deliveryId: string): Promise<WebhookDelivery> {
    const subscription = getSubscriptionOrThrow(this.core, subscriptionId);
    const original = getDeliveryOrThrow(this.core, subscriptionId, deliveryId);
    return sendWebhook(this.core, subscription, { webhookId: original.webhookId, type: original.eventType, body: original.body }, original.attempt + 1, true);
  }

  /** Sends again, oldest first, every webhook of the subscription that never succeeded; returns the new attempts. */
  async replayFailed(subscriptionId: string): Promise<WebhookDelivery[]> {
    const out: WebhookDelivery[] = [];
    for (const failed of failedDeliveries(this.core, subscriptionId)) out.push(await this.replay(subscriptionId, failed.id));
    return out;
  }

  /** Ids of the subscriptions being delivered to. */
  runningIds(): string[] {
    return [...this.running.keys()];
  }

  private run(subscription: WebhookSubscription): void {
    this.running.set(subscription.id, this.events.register(this.consumerFor(subscription)));
  }

  private async stopConsumer(id: string): Promise<void> {
    const stop = this.running.get(id);
    this.running.delete(id);
    await stop?.();
  }

  private skipToEnd(id: string): void {
    ensureCursor(this.core, webhookConsumerId(id));
    advanceCursor(this.core, webhookConsumerId(id), latestEventSeq(this.core));
  }

  private consumerFor(subscription: WebhookSubscription): DurableConsumer {
    const id = subscription.id;
    return {
      id: webhookConsumerId(id),
      events: sourceEventsOf(subscription.events),
      // Up to two webhooks per event (a type and one derived from it), each with its own time-out.
      timeoutMs: 2 * WEBHOOK_TIMEOUT_MS + 5000,
      handle: (event, attempt) => this.deliver(id, event, attempt),
      onFailure: (error) => this.failed(id, error),
    };
  }

  private async deliver(id: string, event: LoggedEvent, attempt: number): Promise<void> {
    const subscription = getSubscriptionOrThrow(this.core, id);
    const webhooks = webhooksFor(event, subscription.events);
    for (const { type, data } of webhooks) {
      const webhookId = webhookIdOf(event.id, type, event.name);
      const result = await sendWebhook(this.core, subscription, { webhookId, type, body: webhookBody(webhookId, type, event.createdAt, data) }, attempt);
      if (!result.ok) throw new Error(result.error ?? 'delivery failed');
    }
    // Successes write nothing more than their log row: only the end of a failure run is recorded.
    if (webhooks.length > 0 && subscription.consecutiveFailures > 0) clearFailures(this.core, id);
  }

  /** Counts a failure; after WEBHOOK_DISABLE_AFTER_MS of nothing but failures the subscription is disabled. */
  private failed(id: string, error: Error): void {
    const s = markFailed(this.core, id, error.message);
    if (!s?.active || s.failingSince === null || this.core.clock.now() - s.failingSince < WEBHOOK_DISABLE_AFTER_MS) return;
    const hours = Math.round((this.core.clock.now() - s.failingSince) / 3600_000);
    const reason = `${s.consecutiveFailures} failed attempts in ${hours} h; last: ${error.message}`;
    disableForFailures(this.core, id, reason);
    void this.stopConsumer(id);
    notify(this.core, adminIds(this.core), 'webhook.disabled', null, { url: s.url, reason, subscriptionId: id });
    this.core.log.warn('outbound webhook disabled after sustained failure', { subscription: id, url: s.url, reason });
  }
}
