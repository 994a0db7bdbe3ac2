/**
 * Wires routing into a running app: timer job handlers, event-bus listeners (inbound messages,
 * presence changes, freed capacity) and the "only the assignee can reply" send guard.
 */
import type { JobRegistry } from '../jobs';
import type { Core } from '../context';
import { getConversationOrThrow } from '../conversations';
import type { ClassifyIntent } from './conditions';
import { drainForAgent, rerouteReleased } from './engine';
import { SNOOZE_WAKE_JOB, wakeSnoozed } from './lifecycle';
import { installAssigneeOnlyGuard } from './permissions';
import { routeInbound } from './router';
import { alertIfUnattended, autoResolveInactive, checkSla, returnConversationsOfOfflineAgent, scheduleAutoResolve, scheduleOfflineTimeout, scheduleSlaChecks, scheduleUnattendedCheck, TIMER_JOBS } from './timers';

export interface RoutingOptions {
  /** Intent classifier used by `intent` rule conditions; null disables them. */
  classifyIntent: ClassifyIntent | null;
}

/** Schedules the SLA and unattended checks of a conversation as it is now. */
function rescheduleTimers(core: Core, conversationId: string): void {
  const conversation = getConversationOrThrow(core, conversationId);
  scheduleSlaChecks(core, conversation);
  scheduleUnattendedCheck(core, conversation);
}

/** Registers routing's jobs and listeners. Call once per app. */
export function installRouting(core: Core, jobs: JobRegistry, opts: RoutingOptions): void {
  installAssigneeOnlyGuard();
  jobs.register(SNOOZE_WAKE_JOB, (_job, payload) => wakeSnoozed(core, payload));
  jobs.register(TIMER_JOBS.offline, (_job, payload) => void returnConversationsOfOfflineAgent(core, payload));
  jobs.register(TIMER_JOBS.autoResolve, (_job, payload) => void autoResolveInactive(core, payload));
  jobs.register(TIMER_JOBS.unattended, (_job, payload) => void alertIfUnattended(core, payload));
  jobs.register(TIMER_JOBS.sla, (_job, payload) => void checkSla(core, payload));

  core.bus.on('message.created', async (event) => {
    if (event.message.direction === 'inbound') return routeInbound(core, event, opts.classifyIntent);
    if (!event.message.isPrivate && event.message.senderType === 'agent') scheduleAutoResolve(core, event.conversation);
  });
  core.bus.on('user.presence', ({ userId, availability }) => {
    if (availability === 'online') drainForAgent(core, userId, 'agent_online');
    if (availability === 'offline') scheduleOfflineTimeout(core, userId);
    jobs.poke();
  });
  core.bus.on('conversation.assigned', ({ previousAssigneeId, previousTeamId, conversation, actor }) => {
    // Another team may have another SLA policy: schedule its checks (unique keys make this idempotent).
    if (previousTeamId !== conversation.teamId) rescheduleTimers(core, conversation.id);
    if (previousAssigneeId && previousAssigneeId !== conversation.assigneeId) drainForAgent(core, previousAssigneeId, 'capacity_freed');
    // A person gave it back: route it again now (skipping them) and say on the timeline where it went.
    if (actor?.type === 'user' && previousAssigneeId && conversation.assigneeId === null) rerouteReleased(core, conversation.id);
  });
  core.bus.on('conversation.updated', ({ conversation, changes }) => {
    // Snooze wake, manual reopen, pending ↔ open: the running SLA targets and the unattended wait start again.
    if (changes.includes('status') && ['open', 'pending'].includes(conversation.status)) rescheduleTimers(core, conversation.id);
    if (changes.includes('status') && conversation.assigneeId && !['open', 'pending'].includes(conversation.status)) {
      drainForAgent(core, conversation.assigneeId, 'capacity_freed');
    }
  });
}
