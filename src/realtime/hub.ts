/**
 * The WebSocket hub: which user has which browser tabs open, what conversation each tab shows,
 * and helpers to push HTML fragments (htmx `hx-swap-oob`) to the right tabs. Transport-agnostic:
 * a tab is anything with `send(text)`, so tests and other features can use it without sockets.
 *
 * Other features push with `sendToUsers`, `sendWhere` or `sendToViewers`; they never hold sockets.
 */
import type { PublicUser } from '../core/types';
import type { Locale } from '../../views/i18n';

/** One connected browser tab. */
export interface HubTab {
  /** Unique per connection. */
  id: string;
  user: PublicUser;
  /** The conversation open in this tab, if any. */
  viewing: string | null;
  /** UI language of the tab (fragments are rendered once per language). */
  locale: Locale;
  /** True after the client reported no input for a while (presence "away"). */
  idle: boolean;
  /** Delivers one text frame; must not throw when the socket is already gone. */
  send(text: string): void;
  /** The login session the socket was opened with (closed when that session ends). */
  sessionId?: string | null;
  /** Ends the connection (the hub has already forgotten the tab). */
  close?(): void;
}

export type HubListener = (event: 'join' | 'leave' | 'view', tab: HubTab, previous?: string | null) => void;

/** Tabs by id plus an index by user; all methods are synchronous and cheap. */
export class RealtimeHub {
  private tabs = new Map<string, HubTab>();
  /** Tabs by user id (kept with `tabs`; a tab's user id never changes, only its copy of the user). */
  private byUser = new Map<string, Set<HubTab>>();
  private listeners: HubListener[] = [];

  /** Registers a connected tab. */
  add(tab: HubTab): void {
    this.tabs.set(tab.id, tab);
    const ofUser = this.byUser.get(tab.user.id) ?? new Set();
    this.byUser.set(tab.user.id, ofUser.add(tab));
    this.emit('join', tab);
  }

  /** Forgets a tab (socket closed). Returns the removed tab. */
  remove(tabId: string): HubTab | undefined {
    const tab = this.tabs.get(tabId);
    if (!tab) return undefined;
    this.tabs.delete(tabId);
    const ofUser = this.byUser.get(tab.user.id);
    ofUser?.delete(tab);
    if (ofUser?.size === 0) this.byUser.delete(tab.user.id);
    this.emit('leave', tab, tab.viewing);
    return tab;
  }

  /** Forgets and closes the tabs matching `filter` (ended sessions, deactivated users). Returns how many. */
  closeWhere(filter: (tab: HubTab) => boolean): number {
    const doomed = [...this.tabs.values()].filter(filter);
    for (const tab of doomed) {
      this.remove(tab.id);
      try { tab.close?.(); } catch { /* already gone */ }
    }
    return doomed.length;
  }

  /** The tab with this id. */
  get(tabId: string): HubTab | undefined {
    return this.tabs.get(tabId);
  }

  /** Records which conversation a tab shows (null: none). */
  setViewing(tabId: string, conversationId: string | null): void {
    const tab = this.tabs.get(tabId);
    if (!tab || tab.viewing === conversationId) return;
    const previous = tab.viewing;
    tab.viewing = conversationId;
    this.emit('view', tab, previous);
  }

  /** Called on join/leave/view changes (presence and "is viewing" indicators listen here). */
  onChange(listener: HubListener): void {
    this.listeners.push(listener);
  }

  /** Every connected tab. */
  allTabs(): HubTab[] {
    return [...this.tabs.values()];
  }

  /** The open tabs of a user. */
  tabsOf(userId: string): HubTab[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** Ids of users with at least one open tab. */
  connectedUserIds(): string[] {
    return [...this.byUser.keys()];
  }

  /** Users (one entry each) with a tab currently showing the conversation. */
  viewersOf(conversationId: string): PublicUser[] {
    const seen = new Map<string, PublicUser>();
    for (const tab of this.tabs.values()) if (tab.viewing === conversationId) seen.set(tab.user.id, tab.user);
    return [...seen.values()];
  }

  /** Sends `html` to every tab of the given users. Returns the number of tabs reached. */
  sendToUsers(userIds: Iterable<string>, html: string): number {
    let reached = 0;
    for (const userId of new Set(userIds)) {
      for (const tab of this.tabsOf(userId)) if (this.sendTo(tab, html)) reached++;
    }
    return reached;
  }

  /** Sends `html` to the tabs currently showing the conversation. */
  sendToViewers(conversationId: string, html: string): number {
    return this.sendWhere((tab) => tab.viewing === conversationId, html);
  }

  /** Sends `html` to one tab; a failing tab is dropped. Returns whether it was sent. */
  sendTo(tab: HubTab, html: string): boolean {
    try {
      tab.send(html);
      return true;
    } catch {
      this.remove(tab.id);
      return false;
    }
  }

  /**
   * Sends to the tabs matching `filter` (`html` may be built per tab); a failing tab is dropped,
   * the others still get it.
   */
  sendWhere(filter: (tab: HubTab) => boolean, html: string | ((tab: HubTab) => string)): number {
    let reached = 0;
    for (const tab of [...this.tabs.values()]) {
      if (filter(tab) && this.sendTo(tab, typeof html === 'string' ? html : html(tab))) reached++;
    }
    return reached;
  }

  private emit(event: 'join' | 'leave' | 'view', tab: HubTab, previous?: string | null): void {
    for (const listener of this.listeners) listener(event, tab, previous);
  }
}
