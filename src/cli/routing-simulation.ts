/**
 * A routing fairness simulation: the real app (real database, router and listeners) on a temp
 * data dir with a fake clock. Customers arrive as a Poisson process; each agent has their own
 * average handling time; agents answer, then resolve, which frees capacity and drains the queue.
 * Reports per-agent distribution and waiting-time percentiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { setAvailability } from '../core/availability';
import { sendMessage } from '../core/messages';
import { setConversationStatus } from '../core/routing/lifecycle';
import { addTeamMember, createTeam } from '../core/teams';
import { createUser } from '../core/users';
import { channelTeams, channels } from '../db/schema';
import { FakeClock } from '../lib/clock';
import { newId } from '../lib/ids';
import { createLogger } from '../lib/logger';
import { receiveInbound } from '../core/messages';
import { seededRandom } from '../lib/prng';

export interface SimulationOptions {
  customers: number;
  agents: number;
  mode: 'round_robin' | 'balanced';
  minutes: number;
  capacity: number;
  seed: number;
}

export interface SimulationReport {
  options: SimulationOptions;
  perAgent: Array<{ name: string; meanHandlingMin: number; assigned: number; maxConcurrent: number }>;
  waitingSec: { p50: number; p90: number; p99: number; max: number };
  neverAssigned: number;
  assignedSpread: { min: number; max: number; stdev: number };
}


/** The p-th percentile (0–100) of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs one simulation and returns the figures. */
export async function simulateRouting(opts: SimulationOptions): Promise<SimulationReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'turno-sim-'));
  const clock = new FakeClock(Date.UTC(2026, 0, 15, 12, 0, 0));
  const app = createApp(loadConfig({ TURNO_LOG_LEVEL: 'silent', TURNO_WORKERS: '0' }, { dataDir }), { clock, startWorkers: false, logger: createLogger('silent') });
  const core = app.core;
  const random = seededRandom(opts.seed);
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  try {
    const team = createTeam(core, { name: 'Support', assignmentMode: opts.mode }, null);
    const channelId = newId();
    core.db.insert(channels).values({ id: channelId, type: 'whatsapp', name: 'Sim', status: 'active', externalId: '1', config: {}, secrets: '', createdAt: clock.now(), updatedAt: clock.now() }).run();
    core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
    const agents = [];
    for (let i = 0; i < opts.agents; i++) {
      const user = await createUser(core, { email: `agent${i}@sim.test`, name: `Agent ${String(i + 1).padStart(2, '0')}`, password: 'simulation-password', role: 'agent' }, null);
      core.db.$client.run('UPDATE users SET capacity = ? WHERE id = ?', [opts.capacity, user.id]);
      addTeamMember(core, team.id, user.id, null);
      clock.advance(1);
      setAvailability(core, user.id, 'online', { manual: true });
      agents.push({ user, meanHandlingMs: (2 + random() * 8) * 60_000, assigned: 0, open: 0, maxConcurrent: 0 });
    }
    const byId = new Map(agents.map((a) => [a.user.id, a]));
    const createdAt = new Map<string, number>();
    const waits: number[] = [];
    const finishes: Array<{ at: number; conversationId: string; agentId: string; replyAt: number; replied: boolean }> = [];
    core.bus.on('conversation.assigned', ({ conversation }) => {
      const agent = conversation.assigneeId ? byId.get(conversation.assigneeId) : undefined;
      if (!agent) return;
      agent.assigned++;
      agent.open++;
      agent.maxConcurrent = Math.max(agent.maxConcurrent, agent.open);
      const start = createdAt.get(conversation.id);
      if (start !== undefined) waits.push(clock.now() - start);
      const handling = exp(agent.meanHandlingMs);
      finishes.push({ at: clock.now() + handling, replyAt: clock.now() + Math.min(handling / 2, 60_000), conversationId: conversation.id, agentId: agent.user.id, replied: false });
    });
    const horizon = opts.minutes * 60_000;
    const arrivals: number[] = [];
    for (let at = exp(horizon / opts.customers); arrivals.length < opts.customers; at += exp(horizon / opts.customers)) arrivals.push(at);
    const start = clock.now();
    const step = 5_000;
    let next = 0;
    for (let elapsed = 0; next < arrivals.length || finishes.length > 0; elapsed += step) {
      clock.set(start + elapsed);
      while (next < arrivals.length && arrivals[next]! <= elapsed) {
        const phone = `5700${next}`;
        const r = receiveInbound(core, { channelId, identity: { externalId: phone, rawId: phone }, externalId: `sim.${next}`, type: 'text', content: 'Hola, necesito ayuda', raw: '{}', sentAt: clock.now() });
        createdAt.set(r.conversation!.id, clock.now());
        next++;
        await core.bus.drain();
      }
      for (const f of finishes.filter((x) => !x.replied && x.replyAt <= clock.now())) {
        f.replied = true;
        sendMessage(core, f.conversationId, { type: 'user', user: byId.get(f.agentId)!.user }, { content: 'Con gusto te ayudo' });
      }
      const done = finishes.filter((f) => f.at <= clock.now());
      for (const f of done) {
        finishes.splice(finishes.indexOf(f), 1);
        byId.get(f.agentId)!.open--;
        setConversationStatus(core, f.conversationId, { status: 'resolved' }, null);
        await core.bus.drain();
      }
      if (elapsed > horizon * 20) break;
    }
    const sorted = waits.sort((a, b) => a - b);
    const counts = agents.map((a) => a.assigned);
    const mean = counts.reduce((s, n) => s + n, 0) / counts.length;
    return {
      options: opts,
      perAgent: agents.map((a) => ({ name: a.user.name, meanHandlingMin: Math.round(a.meanHandlingMs / 6000) / 10, assigned: a.assigned, maxConcurrent: a.maxConcurrent })),
      waitingSec: { p50: percentile(sorted, 50) / 1000, p90: percentile(sorted, 90) / 1000, p99: percentile(sorted, 99) / 1000, max: (sorted.at(-1) ?? 0) / 1000 },
      neverAssigned: opts.customers - waits.length,
      assignedSpread: { min: Math.min(...counts), max: Math.max(...counts), stdev: Math.round(Math.sqrt(counts.reduce((s, n) => s + (n - mean) ** 2, 0) / counts.length) * 100) / 100 },
    };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report as a plain-text table. */
export function formatReport(r: SimulationReport): string {
  const o = r.options;
  const lines = [
    `mode=${o.mode} customers=${o.customers} agents=${o.agents} capacity=${o.capacity} minutes=${o.minutes} seed=${o.seed}`,
    'agent       mean-handling(min)  assigned  max-concurrent',
    ...r.perAgent.map((a) => `${a.name.padEnd(12)}${String(a.meanHandlingMin).padStart(18)}${String(a.assigned).padStart(10)}${String(a.maxConcurrent).padStart(16)}`),
    `assigned per agent: min ${r.assignedSpread.min}, max ${r.assignedSpread.max}, stdev ${r.assignedSpread.stdev}`,
    `waiting before assignment (s): p50 ${r.waitingSec.p50}  p90 ${r.waitingSec.p90}  p99 ${r.waitingSec.p99}  max ${r.waitingSec.max}`,
    `never assigned: ${r.neverAssigned}`,
  ];
  return lines.join('\n');
}
