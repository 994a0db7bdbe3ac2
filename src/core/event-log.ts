/**
 * Emitting domain events. `emitEvent` is the one way services announce a change: a durable event
 * (DURABLE_EVENTS) is written to `event_log` inside the caller's transaction — so it exists if and
 * only if the change committed — and every event is published on the in-memory bus after commit.
 * Durable consumers (src/jobs/event-dispatcher.ts) then read the log in order from their cursors.
 */
import { afterCommit } from '../db/client';
import { eventLog } from '../db/schema';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { isDurableEvent, type EventName, type TurnoEvents } from './events';

/** Wakes durable consumers after an event was committed to the log. */
export class EventLogSignal {
  private listeners = new Set<() => void>();

  /** Calls `listener` after each commit that recorded durable events; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notifies every subscriber (after commit). */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The conversation an event belongs to, for per-conversation ordering and filtering. */
function conversationIdOf(payload: unknown): string | null {
  const p = payload as { conversation?: { id?: string }; conversationId?: string; message?: { conversationId?: string } };
  return p.conversation?.id ?? p.conversationId ?? p.message?.conversationId ?? null;
}

/** The payload as stored: a message's raw provider JSON is left out (kept on the message row). */
function storable(payload: unknown): unknown {
  const p = payload as { message?: { raw?: unknown } };
  return p.message && p.message.raw != null ? { ...p, message: { ...p.message, raw: null } } : payload;
}

/**
 * Announces `name`: records it in the event log when it is durable (inside the current
 * transaction, if any) and publishes it on the bus after commit. Returns the event id for durable
 * events, null otherwise.
 */
export function emitEvent<K extends EventName>(core: Core, name: K, payload: TurnoEvents[K]): string | null {
  let id: string | null = null;
  if (isDurableEvent(name)) {
    id = newId();
    core.db.insert(eventLog).values({
      id, name, conversationId: conversationIdOf(payload), payload: storable(payload), createdAt: core.clock.now(),
    }).run();
  }
  afterCommit(core.db, () => {
    if (id) core.eventSignal.notify();
    core.bus.publish(name, payload);
  });
  return id;
}
