/** Admin operations on teams that routing needs beyond core/teams: channel visibility. */
import { eq } from 'drizzle-orm';
import { channelTeams } from '../../db/schema';
import { transaction } from '../../db/client';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import type { Actor } from '../types';

/** Channel ids a team may see. */
export function teamChannelIds(core: Core, teamId: string): string[] {
  return core.db.select().from(channelTeams).where(eq(channelTeams.teamId, teamId)).all().map((r) => r.channelId);
}

/** Replaces the set of channels a team may see (audited). */
export function setTeamChannels(core: Core, teamId: string, channelIds: string[], actor: Actor | null): void {
  transaction(core.db, () => {
    core.db.delete(channelTeams).where(eq(channelTeams.teamId, teamId)).run();
    for (const channelId of new Set(channelIds)) core.db.insert(channelTeams).values({ channelId, teamId }).run();
    recordAudit(core, actor, 'team.channels', { type: 'team', id: teamId }, { channelIds });
  });
}
