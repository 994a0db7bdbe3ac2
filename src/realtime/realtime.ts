/**
 * The realtime service: hub + presence + typing + the bus listeners, and catch-up for tabs that
 * reconnect. Built once by the composition root; `hub` is what other features use.
 */
import type { Core } from '../core/context';
import { getConversationOrThrow } from '../core/conversations';
import { conversationAudience } from '../core/visibility';
import type { Conversation } from '../core/types';
import { catchUp } from './catchup';
import { activityFragment, perLocale } from './fragments';
import { RealtimeHub, type HubTab } from './hub';
import { registerRealtimeListeners } from './listeners';
import { registerSupervisorFeed } from './supervisor-feed';
import { registerAlertsFeed } from './alerts-feed';
import { activeFilter, registerSocketAccess } from './access';
import { PresenceTracker } from './presence';
import { TypingTracker } from './typing';

export interface Realtime {
  core: Core;
  hub: RealtimeHub;
  presence: PresenceTracker;
  typing: TypingTracker;
  /** Re-sends what changed after `since` that the tab may see. */
  catchUp(tab: HubTab, since: number): void;
  /**
   * Sends `render(locale)` to every tab whose user may see the conversation, followed by a frame
   * `perTab(tab)` when given (per-agent state such as unread badges).
   */
  pushToAllowed(conversation: Conversation, render: (locale: HubTab['locale']) => string, perTab?: (tab: HubTab) => string): number;
  stop(): void;
}

export interface RealtimeOptions {
  /** How long a user's last tab may be gone before they go offline. */
  offlineGraceMs?: number;
  /** How long a typing report keeps "is typing…" visible. */
  typingTtlMs?: number;
}

/** Creates the realtime service and subscribes it to the event bus. */
export function createRealtime(core: Core, opts: RealtimeOptions = {}): Realtime {
  const hub = new RealtimeHub();
  const realtime: Realtime = {
    core, hub,
    presence: new PresenceTracker(core, hub, opts.offlineGraceMs ?? 20_000),
    typing: new TypingTracker(opts.typingTtlMs ?? 6_000, (id) => pushActivity(id)),
    catchUp: (tab, since) => catchUp(realtime, tab, since),
    pushToAllowed(conversation, render, perTab) {
      const allowed = conversationAudience(core, conversation);
      const active = activeFilter(core);
      let reached = 0;
      // One pass over the tabs per language (not one per tab: bench/push, 500 sockets).
      for (const locale of new Set(hub.allTabs().map((tab) => tab.locale))) {
        const reaches = (tab: HubTab) => tab.locale === locale && active(tab.user) && allowed(tab.user);
        reached += hub.sendWhere(reaches, render(locale));
        // A frame of its own: its targets may be in elements the shared frame has just added.
        if (perTab) hub.sendWhere(reaches, perTab);
      }
      return reached;
    },
    stop() {
      realtime.presence.stop();
      realtime.typing.stop();
    },
  };
  function pushActivity(conversationId: string): void {
    let conversation: Conversation;
    try { conversation = getConversationOrThrow(core, conversationId); } catch { return; }
    const render = perLocale((locale) => String(activityFragment(locale, conversationId, hub.viewersOf(conversationId), realtime.typing.typersOf(conversationId))));
    realtime.pushToAllowed(conversation, render);
  }
  hub.onChange((event, tab, previous) => {
    if (event === 'view' || event === 'leave') {
      if (previous) pushActivity(previous);
      if (tab.viewing && event === 'view') pushActivity(tab.viewing);
    }
  });
  registerRealtimeListeners(realtime);
  registerSupervisorFeed(realtime);
  registerAlertsFeed(realtime);
  registerSocketAccess(realtime);
  return realtime;
}
