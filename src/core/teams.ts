/** Teams and memberships. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations, teamMembers, teams } from '../db/schema';
import { transaction } from '../db/client';
import { ASSIGNMENT_MODES } from '../db/schema/enums';
import { newId } from '../lib/ids';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, Team } from './types';

export const teamInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a team name').max(80),
  description: z.string().max(500).default(''),
  assignmentMode: z.enum(ASSIGNMENT_MODES).default('manual'),
  onlyAssigneeCanReply: z.boolean().default(false),
  assignOnReply: z.boolean().default(true),
  capacityOverride: z.number().int().min(0).max(500).nullable().default(null),
});

/** All teams by name. */
export function listTeams(core: Core): Team[] {
  return core.db.select().from(teams).orderBy(asc(teams.name)).all();
}

/** A team by id, or throws `not_found`. */
export function getTeamOrThrow(core: Core, id: string): Team {
  const team = core.db.select().from(teams).where(eq(teams.id, id)).get();
  if (!team) throw fail.notFound('Team');
  return team;
}

/** Creates a team; names are unique. */
export function createTeam(core: Core, input: z.input<typeof teamInputSchema>, actor: Actor | null): Team {
  const data = teamInputSchema.parse(input);
  const team: Team = { id: newId(), ...data, lastAssignedUserId: null, createdAt: core.clock.now() };
  transaction(core.db, () => {
    if (core.db.select({ id: teams.id }).from(teams).where(eq(teams.name, data.name)).get()) {
      throw fail.conflict('A team with this name already exists', { field: 'name' });
    }
    core.db.insert(teams).values(team).run();
    recordAudit(core, actor, 'team.create', { type: 'team', id: team.id }, { name: data.name });
  });
  return team;
}

/** Changes the team settings present in `input`; the others keep their values. */
export function updateTeam(core: Core, id: string, input: Partial<z.input<typeof teamInputSchema>>, actor: Actor | null): Team {
  // zod fills defaults even in a partial schema: keep only the fields the caller gave.
  const parsed = teamInputSchema.partial().parse(input);
  const data = Object.fromEntries(Object.entries(parsed).filter(([key]) => key in input)) as Partial<typeof parsed>;
  getTeamOrThrow(core, id);
  const clash = data.name ? core.db.select({ id: teams.id }).from(teams).where(eq(teams.name, data.name)).get() : undefined;
  if (clash && clash.id !== id) throw fail.conflict('A team with this name already exists', { field: 'name' });
  core.db.update(teams).set(data).where(eq(teams.id, id)).run();
  recordAudit(core, actor, 'team.update', { type: 'team', id }, data);
  return getTeamOrThrow(core, id);
}

/**
 * Deletes a team that no conversation belongs to (409 otherwise: transfer them first). Its
 * memberships, channel links, hours and SLA policy go with it; intents that targeted it keep none.
 */
export function deleteTeam(core: Core, id: string, actor: Actor | null): void {
  const team = getTeamOrThrow(core, id);
  transaction(core.db, () => {
    if (core.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.teamId, id)).limit(1).get()) {
      throw fail.conflict('Conversations still belong to this team; transfer them first');
    }
    core.db.delete(teams).where(eq(teams.id, id)).run();
    recordAudit(core, actor, 'team.delete', { type: 'team', id }, { name: team.name });
  });
}

/** Adds a user to a team (idempotent). */
export function addTeamMember(core: Core, teamId: string, userId: string, actor: Actor | null): void {
  core.db.insert(teamMembers).values({ teamId, userId, createdAt: core.clock.now() }).onConflictDoNothing().run();
  recordAudit(core, actor, 'team.member_add', { type: 'team', id: teamId }, { userId });
}

/** Removes a user from a team. */
export function removeTeamMember(core: Core, teamId: string, userId: string, actor: Actor | null): void {
  core.db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId))).run();
  recordAudit(core, actor, 'team.member_remove', { type: 'team', id: teamId }, { userId });
}

/** Whether replying to an unassigned conversation of this team (or of no team) makes the replier its assignee. */
export function assignsOnReply(core: Core, teamId: string | null): boolean {
  if (!teamId) return true;
  return core.db.select({ on: teams.assignOnReply }).from(teams).where(eq(teams.id, teamId)).get()?.on ?? true;
}

/** User ids of a team's members. */
export function teamMemberIds(core: Core, teamId: string): string[] {
  return core.db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId)).all().map((r) => r.userId);
}
