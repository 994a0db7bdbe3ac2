/**
 * The assignment modes as pure functions over candidates: each returns the winner (or null) and
 * a machine-readable explanation that `describeAssignment` turns into a sentence.
 */
import type { AssignmentMode } from '../../db/schema/enums';
import { isEligible, type Candidate } from './candidates';

export interface Pick {
  winner: Candidate | null;
  /** Why the winner won: 'next_in_rotation' | 'least_open' | 'longest_idle' | 'previous_assignee' | 'none_available'. */
  why: string;
}

/** Round-robin: the first eligible member after the cursor (the last one assigned), wrapping. */
export function pickRoundRobin(candidates: Candidate[], lastAssignedUserId: string | null): Pick {
  const start = candidates.findIndex((c) => c.userId === lastAssignedUserId) + 1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[(start + i) % candidates.length]!;
    if (isEligible(c)) return { winner: c, why: 'next_in_rotation' };
  }
  return { winner: null, why: 'none_available' };
}

/** Balanced: fewest open conversations first; ties go to whoever has waited longest for one. */
export function pickBalanced(candidates: Candidate[]): Pick {
  const eligible = candidates.filter(isEligible).sort((a, b) =>
    a.open - b.open || (a.lastAssignedAt ?? -1) - (b.lastAssignedAt ?? -1) || a.userId.localeCompare(b.userId));
  const winner = eligible[0] ?? null;
  if (!winner) return { winner: null, why: 'none_available' };
  const tied = eligible.filter((c) => c.open === winner.open).length > 1;
  return { winner, why: tied ? 'longest_idle' : 'least_open' };
}

/** Dispatches on the team's mode; `manual` never picks anyone. */
export function pickByMode(mode: AssignmentMode, candidates: Candidate[], lastAssignedUserId: string | null): Pick {
  if (mode === 'round_robin') return pickRoundRobin(candidates, lastAssignedUserId);
  if (mode === 'balanced') return pickBalanced(candidates);
  return { winner: null, why: 'manual' };
}

/** The explanation's view of the candidates (what the timeline stores). */
export function summarizeCandidates(candidates: Candidate[]) {
  return candidates.map((c) => ({
    userId: c.userId, name: c.name, availability: c.availability, open: c.open, capacity: c.capacity, ...(c.releasedRecently ? { releasedRecently: true } : {}),
  }));
}
