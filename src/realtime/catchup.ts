/**
 * Catch-up after a reconnect: the tab sends the last seq it saw; the server reads the outbox
 * after it, keeps the conversations the user may see, and re-sends their current list rows (with
 * the user's unread counts), the changed bubbles, timeline entries and status chip of the conversation
 * the tab shows, and the new highest seq. Past the retention window the tab is told to reload.
 */
import { and, eq, gte, inArray } from 'drizzle-orm';
import { conversationEvents, conversations, messages } from '../db/schema';
import type { Core } from '../core/context';
import { conversationFilterFor } from '../core/visibility';
import { html } from '../lib/html';
import { bubblesFragment, rowFragment, rowsOf, seqMarker, statusFragment, timelineFragment } from './fragments';
import type { HubTab } from './hub';
import { changesSince } from './outbox';
import type { Realtime } from './realtime';

const MAX_REPLAY = 1000;

/** Sends the tab everything it missed since `since`. */
export function catchUp(realtime: Realtime, tab: HubTab, since: number): void {
  const { core } = realtime;
  const changes = changesSince(core, since, MAX_REPLAY + 1);
  if (changes.length === 0) return;
  if (changes.length > MAX_REPLAY || (changes[0]!.seq > since + 1 && since > 0 && oldestGap(core, since))) {
    tab.send(String(html`<div id="rt-reload" hx-swap-oob="true" data-reload="1"></div>`));
    return;
  }
  const lastSeq = changes[changes.length - 1]!.seq;
  const ids = [...new Set(changes.map((c) => c.conversationId))];
  const visible = core.db.select().from(conversations).where(inArray(conversations.id, ids)).all()
    .filter(conversationFilterFor(core, tab.user))
    .sort((a, b) => a.lastMessageAt - b.lastMessageAt);
  const parts = visible.map((c) => rowFragment(core, tab.locale, rowsOf(core, [c], tab.user.id)[0]!));
  const viewing = tab.viewing && visible.some((c) => c.id === tab.viewing) ? tab.viewing : null;
  if (viewing) {
    const missed = changes.filter((c) => c.conversationId === viewing);
    const messageIds = [...new Set(missed.filter((c) => c.messageId).map((c) => c.messageId!))];
    const changed = messageIds.length ? core.db.select().from(messages).where(inArray(messages.id, messageIds)).all().sort((a, b) => a.sentAt - b.sentAt) : [];
    parts.push(bubblesFragment(core, tab.locale, changed));
    // Timeline entries are written before their change is recorded: every entry from the first
    // missed change's time on is one the tab may not have (whatever kind of change it was).
    const events = core.db.select().from(conversationEvents)
      .where(and(eq(conversationEvents.conversationId, viewing), gte(conversationEvents.createdAt, missed[0]!.createdAt))).all();
    parts.push(timelineFragment(core, tab.locale, viewing, events));
    parts.push(statusFragment(tab.locale, visible.find((c) => c.id === viewing)!));
  }
  tab.send(String(html`${seqMarker(lastSeq)}${parts}`));
}

/** True when rows after `since` were pruned (the tab was away longer than the retention). */
function oldestGap(core: Core, since: number): boolean {
  return changesSince(core, since - 1, 1)[0]?.seq !== since;
}
