/**
 * Supervisor live board cost: how long one live push takes (overview query + render of the
 * affected team blocks, once per language) with many active conversations, and its size.
 * Run: bun bench/supervisor-board.ts [--conversations 2000] [--teams 10] [--agents 10]
 */
import { parseArgs } from 'node:util';
import { assignConversation } from '../src/core/assignment';
import { pushTeamBlocks } from '../src/realtime/supervisor-feed';
import { teamBlockKey } from '../src/core/routing/overview';
import { channelTeams } from '../src/db/schema';
import { createTestApp } from '../test/helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../test/helpers/routing-fixtures';

const { values } = parseArgs({ options: { conversations: { type: 'string' }, teams: { type: 'string' }, agents: { type: 'string' } } });
const total = Number(values.conversations ?? 2000);
const teamCount = Number(values.teams ?? 10);
const perTeam = Number(values.agents ?? 10);
const t = await createTestApp();
const core = t.app.core;
const teams = [];
for (let i = 0; i < teamCount; i++) {
  const agents = [];
  for (let j = 0; j < perTeam; j++) agents.push(await makeAgent(core, `Agent ${i}-${j}`, { capacity: 500 }));
  const team = makeTeam(core, `Team ${i}`, agents);
  const channelId = makeChannel(core, `Line ${i}`);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  teams.push({ team, agents, channelId });
}
const sup = await makeAgent(core, 'Sol', { role: 'supervisor' });
for (let n = 0; n < total; n++) {
  const { agents, channelId } = teams[n % teamCount]!;
  const conv = customerWrites(core, channelId, `549110${String(n).padStart(6, '0')}`, `mensaje ${n}`).conversation!;
  await core.bus.drain();
  if (n % 3) assignConversation(core, conv.id, { assigneeId: agents[n % perTeam]!.id }, null);
}
await core.bus.drain();
let bytes = 0;
for (const locale of ['es', 'en'] as const) {
  t.app.deps.realtime.hub.add({ id: `tab-${locale}`, user: sup, viewing: null, locale, idle: false, send: (text) => { bytes += text.length; } });
}
const measure = (label: string, keys: Set<string>, runs = 20) => {
  bytes = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) pushTeamBlocks(t.app.deps.realtime, keys);
  const ms = (performance.now() - started) / runs;
  console.log(`${label}: ${ms.toFixed(1)} ms per push (2 languages), ${Math.round(bytes / runs / 1024)} KiB sent per push`);
};
console.log(`${total} active conversations, ${teamCount} teams × ${perTeam} agents, 2 supervisor tabs (es, en)`);
measure('one team block (typical event)', new Set([teams[0]!.team.id]));
measure('one team + no-team block (assignment)', new Set([teams[0]!.team.id, teamBlockKey(null)]));
measure('every block', new Set([...teams.map((x) => x.team.id), teamBlockKey(null)]), 5);
await t.close();
