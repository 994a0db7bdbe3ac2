/**
 * In a team where only the assignee can reply, the composer offers "Take over" only to whoever may
 * take the conversation over (its team's members, supervisors); an agent who sees it through its
 * channel but is not in that team gets a plain explanation, and the take-over itself is refused (403)
 * from both the inbox and the API.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { channelTeams } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const TAKE_OVER_BUTTON = /class="take-over notice"[\s\S]*?hx-post="\/inbox\/c\/[^"]+\/take-over"/;

describe('the take-over notice', () => {
  test('team member and supervisor get the button; an agent who sees the chat only through its channel gets an explanation', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Dueña' });
    const carla = await t.signIn('agent', { name: 'Carla Equipo' });
    const bob = await t.signIn('agent', { name: 'Bob Canal' });
    const boss = await t.signIn('supervisor', { name: 'Sara Jefa' });
    const { channelId } = makeChannel(t, { teamOnly: true, members: [bob.user.id] });
    const vip = createTeam(t.app.core, { name: 'VIP reply', onlyAssigneeCanReply: true }, null);
    for (const member of [ana, carla]) addTeamMember(t.app.core, vip.id, member.user.id, null);
    t.app.core.db.insert(channelTeams).values({ channelId, teamId: vip.id }).run(); // VIP works this line too
    const id = customerSays(t, channelId, 'hola', { from: '5491100000501' }).conversation!.id;
    assignConversation(t.app.core, id, { teamId: vip.id, assigneeId: ana.user.id }, null);

    for (const who of [carla, boss]) {
      const page = await (await who.client.get(`/inbox/c/${id}`)).text();
      expect(page).toMatch(TAKE_OVER_BUTTON);
      expect(page).not.toContain('reply-locked');
    }
    const bobPage = await (await bob.client.get(`/inbox/c/${id}`)).text();
    expect(bobPage).not.toMatch(TAKE_OVER_BUTTON);
    expect(bobPage).toContain('class="reply-locked notice"');
    expect(bobPage).toContain('solo los miembros del equipo o un supervisor pueden hacerse cargo');
    expect((await bob.client.form(`/inbox/c/${id}/take-over`, {})).status).toBe(403);
    expect((await bob.client.json('POST', `/api/v1/conversations/${id}/take-over`, {})).status).toBe(403);

    const owner = await (await ana.client.get(`/inbox/c/${id}`)).text();
    expect(owner).not.toContain('take-over notice');
    expect(owner).not.toContain('reply-locked');
  });
});
