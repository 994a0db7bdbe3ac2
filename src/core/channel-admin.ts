/**
 * Channel administration beyond create/update/status (src/core/channels.ts): which teams may see
 * a channel, the channel's stored templates, and the audited reveal of its verify token.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { transaction } from '../db/client';
import { channelTeams, messageTemplates, teams } from '../db/schema';
import { recordAudit } from './audit';
import { channelSecrets, getChannelOrThrow } from './channels';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor } from './types';

/** Ids of the teams a channel is restricted to (empty = every agent sees it). */
export function channelTeamIds(core: Core, channelId: string): string[] {
  return core.db.select().from(channelTeams).where(eq(channelTeams.channelId, channelId)).all().map((r) => r.teamId);
}

/**
 * Restricts a channel to the given teams (an empty list opens it to every agent). Replaces the
 * previous set in one transaction; unknown team ids are refused (field `teamIds`). Audited.
 */
export function setChannelTeams(core: Core, channelId: string, teamIds: string[], actor: Actor | null): void {
  const wanted = [...new Set(teamIds)];
  transaction(core.db, () => {
    getChannelOrThrow(core, channelId);
    const known = wanted.length ? core.db.select({ id: teams.id }).from(teams).where(inArray(teams.id, wanted)).all().map((t) => t.id) : [];
    if (known.length !== wanted.length) throw fail.unprocessable('One of the selected teams no longer exists; reload the page', { field: 'teamIds' });
    const before = channelTeamIds(core, channelId);
    core.db.delete(channelTeams).where(eq(channelTeams.channelId, channelId)).run();
    if (wanted.length) core.db.insert(channelTeams).values(wanted.map((teamId) => ({ channelId, teamId }))).run();
    recordAudit(core, actor, 'channel.teams', { type: 'channel', id: channelId }, { from: before, to: wanted });
  });
}

/** Every stored template of a channel (any status), by name then language. */
export function channelTemplates(core: Core, channelId: string) {
  return core.db.select().from(messageTemplates).where(eq(messageTemplates.channelId, channelId))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();
}

/** Returns the channel's verify token in full and writes `channel.secret_revealed` to the audit log. */
export function revealVerifyToken(core: Core, channelId: string, actor: Actor | null): string {
  return transaction(core.db, () => {
    const channel = getChannelOrThrow(core, channelId);
    recordAudit(core, actor, 'channel.secret_revealed', { type: 'channel', id: channelId }, { secret: 'verifyToken' });
    return channelSecrets(core, channel).verifyToken;
  });
}
