/**
 * Presence from connected tabs: online while a tab is connected and active, away when every tab
 * reported inactivity, offline when the last tab closed and did not come back within a grace
 * period (a reload or a network blip must not flap the agent offline and trigger re-routing).
 * Writes through `setAvailability(..., {manual:false})`, so a manual choice still wins.
 */
import { setAvailability } from '../core/availability';
import type { Core } from '../core/context';
import type { Availability } from '../db/schema/enums';
import type { HubTab, RealtimeHub } from './hub';

export class PresenceTracker {
  private pendingOffline = new Map<string, ReturnType<typeof setTimeout>>();
  private observed = new Map<string, Availability>();

  constructor(private core: Core, private hub: RealtimeHub, private graceMs: number) {
    hub.onChange((event, tab) => {
      if (event === 'join') this.refresh(tab.user.id);
      if (event === 'leave') this.scheduleOffline(tab.user.id);
    });
  }

  /** A tab reported input (`active`) or no input for a while (`idle`). */
  reportActivity(tab: HubTab, state: 'active' | 'idle'): void {
    tab.idle = state === 'idle';
    this.refresh(tab.user.id);
  }

  /** Cancels pending timers (server stop). */
  stop(): void {
    for (const timer of this.pendingOffline.values()) clearTimeout(timer);
    this.pendingOffline.clear();
  }

  private scheduleOffline(userId: string): void {
    if (this.hub.tabsOf(userId).length > 0) return this.refresh(userId);
    clearTimeout(this.pendingOffline.get(userId));
    this.pendingOffline.set(userId, setTimeout(() => {
      this.pendingOffline.delete(userId);
      this.refresh(userId);
    }, this.graceMs));
  }

  private refresh(userId: string): void {
    const tabs = this.hub.tabsOf(userId);
    if (tabs.length > 0) {
      clearTimeout(this.pendingOffline.get(userId));
      this.pendingOffline.delete(userId);
    }
    const value: Availability = tabs.length === 0 ? 'offline' : tabs.every((t) => t.idle) ? 'away' : 'online';
    if (this.observed.get(userId) === value) return;
    this.observed.set(userId, value);
    try {
      setAvailability(this.core, userId, value, { manual: false });
    } catch (error) {
      this.core.log.warn('presence update failed', { userId, error });
    }
  }
}
