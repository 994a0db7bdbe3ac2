/**
 * Turns the explanation stored with an `assigned`/`routed` timeline entry into one readable
 * sentence ("Round-robin in Support: Ana had 2 open of 5, next in rotation"). Pure: the inbox
 * timeline and the supervisor view both call it.
 */
import type { Translate } from '../i18n';

interface CandidateInfo {
  name: string;
  availability: string;
  open: number;
  capacity: number;
  releasedRecently?: boolean;
}

/** " Ana was skipped: they gave it back." when automatic routing passed over someone who unassigned it. */
function skippedNote(list: unknown, t: Translate): string {
  const names = Array.isArray(list) ? (list as CandidateInfo[]).filter((c) => c.releasedRecently).map((c) => c.name) : [];
  return names.length ? ` ${t('routing.why.skipped_released', { names: names.join(', ') })}` : '';
}

function candidatesSummary(list: unknown, t: Translate): string {
  if (!Array.isArray(list) || list.length === 0) return t('routing.why.no_members');
  return (list as CandidateInfo[]).map((c) => c.releasedRecently ? t('routing.why.candidate_released', { name: c.name }) : c.availability !== 'online'
    ? t('routing.why.candidate_unavailable', { name: c.name, availability: t(`routing.availability.${c.availability}`) })
    : t('routing.why.candidate_load', { name: c.name, open: c.open, capacity: c.capacity })).join(', ');
}

/** One sentence explaining an assignment or routing decision from its stored details. */
export function describeAssignment(details: Record<string, unknown>, t: Translate): string {
  const d = details as Record<string, any>;
  const vars = { team: d.teamName ?? '—', agent: d.winnerName ?? d.assigneeName ?? '—', open: d.winnerOpen ?? 0, capacity: d.winnerCapacity ?? 0 };
  if (d.queue) return t(d.queue === 'team' ? 'routing.why.queued_team' : 'routing.why.queued_unassigned', { ...vars, candidates: candidatesSummary(d.candidates, t) });
  if (Array.isArray(d.rules)) {
    return d.rules.map((r: { index: number; name: string; reasons: string[] }) => t('routing.why.rule', { index: r.index, name: r.name, reasons: r.reasons.join(', ') })).join(' ');
  }
  if (d.mode === 'rule') return t('routing.why.rule', { index: d.ruleIndex ?? '?', name: d.rule ?? '', reasons: (d.reasons ?? []).join(', ') });
  if (d.why === 'previous_assignee') return t('routing.why.previous_assignee', vars);
  if (d.mode === 'round_robin' || d.mode === 'balanced') return t(`routing.why.${d.mode}.${d.why}`, vars) + skippedNote(d.candidates, t);
  if (d.mode === 'offline_timeout') return t('routing.why.offline_timeout', { agent: d.agentName ?? '—', minutes: d.offlineMinutes ?? '' });
  if (d.mode === 'claim') return t('routing.why.claim', vars);
  if (d.mode === 'reply') return t('routing.why.reply', vars);
  if (d.mode === 'take_over') return t('routing.why.take_over', vars);
  if (d.mode === 'transfer') return t('routing.why.transfer', vars);
  if (d.mode === 'channel_team') return t('routing.why.channel_team', vars);
  if (d.assigneeId === null && d.previousAssigneeId) return t('routing.why.unassigned', vars);
  return t('routing.why.manual', vars);
}
