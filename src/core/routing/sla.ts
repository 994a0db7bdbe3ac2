/**
 * SLA policies (first response, next response, resolution; optionally counted in business
 * hours) and the pure `slaState` the inbox row shows. A target is "warning" at 80 % of its time.
 */
import { eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { slaPolicies } from '../../db/schema';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import { fail } from '../errors';
import type { Actor, Conversation } from '../types';
import { addBusinessTime, type BusinessHoursSpec } from './business-hours';

export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type SlaMetric = 'first_response' | 'next_response' | 'resolution';
export const SLA_WARNING_FRACTION = 0.8;

export interface SlaTarget {
  metric: SlaMetric;
  startedAt: number;
  warnAt: number;
  dueAt: number;
}
export interface SlaState extends SlaTarget {
  state: 'ok' | 'warning' | 'breached';
  remainingMs: number;
}

const target = z.number().int('Use whole minutes').min(1, 'Use at least 1 minute, or leave it empty for no target').max(60 * 24 * 90, 'At most 90 days').nullable();
export const slaPolicySchema = z.object({
  name: z.string().trim().min(1, 'Name the policy').max(80),
  teamId: z.string().nullable().default(null),
  firstResponseMinutes: target.default(null),
  nextResponseMinutes: target.default(null),
  resolutionMinutes: target.default(null),
  businessHoursOnly: z.boolean().default(false),
});

/** The team's policy, else the default one, else null. */
export function policyFor(core: Core, teamId: string | null): SlaPolicy | null {
  const own = teamId ? core.db.select().from(slaPolicies).where(eq(slaPolicies.teamId, teamId)).get() : undefined;
  return own ?? core.db.select().from(slaPolicies).where(isNull(slaPolicies.teamId)).get() ?? null;
}

/** Creates or replaces the policy of a team (teamId null = default); audited. */
export function saveSlaPolicy(core: Core, input: z.input<typeof slaPolicySchema>, actor: Actor | null): SlaPolicy {
  const data = slaPolicySchema.parse(input);
  const existing = core.db.select().from(slaPolicies).where(data.teamId ? eq(slaPolicies.teamId, data.teamId) : isNull(slaPolicies.teamId)).get();
  const row: SlaPolicy = { id: existing?.id ?? newId(), ...data, createdAt: existing?.createdAt ?? core.clock.now() };
  core.db.insert(slaPolicies).values(row).onConflictDoUpdate({ target: slaPolicies.id, set: data }).run();
  recordAudit(core, actor, 'sla_policy.save', { type: 'sla_policy', id: row.id }, data);
  return row;
}

/** Every policy, the default first. */
export function listSlaPolicies(core: Core): SlaPolicy[] {
  return core.db.select().from(slaPolicies).all().sort((a, b) => (a.teamId === null ? -1 : b.teamId === null ? 1 : a.name.localeCompare(b.name)));
}

/** Removes a policy (its team falls back to the default); audited. */
export function deleteSlaPolicy(core: Core, id: string, actor: Actor | null): void {
  const policy = core.db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).get();
  if (!policy) throw fail.notFound('SLA policy');
  core.db.delete(slaPolicies).where(eq(slaPolicies.id, id)).run();
  recordAudit(core, actor, 'sla_policy.delete', { type: 'sla_policy', id }, { name: policy.name, teamId: policy.teamId });
}

type SlaConversation = Pick<Conversation, 'status' | 'createdAt' | 'reopenedAt' | 'waitingSince' | 'firstResponseAt'>;

/** Every target currently running for the conversation (none when resolved or snoozed). */
export function slaTargets(conversation: SlaConversation, policy: SlaPolicy | null, hours: BusinessHoursSpec | null = null): SlaTarget[] {
  if (!policy || conversation.status === 'resolved' || conversation.status === 'snoozed') return [];
  const useHours = policy.businessHoursOnly && hours;
  const due = (start: number, minutes: number) => (useHours ? addBusinessTime(hours, start, minutes * 60_000) : start + minutes * 60_000);
  const make = (metric: SlaMetric, start: number, minutes: number | null): SlaTarget | null => {
    if (!minutes) return null;
    const dueAt = due(start, minutes);
    const warnAt = due(start, minutes * SLA_WARNING_FRACTION);
    return dueAt === null || warnAt === null ? null : { metric, startedAt: start, warnAt, dueAt };
  };
  const list: Array<SlaTarget | null> = [make('resolution', conversation.reopenedAt ?? conversation.createdAt, policy.resolutionMinutes)];
  if (conversation.waitingSince !== null) {
    list.push(conversation.firstResponseAt === null
      ? make('first_response', conversation.createdAt, policy.firstResponseMinutes)
      : make('next_response', conversation.waitingSince, policy.nextResponseMinutes));
  }
  return list.filter((t): t is SlaTarget => t !== null);
}

/** The most urgent running target and its state at `now`, or null when no target runs. */
export function slaState(conversation: SlaConversation, policy: SlaPolicy | null, now: number, hours: BusinessHoursSpec | null = null): SlaState | null {
  const targets = slaTargets(conversation, policy, hours).sort((a, b) => a.dueAt - b.dueAt);
  const first = targets[0];
  if (!first) return null;
  const state = now >= first.dueAt ? 'breached' : now >= first.warnAt ? 'warning' : 'ok';
  return { ...first, state, remainingMs: first.dueAt - now };
}
