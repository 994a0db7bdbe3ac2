/**
 * Users and teams API: the caller (`/me`), users (admins create, change role/name/capacity,
 * deactivate), teams (admins create, change, delete) and their members. Same core calls and
 * rules as the admin pages (e.g. the last active admin cannot be demoted).
 */
import { z } from 'zod';
import { pageOf } from '../../core/pagination';
import { addTeamMember, createTeam, deleteTeam, getTeamOrThrow, listTeams, removeTeamMember, teamInputSchema, teamMemberIds, updateTeam } from '../../core/teams';
import { createUser, getUserOrThrow, listUsers, newUserSchema, toPublicUser, updateUser, userUpdateSchema } from '../../core/users';
import type { HttpDeps } from '../deps';
import { actorOf, requireRole, requireUser } from '../request-context';
import { apiFeature, doc } from './base';
import { idParams, okOut, pageOut, pageQuery, serializeUser, teamOut, userOut } from './schemas';

const memberParams = z.object({ id: z.string().min(1), userId: z.string().min(1) });

/** The users and teams endpoints. */
export function peopleApi(deps: HttpDeps) {
  const { core } = deps;
  const members = (teamId: string, query: z.input<typeof pageQuery>) => {
    const ids = new Set(teamMemberIds(core, teamId));
    const page = pageOf(listUsers(core).filter((u) => ids.has(u.id)), query, (u) => u.name);
    return { items: page.items.map(serializeUser), nextCursor: page.nextCursor };
  };
  return apiFeature(deps, 'api-people')
    .get('/me', ({ auth }) => serializeUser(requireUser(auth)), doc('users', 'The authenticated user', userOut))
    .get('/users', ({ query }) => {
      const page = pageOf(listUsers(core), query, (u) => u.name);
      return { items: page.items.map(serializeUser), nextCursor: page.nextCursor };
    }, { query: pageQuery, ...doc('users', 'Users by name (cursor pages)', pageOut(userOut)) })
    .get('/users/:id', ({ params }) => serializeUser(toPublicUser(getUserOrThrow(core, params.id))), { params: idParams, ...doc('users', 'One user', userOut) })
    .post('/users', async ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      set.status = 201;
      return serializeUser(await createUser(core, body, actorOf(auth, ip)));
    }, { body: newUserSchema, ...doc('users', 'Create a user (admin)', userOut, 201) })
    .patch('/users/:id', ({ params, body, auth, ip }) => {
      requireRole(auth, 'admin');
      return serializeUser(updateUser(core, params.id, body, actorOf(auth, ip)));
    }, { params: idParams, body: userUpdateSchema, ...doc('users', 'Change name, role, language, capacity or deactivate (active: false) a user (admin; the last active admin stays)', userOut) })
    .get('/teams', ({ query }) => pageOf(listTeams(core), query, (t) => t.name), { query: pageQuery, ...doc('teams', 'Teams by name (cursor pages)', pageOut(teamOut)) })
    .get('/teams/:id', ({ params }) => getTeamOrThrow(core, params.id), { params: idParams, ...doc('teams', 'One team', teamOut) })
    .post('/teams', ({ body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      set.status = 201;
      return createTeam(core, body, actorOf(auth, ip));
    }, { body: teamInputSchema, ...doc('teams', 'Create a team (admin)', teamOut, 201) })
    .patch('/teams/:id', ({ params, body, auth, ip }) => {
      requireRole(auth, 'admin');
      return updateTeam(core, params.id, body, actorOf(auth, ip));
    }, { params: idParams, body: teamInputSchema.partial(), ...doc('teams', 'Change a team (admin)', teamOut) })
    .delete('/teams/:id', ({ params, auth, ip }) => {
      requireRole(auth, 'admin');
      deleteTeam(core, params.id, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: idParams, ...doc('teams', 'Delete a team without conversations (admin; 409 otherwise)', okOut) })
    .get('/teams/:id/members', ({ params, query }) => {
      getTeamOrThrow(core, params.id);
      return members(params.id, query);
    }, { params: idParams, query: pageQuery, ...doc('teams', 'Members of a team by name (cursor pages)', pageOut(userOut)) })
    .post('/teams/:id/members', ({ params, body, auth, ip, set }) => {
      requireRole(auth, 'admin');
      getTeamOrThrow(core, params.id);
      getUserOrThrow(core, body.userId);
      addTeamMember(core, params.id, body.userId, actorOf(auth, ip));
      set.status = 201;
      return serializeUser(toPublicUser(getUserOrThrow(core, body.userId)));
    }, { params: idParams, body: z.object({ userId: z.string().min(1) }), ...doc('teams', 'Add a member (admin; adding twice is harmless)', userOut, 201) })
    .delete('/teams/:id/members/:userId', ({ params, auth, ip }) => {
      requireRole(auth, 'admin');
      getTeamOrThrow(core, params.id);
      removeTeamMember(core, params.id, params.userId, actorOf(auth, ip));
      return { ok: true as const };
    }, { params: memberParams, ...doc('teams', 'Remove a member (admin)', okOut) });
}
