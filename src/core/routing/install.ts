/**
 * Wires routing into a running app: timer job handlers, event-bus listeners (inbound messages,
 * presence changes, freed capacity) and the "only the assignee can reply" send guard.
 */
import { isEvent, type DurableConsumers, type LoggedEvent } from '../event-cursors';
import type { DurableEventName } from '../events';
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

const ROUTING_EVENTS: DurableEventName[] = ['message.created', 'conversation.assigned', 'conversation.updated'];

/** Schedules the SLA and unattended checks of a conversation as it is now. */
function rescheduleTimers(core: Core, conversationId: string): void {
  const conversation = getConversationOrThrow(core, conversationId);
  scheduleSlaChecks(core, conversation);
  scheduleUnattendedCheck(core, conversation);
}

/** Registers routing's jobs and listeners. Call once per app. */
export function installRouting(core: Core, jobs: JobRegistry, events: DurableConsumers, opts: RoutingOptions): void {
  installAssigneeOnlyGuard(core);
  jobs.register(SNOOZE_WAKE_JOB, (_job, payload) => wakeSnoozed(core, payload));
  jobs.register(TIMER_JOBS.offline, (_job, payload) => void returnConversationsOfOfflineAgent(core, payload));
  jobs.register(TIMER_JOBS.autoResolve, (_job, payload) => void autoResolveInactive(core, payload));
  jobs.register(TIMER_JOBS.unattended, (_job, payload) => void alertIfUnattended(core, payload));
  jobs.register(TIMER_JOBS.sla, (_job, payload) => void checkSla(core, payload));

  core.bus.on('user.presence', ({ userId, availability }) => {
    if (availability === 'online') drainForAgent(core, userId, 'agent_online');
    if (availability === 'offline') scheduleOfflineTimeout(core, userId);
    jobs.poke();
  });
  // Routing reads the durable event log: a crash after a message commits but before it is routed
  // leaves it unrouted only until the next start, when routing resumes from its cursor.
  events.register({ id: 'routing', events: ROUTING_EVENTS, timeoutMs: 30_000, handle: (event) => handleRoutingEvent(core, event, opts) });
}

/** Routing's reaction to one logged event. */
async function handleRoutingEvent(core: Core, event: LoggedEvent, opts: RoutingOptions): Promise<void> {
  if (isEvent(event, 'message.created')) {
    const { payload } = event;
    if (payload.message.direction === 'inbound') return routeInbound(core, payload, opts.classifyIntent);
    if (!payload.message.isPrivate && payload.message.senderType === 'agent') scheduleAutoResolve(core, payload.conversation);
  } else if (isEvent(event, 'conversation.assigned')) {
    const { previousAssigneeId, previousTeamId, conversation, actor } = event.payload;
    // Another team may have another SLA policy: schedule its checks (unique keys make this idempotent).
    if (previousTeamId !== conversation.teamId) rescheduleTimers(core, conversation.id);
    if (previousAssigneeId && previousAssigneeId !== conversation.assigneeId) drainForAgent(core, previousAssigneeId, 'capacity_freed');
    // A person gave it back: route it again now (skipping them) and say on the timeline where it went.
    if (actor?.type === 'user' && previousAssigneeId && conversation.assigneeId === null) rerouteReleased(core, conversation.id);
  } else if (isEvent(event, 'conversation.updated')) {
    const { conversation, changes } = event.payload;
    // Snooze wake, manual reopen, pending ↔ open: the running SLA targets and the unattended wait start again.
    if (changes.includes('status') && ['open', 'pending'].includes(conversation.status)) rescheduleTimers(core, conversation.id);
    if (changes.includes('status') && conversation.assigneeId && !['open', 'pending'].includes(conversation.status)) {
      drainForAgent(core, conversation.assigneeId, 'capacity_freed');
    }
  }
}
