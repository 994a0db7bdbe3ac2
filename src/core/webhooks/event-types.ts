/**
 * The event types an outbound webhook can subscribe to: every durable domain event under its own
 * name, plus types derived from them here and nowhere else (`conversation.status_changed` and
 * `conversation.labels_changed` are `conversation.updated` events whose `changes` name the status
 * or the labels; an inbound message that reopens a conversation also changes its status).
 */
import type { LoggedEvent } from '../event-cursors';
import { DURABLE_EVENTS, type DurableEventName } from '../events';

interface DerivedType {
  /** The durable events it is read from. */
  from: DurableEventName[];
  /** Whether `event` is one of this type; `data` is what the webhook carries. */
  match(event: LoggedEvent): { data: unknown } | null;
}

const conversationChange = (what: string) => (event: LoggedEvent) => {
  if (event.name === 'conversation.updated') {
    const p = event.payload as { conversation: unknown; changes: string[]; actor: unknown };
    return p.changes.includes(what) ? { data: { conversation: p.conversation, actor: p.actor } } : null;
  }
  if (what === 'status' && event.name === 'message.created') {
    const p = event.payload as { conversation: unknown; statusChanged?: boolean };
    return p.statusChanged ? { data: { conversation: p.conversation, actor: null } } : null;
  }
  return null;
};

export const DERIVED_WEBHOOK_TYPES = {
  'conversation.status_changed': { from: ['conversation.updated', 'message.created'], match: conversationChange('status') },
  'conversation.labels_changed': { from: ['conversation.updated'], match: conversationChange('labels') },
} satisfies Record<string, DerivedType>;

/** Every type a subscription may list, in display order. */
export const WEBHOOK_EVENT_TYPES = [...DURABLE_EVENTS, ...Object.keys(DERIVED_WEBHOOK_TYPES)] as [string, ...string[]];

/** The durable events a subscription to `types` must read. */
export function sourceEventsOf(types: readonly string[]): DurableEventName[] {
  const names = new Set<DurableEventName>();
  for (const type of types) {
    if (type in DERIVED_WEBHOOK_TYPES) {
      for (const name of DERIVED_WEBHOOK_TYPES[type as keyof typeof DERIVED_WEBHOOK_TYPES].from) names.add(name);
    } else if ((DURABLE_EVENTS as readonly string[]).includes(type)) names.add(type as DurableEventName);
  }
  return [...names];
}

/** The webhooks one logged event makes for a subscription to `types`: each type with its data. */
export function webhooksFor(event: LoggedEvent, types: readonly string[]): Array<{ type: string; data: unknown }> {
  const out: Array<{ type: string; data: unknown }> = [];
  if (types.includes(event.name)) out.push({ type: event.name, data: event.payload });
  for (const [type, derived] of Object.entries(DERIVED_WEBHOOK_TYPES)) {
    const match = types.includes(type) ? derived.match(event) : null;
    if (match) out.push({ type, data: match.data });
  }
  return out;
}

/** The `Turno-Webhook-Id` of one webhook: the event id, suffixed for derived types (stable across retries). */
export function webhookIdOf(eventId: string, type: string, eventName: string): string {
  return type === eventName ? eventId : `${eventId}.${type.slice(type.indexOf('.') + 1)}`;
}
