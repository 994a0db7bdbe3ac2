/**
 * What the simulator channel's control panel drives: one customer message now (a known simulated
 * customer or a new one, typed text or a sample of any kind), scripted traffic at a chosen rate
 * until stopped, and delivery failures of the next replies on demand.
 */
import { CUSTOMERS } from './customers';
import type { GraphSimulator, InboundKind } from './graph-simulator';

/** The kinds the panel offers as samples. */
export const PANEL_KINDS = ['text', 'image', 'audio', 'document', 'location', 'order', 'button_reply', 'contacts', 'sticker'] as const satisfies readonly InboundKind[];
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Failure codes the panel can inject: [Graph error code, what it means]. */
export const PANEL_FAILURES = [131047, 131026, 131049, 130429] as const;

export interface CustomerMessage {
  /** Index into CUSTOMERS, or absent for a new customer (`name` and `phone`). */
  customer?: number;
  name?: string;
  phone?: string;
  kind: PanelKind;
  text?: string;
}

/** Posts one customer message through the simulator; returns its wamid. */
export function customerWrites(sim: GraphSimulator, m: CustomerMessage): Promise<string> {
  const known = m.customer === undefined ? undefined : CUSTOMERS[m.customer];
  const waId = known?.waId ?? (m.phone ?? '').replace(/\D/g, '');
  if (!/^\d{8,15}$/.test(waId)) throw new Error('A new customer needs a phone number of 8 to 15 digits');
  const text = m.text?.trim() || undefined;
  return sim.sendInbound(m.kind, waId, { profileName: known?.name ?? (m.name?.trim() || undefined), text, caption: m.kind === 'text' ? undefined : text });
}

/** Scripted traffic per simulator channel: a random customer writes a random kind every 60/rate seconds. */
export class SimulatedTraffic {
  private timers = new Map<string, { timer: ReturnType<typeof setInterval>; perMinute: number }>();

  /** Starts (or changes the rate of) the traffic of a channel. */
  start(channelId: string, sim: GraphSimulator, perMinute: number, onError: (error: unknown) => void): void {
    this.stop(channelId);
    const timer = setInterval(() => {
      const customer = Math.floor(Math.random() * CUSTOMERS.length);
      const kind = PANEL_KINDS[Math.floor(Math.random() * PANEL_KINDS.length)]!;
      customerWrites(sim, { customer, kind }).catch(onError);
    }, Math.round(60_000 / perMinute));
    this.timers.set(channelId, { timer, perMinute });
  }

  /** Stops a channel's traffic (no-op when none runs). */
  stop(channelId: string): void {
    const running = this.timers.get(channelId);
    if (running) clearInterval(running.timer);
    this.timers.delete(channelId);
  }

  /** Messages per minute of a channel's running traffic, or null. */
  rateOf(channelId: string): number | null {
    return this.timers.get(channelId)?.perMinute ?? null;
  }

  /** Stops all traffic (app stop). */
  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}
