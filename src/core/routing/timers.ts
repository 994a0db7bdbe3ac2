/**
 * Durable timers of the conversation lifecycle, as jobs (they survive restarts): offline agents
 * hand back their conversations, inactive conversations auto-resolve, unattended customers raise
 * alerts and SLA targets warn/breach. Each job re-checks the state it was scheduled for and does
 * nothing when that state has moved on, so stale timers are harmless.
 */
import { emitEvent } from '../event-log';
import { and, eq, inArray } from 'drizzle-orm';
import { conversations, users } from '../../db/schema';
import { applyAssignment, publishAssignment } from '../assignment';
import { effectiveAvailability } from '../availability';
import type { Core } from '../context';
import { addConversationEvent, hasConversationEvent, windowRemainingMs } from '../conversations';
import { enqueueJob } from '../jobs';
import { sendMessage } from '../messages';
import { getSetting } from '../settings';
import type { Conversation } from '../types';
import { ACTIVE_STATUSES } from './candidates';
import { autoAssign } from './engine';
import { hoursFor } from './hours-store';
import { setConversationStatus } from './lifecycle';
import { alertAudience, notify } from './notify';
import { policyFor, slaTargets, type SlaMetric } from './sla';

export const TIMER_JOBS = {
  offline: 'routing.offline_timeout',
  autoResolve: 'conversation.auto_resolve',
  unattended: 'conversation.unattended_check',
  sla: 'sla.check',
} as const;

function findConversation(core: Core, id: string): Conversation | undefined {
  return core.db.select().from(conversations).where(eq(conversations.id, id)).get();
}

/** Schedules the offline check of an agent who just went offline. */
export function scheduleOfflineTimeout(core: Core, userId: string): void {
  const runAt = core.clock.now() + getSetting(core, 'routing.offlineTimeoutMinutes') * 60_000;
  enqueueJob(core, TIMER_JOBS.offline, { userId }, { runAt, uniqueKey: `offline:${userId}:${runAt}` });
}

/**
 * Job: if the agent is still offline past the timeout, each of their open conversations goes
 * back to its team (and is re-routed by the team's mode) with a timeline entry.
 */
export function returnConversationsOfOfflineAgent(core: Core, payload: { userId: string }): number {
  const user = core.db.select().from(users).where(eq(users.id, payload.userId)).get();
  if (!user || effectiveAvailability(user) !== 'offline' || user.offlineSince === null) return 0;
  const timeoutMs = getSetting(core, 'routing.offlineTimeoutMinutes') * 60_000;
  if (core.clock.now() - user.offlineSince < timeoutMs) return 0;
  const open = core.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.assigneeId, user.id), inArray(conversations.status, [...ACTIVE_STATUSES]))).all();
  const reason = { mode: 'offline_timeout', agentName: user.name, offlineMinutes: Math.round((core.clock.now() - user.offlineSince) / 60_000) };
  for (const { id } of open) {
    const result = applyAssignment(core, id, { assigneeId: null }, { type: 'system', name: 'offline-timeout' }, reason);
    publishAssignment(core, result, { type: 'system', name: 'offline-timeout' }, reason);
    autoAssign(core, id, { recordQueued: true, trigger: 'offline_timeout' });
  }
  return open.length;
}

function lastActivityAt(c: Conversation): number | null {
  const t = Math.max(c.lastInboundAt ?? 0, c.lastOutboundAt ?? 0);
  return t > 0 ? t : null;
}

/** (Re)schedules auto-resolve after inactivity, keyed on the latest message either way. */
export function scheduleAutoResolve(core: Core, conversation: Conversation): void {
  const hours = getSetting(core, 'lifecycle.autoResolveHours');
  const from = lastActivityAt(conversation);
  if (hours <= 0 || from === null) return;
  enqueueJob(core, TIMER_JOBS.autoResolve, { conversationId: conversation.id, lastActivityAt: from }, { runAt: from + hours * 3600_000, uniqueKey: `autoresolve:${conversation.id}:${from}` });
}

/**
 * Job: resolves a conversation silent for the configured hours — never one where the customer is
 * still waiting for an answer. Sends the closing message first when configured and the 24-hour
 * window is still open.
 */
