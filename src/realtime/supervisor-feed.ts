/**
 * The supervisor board, live: on conversation, message, presence, SLA and unattended events the
 * affected team blocks are re-rendered (once per language) and pushed with `hx-swap-oob` only to
 * tabs of supervisors and admins (a role filter over the hub's tabs; per tab rather than
 * `broadcast` because each tab gets its own language). Nothing is rendered while no supervisor tab
 * is connected.
 */
import type { Core } from '../core/context';
import { supervisorOverview, teamBlockKey } from '../core/routing/overview';
import type { Conversation, PublicUser } from '../core/types';
import { teamIdsOf } from '../core/visibility';
import { translator } from '../../views/i18n';
import { teamBlocksFragment } from '../../views/routing/supervisor-page';
import { perLocale } from './fragments';
import type { Realtime } from './realtime';

/** Supervisors and admins see the board. */
export const isSupervisor = (user: PublicUser) => user.role === 'admin' || user.role === 'supervisor';

/** Pushes the given team blocks to every supervisor tab; returns the number of tabs reached. */
export function pushTeamBlocks(realtime: Realtime, keys: Set<string>): number {
  const { core, hub } = realtime;
  if (keys.size === 0 || !hub.allTabs().some((tab) => isSupervisor(tab.user))) return 0;
  const teams = supervisorOverview(core, keys);
  const render = perLocale((locale) => String(teamBlocksFragment(translator(locale), teams, core.clock.now())));
  let reached = 0;
  for (const locale of new Set(hub.allTabs().map((tab) => tab.locale))) {
    reached += hub.sendWhere((tab) => tab.locale === locale && isSupervisor(tab.user), render(locale));
  }
  return reached;
}

/** Blocks showing a conversation: its team (or "no team") and every team of its agent(s). */
function blocksOf(core: Core, teamIds: Array<string | null>, userIds: Array<string | null>): Set<string> {
  const keys = new Set(teamIds.map(teamBlockKey));
  for (const id of userIds) {
    if (!id) continue;
    for (const teamId of teamIdsOf(core, id)) keys.add(teamId);
    keys.add(teamBlockKey(null));
  }
  return keys;
}

/** Blocks changed within this window are rendered and pushed once. */
const COALESCE_MS = 50;

/**
 * Collects block keys and pushes them together at most once per COALESCE_MS: one inbound message
 * fires several events (conversation created, message created, assigned) and a flood fires
 * thousands; rendering the board for each was most of the fan-out time (bench/push).
 */
function coalescedPush(realtime: Realtime): (keys: Set<string>) => void {
  let pending: Set<string> | null = null;
  return (keys) => {
    if (keys.size === 0) return;
    if (pending) {
      for (const k of keys) pending.add(k);
      return;
    }
    pending = new Set(keys);
    setTimeout(() => {
      const due = pending!;
      pending = null;
      try {
        pushTeamBlocks(realtime, due);
      } catch (error) {
        realtime.core.log.warn('supervisor board push failed', { error });
      }
    }, COALESCE_MS);
  };
}

/** Subscribes the supervisor board to the bus. */
export function registerSupervisorFeed(realtime: Realtime): void {
  const { core } = realtime;
  const push = coalescedPush(realtime);
  const conversationChanged = (c: Conversation, extraTeams: Array<string | null> = [], extraUsers: Array<string | null> = []) =>
    push(blocksOf(core, [c.teamId, ...extraTeams], [c.assigneeId, ...extraUsers]));

  core.bus.on('conversation.created', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('conversation.updated', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('conversation.assigned', ({ conversation, previousTeamId, previousAssigneeId }) => void conversationChanged(conversation, [previousTeamId], [previousAssigneeId]));
  core.bus.on('message.created', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('sla.warning', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('sla.breached', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('conversation.unattended', ({ conversation }) => void conversationChanged(conversation));
  core.bus.on('user.presence', ({ userId }) => push(blocksOf(core, [], [userId])));
}
