/**
 * A small, known history for report tests (fake clock, written through core): with the range
 * 2026-03-10..2026-03-11 (UTC) it gives 2 opened, 3 resolutions, 1 reopen, first responses of
 * 20 min (Ana) and 5 min (Bob), one 10-min reply, resolutions of 70 and 120 min, and a default SLA
 * of 10 min for the first response (one met, one breached).
 */
import { assignConversation } from '../../src/core/assignment';
import type { Core } from '../../src/core/context';
import { sendMessage } from '../../src/core/messages';
import { setConversationStatus } from '../../src/core/routing/lifecycle';
import { saveSlaPolicy } from '../../src/core/routing/sla';
import type { PublicUser } from '../../src/core/types';
import type { FakeClock } from '../../src/lib/clock';
import { customerWrites, makeAgent, makeChannel } from './routing-fixtures';

export const REPORT_RANGE = { from: '2026-03-10', to: '2026-03-11' };

/** Writes the history; returns the agents (Ana, Bob) and a supervisor. */
export async function seedReportHistory(core: Core, clock: FakeClock): Promise<{ ana: PublicUser; bob: PublicUser; supervisor: PublicUser }> {
  const customerAt = (channelId: string, phone: string, at: number): string => {
    clock.set(at);
    return customerWrites(core, channelId, phone, 'hola').conversation!.id;
  };
  const agentAt = (conversationId: string, user: PublicUser, at: number) => {
    clock.set(at);
    sendMessage(core, conversationId, { type: 'user', user }, { content: 'buenas' });
  };
  const statusAt = (conversationId: string, status: 'resolved' | 'open', at: number) => {
    clock.set(at);
    setConversationStatus(core, conversationId, { status }, null);
  };
  const supervisor = await makeAgent(core, 'Sofía', { role: 'supervisor' });
  const ana = await makeAgent(core, 'Ana');
  const bob = await makeAgent(core, 'Bob');
  saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
  const channel = makeChannel(core);
  // A: started before the range, answered (20 min) and resolved (70 min) inside it.
  const a = customerAt(channel, '5731000001', Date.UTC(2026, 2, 9, 23, 50));
  assignConversation(core, a, { assigneeId: ana.id }, null);
  agentAt(a, ana, Date.UTC(2026, 2, 10, 0, 10));
  statusAt(a, 'resolved', Date.UTC(2026, 2, 10, 1, 0));
  // B: first response 5 min, a reply after 10 min, resolved after 2 h, reopened and resolved again.
  const b = customerAt(channel, '5731000002', Date.UTC(2026, 2, 10, 10, 0));
  assignConversation(core, b, { assigneeId: bob.id }, null);
  agentAt(b, bob, Date.UTC(2026, 2, 10, 10, 5));
  customerAt(channel, '5731000002', Date.UTC(2026, 2, 10, 10, 30));
  agentAt(b, bob, Date.UTC(2026, 2, 10, 10, 40));
  statusAt(b, 'resolved', Date.UTC(2026, 2, 10, 12, 0));
  statusAt(b, 'open', Date.UTC(2026, 2, 10, 13, 0));
  statusAt(b, 'resolved', Date.UTC(2026, 2, 10, 13, 30));
  // C: opened on the last day, answered only after the range ends.
  const c = customerAt(channel, '5731000003', Date.UTC(2026, 2, 11, 23, 0));
  assignConversation(core, c, { assigneeId: ana.id }, null);
  agentAt(c, ana, Date.UTC(2026, 2, 12, 0, 30));
  // D: entirely before the range.
  const d = customerAt(channel, '5731000004', Date.UTC(2026, 2, 8, 9, 0));
  agentAt(d, bob, Date.UTC(2026, 2, 8, 9, 1));
  return { ana, bob, supervisor };
}
