/** Inbox fixtures: a WhatsApp channel (optionally restricted to a team) and inbound customer messages. */
import { receiveInbound } from '../../src/core/messages';
import { createTeam, addTeamMember } from '../../src/core/teams';
import { channels, channelTeams } from '../../src/db/schema';
import type { TestApp } from './test-app';

let n = 0;

/** Creates a channel; with `teamOnly` it is shared only with a new team (members see it). */
export function makeChannel(t: TestApp, opts: { teamOnly?: boolean; members?: string[] } = {}): { channelId: string; teamId: string | null } {
  n++;
  const now = t.clock.now();
  const channelId = `ch-${n}-${Math.random().toString(36).slice(2, 8)}`;
  t.app.core.db.insert(channels).values({ id: channelId, type: 'whatsapp', name: `Line ${n}`, externalId: channelId, config: {}, secrets: '', createdAt: now, updatedAt: now }).run();
  if (!opts.teamOnly) return { channelId, teamId: null };
  const team = createTeam(t.app.core, { name: `Team ${channelId}` }, null);
  t.app.core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  for (const userId of opts.members ?? []) addTeamMember(t.app.core, team.id, userId, null);
  return { channelId, teamId: team.id };
}

/** A customer message through core `receiveInbound`. */
export function customerSays(t: TestApp, channelId: string, text: string, opts: { from?: string; name?: string; type?: string; payload?: Record<string, unknown> } = {}) {
  n++;
  const from = opts.from ?? '5491100000001';
  return receiveInbound(t.app.core, {
    channelId, identity: { externalId: from, rawId: from, profileName: opts.name ?? 'Cliente' },
    externalId: `wamid.${n}.${Math.random()}`, type: opts.type ?? 'text', content: text, payload: opts.payload ?? null, raw: '{}', sentAt: t.clock.now(),
  });
}