export function autoResolveInactive(core: Core, payload: { conversationId: string; lastActivityAt: number }): boolean {
  const conversation = findConversation(core, payload.conversationId);
  if (!conversation || lastActivityAt(conversation) !== payload.lastActivityAt) return false;
  if (!(ACTIVE_STATUSES as readonly string[]).includes(conversation.status) || conversation.waitingSince !== null) return false;
  const closing = getSetting(core, 'lifecycle.autoResolveMessage');
  const actor = { type: 'system', name: 'auto-resolve' } as const;
  if (closing && windowRemainingMs(core, conversation) > 0) sendMessage(core, conversation.id, actor, { content: closing });
  setConversationStatus(core, conversation.id, { status: 'resolved' }, actor, { reason: 'inactivity', hours: getSetting(core, 'lifecycle.autoResolveHours') });
  return true;
}

/** Schedules the unattended alert for a customer who started waiting. */
export function scheduleUnattendedCheck(core: Core, conversation: Conversation): void {
  const minutes = getSetting(core, 'alerts.unattendedMinutes');
  if (minutes <= 0 || conversation.waitingSince === null) return;
  enqueueJob(core, TIMER_JOBS.unattended, { conversationId: conversation.id, waitingSince: conversation.waitingSince }, {
    runAt: conversation.waitingSince + minutes * 60_000, uniqueKey: `unattended:${conversation.id}:${conversation.waitingSince}`,
  });
}

/** Job: alerts the team, assignee and supervisors when the same wait is still unanswered. */
export function alertIfUnattended(core: Core, payload: { conversationId: string; waitingSince: number }): boolean {
  const conversation = findConversation(core, payload.conversationId);
  if (!conversation || conversation.waitingSince !== payload.waitingSince || !(ACTIVE_STATUSES as readonly string[]).includes(conversation.status)) return false;
  if (hasConversationEvent(core, conversation.id, 'alert', { kind: 'unattended', waitingSince: payload.waitingSince })) return false;
  const waitingMs = core.clock.now() - payload.waitingSince;
  const audience = alertAudience(core, conversation);
  notify(core, audience, 'conversation.unattended', conversation.id, { waitingMinutes: Math.round(waitingMs / 60_000), number: conversation.number });
  addConversationEvent(core, conversation.id, 'alert', null, { kind: 'unattended', waitingMinutes: Math.round(waitingMs / 60_000), waitingSince: payload.waitingSince });
  emitEvent(core, 'conversation.unattended', { conversation, waitingMs, notifiedUserIds: audience });
  return true;
}

/** Schedules warning and breach checks for every running SLA target of the conversation. */
export function scheduleSlaChecks(core: Core, conversation: Conversation): void {
  const targets = slaTargets(conversation, policyFor(core, conversation.teamId), hoursFor(core, conversation.teamId));
  for (const t of targets) {
    for (const [stage, runAt] of [['warning', t.warnAt], ['breached', t.dueAt]] as const) {
      enqueueJob(core, TIMER_JOBS.sla, { conversationId: conversation.id, metric: t.metric, stage, dueAt: t.dueAt }, {
        runAt, uniqueKey: `sla:${conversation.id}:${t.metric}:${stage}:${t.dueAt}`,
      });
    }
  }
}

/** Job: publishes `sla.warning`/`sla.breached` (plus notifications) if the target is still running. */
export function checkSla(core: Core, payload: { conversationId: string; metric: SlaMetric; stage: 'warning' | 'breached'; dueAt: number }): boolean {
  const conversation = findConversation(core, payload.conversationId);
  if (!conversation) return false;
  const running = slaTargets(conversation, policyFor(core, conversation.teamId), hoursFor(core, conversation.teamId))
    .find((t) => t.metric === payload.metric && t.dueAt === payload.dueAt);
  if (!running || hasConversationEvent(core, conversation.id, 'sla', { stage: payload.stage, metric: payload.metric, dueAt: payload.dueAt })) return false;
  const audience = payload.stage === 'breached' ? alertAudience(core, conversation) : conversation.assigneeId ? [conversation.assigneeId] : alertAudience(core, conversation);
  notify(core, audience, `sla.${payload.stage}`, conversation.id, { metric: payload.metric, dueAt: payload.dueAt, number: conversation.number });
  addConversationEvent(core, conversation.id, 'sla', null, { stage: payload.stage, metric: payload.metric, dueAt: payload.dueAt });
  emitEvent(core, payload.stage === 'breached' ? 'sla.breached' : 'sla.warning', { conversation, metric: payload.metric, dueAt: payload.dueAt });
  return true;
}
