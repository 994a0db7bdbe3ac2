/** Wires the CSAT flow: the resolve listener, the durable send job, the reply listener and the no-reopen claim. */
import type { Core } from '../context';
import type { JobRegistry } from '../jobs';
import { addInboundClaim } from '../messages';
import { CSAT_SEND_JOB, isCsatReply, recordCsatReply, scheduleCsat, sendCsatSurvey } from './survey';

let claimAdded = false;

/** Installs the CSAT flow on an app's bus and job runner (the claim once per process). */
export function installCsat(core: Core, jobs: JobRegistry): void {
  if (!claimAdded) {
    claimAdded = true;
    addInboundClaim(isCsatReply);
  }
  jobs.register(CSAT_SEND_JOB, (_job, payload: { conversationId: string; resolvedAt: number }) => void sendCsatSurvey(core, payload));
  core.bus.on('conversation.updated', ({ conversation, changes }) => {
    if (changes.includes('status') && conversation.status === 'resolved') scheduleCsat(core, conversation);
  });
  core.bus.on('message.created', ({ message }) => recordCsatReply(core, message));
}
