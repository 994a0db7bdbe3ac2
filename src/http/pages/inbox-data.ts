/**
 * Gathers what the inbox panes need for one user (list with counts, thread, sidebar). Routes call
 * these and render; no rules live here beyond picking which core queries to run.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import { conversations } from '../../db/schema';
import type { Core } from '../../core/context';
import { getContactOrThrow } from '../../core/contacts';
import { countConversations, listConversations, windowRemainingMs } from '../../core/conversations';
import { conversationRows, timelineNames, unreadMineCount } from '../../core/inbox-read';
import { loadThreadPage } from '../../core/thread-pages';
import { labelsOfConversation, listLabels } from '../../core/labels';
import { previewMessagesOf } from '../../core/last-message';
import { visibleMentionedConversations } from '../../core/message-actions';
import { replyLockOf } from '../../core/routing/permissions';
import { listTeams } from '../../core/teams';
import { listActiveUsers } from '../../core/users';
import { conversationFilterFor, visibleChannels, visibleTeams } from '../../core/visibility';
import type { Conversation, PublicUser, Team } from '../../core/types';
import type { ListPaneData, ListQuery } from '../../../views/inbox/list';
import type { SidebarData } from '../../../views/inbox/sidebar';
import type { ThreadPaneData } from '../../../views/inbox/thread';

function filterOf(q: ListQuery, extra: { cursor?: string; limit?: number } = {}) {
  const view = (['mine', 'unassigned', 'all', 'team'].includes(q.view) ? q.view : 'all') as 'mine' | 'unassigned' | 'all' | 'team';
  return {
    view, teamId: q.teamId || undefined, status: (q.status || undefined) as never, channelId: q.channelId || undefined,
    labelId: q.labelId || undefined, priority: (q.priority || undefined) as never, assigneeId: q.assigneeId || undefined,
    sort: (q.sort === 'waiting' ? 'waiting' : 'newest') as 'waiting' | 'newest', ...extra,
  };
}

/** A page of rows for the list (keyset), or the Mentions view. */
export function listPage(core: Core, user: PublicUser, q: ListQuery, cursor?: string) {
  if (q.view === 'mentions') {
    return { rows: conversationRows(core, visibleMentionedConversations(core, user), user.id), nextCursor: null };
  }
  const { items, nextCursor } = listConversations(core, user, filterOf(q, { cursor, limit: 40 }));
  return { rows: conversationRows(core, items, user.id), nextCursor };
}

/**
 * The count of every view the user has (Mine, Unassigned, All for supervisors and admins, each team, Mentions) under the list's other
 * filters, keyed like the badges (`mine`, `team:<id>`…). Sums trigger-kept buckets, so it is cheap
 * enough for each tab to re-read after a change (GET /inbox/counts).
 */
export function listCounts(core: Core, user: PublicUser, q: ListQuery, teams: Team[] = visibleTeams(core, user)): Record<string, number> {
  const filters = { ...q, status: q.status ?? (q.view === 'mentions' ? 'open' : undefined) };
  const count = (view: string, teamId?: string) => countConversations(core, user, filterOf({ ...filters, view, teamId }));
  const counts: Record<string, number> = { mine: count('mine'), unassigned: count('unassigned'), mentions: visibleMentionedConversations(core, user).length };
  // Agents have no "All" tab: a badge for it would have no target on their page (htmx:oobErrorNoTarget).
  if (user.role !== 'agent') counts.all = count('all');
  for (const t of teams) counts[`team:${t.id}`] = count('team', t.id);
  return counts;
}

/** Everything the list pane shows. */
export function listPaneData(core: Core, user: PublicUser, q: ListQuery, activeId: string | null): ListPaneData {
  const canSeeAll = user.role !== 'agent';
  const teams = visibleTeams(core, user);
  const channelList = visibleChannels(core, user);
  return {
    query: q, ...listPage(core, user, q), counts: listCounts(core, user, q, teams), unread: unreadMineCount(core, user.id), teams, channels: channelList, labels: listLabels(core),
    agents: listActiveUsers(core), activeId, canSeeAll, meId: user.id, isAdmin: user.role === 'admin', now: core.clock.now(),
  };
}

/** Everything the thread pane shows. */
export function threadPaneData(core: Core, conversation: Conversation, opts: { around?: string; viewer?: PublicUser } = {}): ThreadPaneData {
  const contact = getContactOrThrow(core, conversation.contactId);
  const page = loadThreadPage(core, conversation.id, { around: opts.around });
  const thread = page.thread;
  return {
    conversation, contactName: contact.name || contact.phone || '', thread, eventNames: timelineNames(core, thread.events),
    agents: listActiveUsers(core), teams: listTeams(core), labels: listLabels(core),
    windowLeftMs: windowRemainingMs(core, conversation), now: core.clock.now(), page,
    replyLock: opts.viewer ? replyLockOf(core, conversation, opts.viewer) : undefined,
  };
}

/** Everything the contact sidebar shows. */
export function sidebarData(core: Core, user: PublicUser, conversation: Conversation): SidebarData {
  const contact = getContactOrThrow(core, conversation.contactId);
  const history = core.db.select().from(conversations).where(and(eq(conversations.contactId, contact.id), ne(conversations.id, conversation.id)))
    .orderBy(desc(conversations.lastMessageAt)).all().filter(conversationFilterFor(core, user));
  return { contact, conversation, labels: labelsOfConversation(core, conversation.id), allLabels: listLabels(core), history, historyPreviews: previewMessagesOf(core, history), now: core.clock.now() };
}
