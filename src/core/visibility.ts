/**
 * Who may see what. Admins and supervisors see every channel. An agent sees a channel when it is
 * open to everyone (no team restriction) or shared with one of the agent's teams, and always sees
 * conversations assigned to them.
 */
import { eq, inArray } from 'drizzle-orm';
import { channels, channelTeams, teamMembers } from '../db/schema';
import type { Core } from './context';
import { listTeams } from './teams';
import type { Channel, Conversation, PublicUser, Team } from './types';

/** Channel ids the user may see, or null for "all channels". */
export function visibleChannelIds(core: Core, user: PublicUser): string[] | null {
  if (user.role !== 'agent') return null;
  const restricted = new Map<string, string[]>();
  for (const row of core.db.select().from(channelTeams).all()) {
    restricted.set(row.channelId, [...(restricted.get(row.channelId) ?? []), row.teamId]);
  }
  const myTeams = new Set(core.db.select().from(teamMembers).where(eq(teamMembers.userId, user.id)).all().map((r) => r.teamId));
  return core.db.select({ id: channels.id }).from(channels).all()
    .map((c) => c.id)
    .filter((id) => !restricted.has(id) || restricted.get(id)!.some((t) => myTeams.has(t)));
}

/** The channels the user may see (rows), for filter menus. */
export function visibleChannels(core: Core, user: PublicUser): Channel[] {
  const allowed = visibleChannelIds(core, user);
  return core.db.select().from(channels).all().filter((c) => allowed === null || allowed.includes(c.id));
}

/** True when the user may see (and therefore act on) the conversation. */
export function canSeeConversation(core: Core, user: PublicUser, conversation: Conversation): boolean {
  return conversation.assigneeId === user.id || conversationFilterFor(core, user)(conversation);
}

/**
 * The batch form of `canSeeConversation` for one user and many conversations: the visible channels
 * are read once (three queries) instead of once per conversation.
 */
export function conversationFilterFor(core: Core, user: PublicUser): (conversation: Conversation) => boolean {
  const allowed = visibleChannelIds(core, user);
  const channels = allowed === null ? null : new Set(allowed);
  return (conversation) => conversation.assigneeId === user.id || channels === null || channels.has(conversation.channelId);
}

/**
 * The batch form of `canSeeConversation` for one conversation and many users (realtime fan-out):
 * reads the channel's teams and their members once (two queries) instead of three queries per
 * user. Same rules: non-agents and the assignee see it; an agent sees it when the channel is
 * shared with no team or with one of theirs (bench/push: per-user checks dominated the fan-out).
 */
export function conversationAudience(core: Core, conversation: Conversation): (user: Pick<PublicUser, 'id' | 'role'>) => boolean {
  const teamIds = core.db.select({ teamId: channelTeams.teamId }).from(channelTeams).where(eq(channelTeams.channelId, conversation.channelId)).all().map((r) => r.teamId);
  const members = teamIds.length === 0 ? null : new Set(core.db.select({ userId: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds)).all().map((r) => r.userId));
  return (user) => user.role !== 'agent' || conversation.assigneeId === user.id || members === null || members.has(user.id);
}

/** Team ids of a user. */
export function teamIdsOf(core: Core, userId: string): string[] {
  return core.db.select().from(teamMembers).where(eq(teamMembers.userId, userId)).all().map((r) => r.teamId);
}

/** User ids of the members of the given teams. */
export function membersOfTeams(core: Core, teamIds: string[]): string[] {
  if (teamIds.length === 0) return [];
  return [...new Set(core.db.select().from(teamMembers).where(inArray(teamMembers.teamId, teamIds)).all().map((r) => r.userId))];
}

/** The teams whose inbox views the user gets: every team for supervisors and admins, their own for agents. */
export function visibleTeams(core: Core, user: PublicUser): Team[] {
  const teams = listTeams(core);
  if (user.role !== 'agent') return teams;
  const mine = new Set(teamIdsOf(core, user.id));
  return teams.filter((t) => mine.has(t.id));
}
