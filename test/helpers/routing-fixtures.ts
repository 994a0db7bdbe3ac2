/** Fixtures for routing tests: a channel, agents with availability/capacity, teams, customer messages. */
import { channels } from '../../src/db/schema';
import { setAvailability } from '../../src/core/availability';
import type { Core } from '../../src/core/context';
import { receiveInbound } from '../../src/core/messages';
import { addTeamMember, createTeam, teamInputSchema } from '../../src/core/teams';
import type { PublicUser, Team } from '../../src/core/types';
import { createUser, updateUser } from '../../src/core/users';
import { newId } from '../../src/lib/ids';
import type { z } from 'zod';

let seq = 0;

/** Inserts a WhatsApp channel row (no secrets needed for routing). */
export function makeChannel(core: Core, name = 'Ventas'): string {
  const id = newId();
  const now = core.clock.now();
  core.db.insert(channels).values({ id, type: 'whatsapp', name, status: 'active', externalId: `${++seq}${Date.now()}`, config: {}, secrets: '', createdAt: now, updatedAt: now }).run();
  return id;
}

/** An agent (or other role) with the given availability and capacity. */
export async function makeAgent(core: Core, name: string, opts: { availability?: 'online' | 'away' | 'offline'; capacity?: number; role?: 'agent' | 'supervisor' | 'admin' } = {}): Promise<PublicUser> {
  const user = await createUser(core, { email: `${name.toLowerCase().replace(/\W/g, '')}${++seq}@example.test`, name, password: 'correct horse battery', role: opts.role ?? 'agent' }, null);
  if (opts.capacity !== undefined) updateUser(core, user.id, { capacity: opts.capacity }, null);
  setAvailability(core, user.id, opts.availability ?? 'online', { manual: false });
  return user;
}

/** A team with members (in rotation order). */
export function makeTeam(core: Core, name: string, members: PublicUser[], opts: Partial<z.input<typeof teamInputSchema>> = {}): Team {
  const team = createTeam(core, { name, ...opts }, null);
  for (const m of members) {
    addTeamMember(core, team.id, m.id, null);
    (core.clock as { advance?: (ms: number) => void }).advance?.(1);
  }
  return team;
}

/** A customer message (a new phone number makes a new contact and conversation). */
export function customerWrites(core: Core, channelId: string, phone: string, text: string) {
  return receiveInbound(core, {
    channelId, identity: { externalId: phone, rawId: phone, profileName: `Cliente ${phone}`, phone: `+${phone}` },
    externalId: `wamid.${newId()}`, type: 'text', content: text, raw: '{}', sentAt: core.clock.now(),
  });
}
