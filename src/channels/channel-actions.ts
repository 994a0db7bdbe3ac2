/**
 * Admin actions that talk to a channel's provider: "test connection" and "sync templates now".
 * Both are audited; neither changes the channel's status.
 */
import { recordAudit } from '../core/audit';
import { getChannelOrThrow } from '../core/channels';
import type { Core } from '../core/context';
import { fail } from '../core/errors';
import type { Actor } from '../core/types';
import { transaction } from '../db/client';
import { scheduleTemplateSync } from '../jobs/handlers/templates-sync';
import { ProviderError, adapterFor, type ProviderAction } from './adapter';

export type ConnectionTest =
  | { ok: true; description: string }
  | { ok: false; action: ProviderAction; code: number | null; explanation: string };

/**
 * Calls the provider with the channel's credentials and reports what it said: the account's
 * description, or the classified failure with an explanation a person can act on. Audited as
 * `channel.test` with the outcome.
 */
export async function testChannelConnection(core: Core, channelId: string, actor: Actor | null): Promise<ConnectionTest> {
  const channel = getChannelOrThrow(core, channelId);
  let result: ConnectionTest;
  try {
    result = { ok: true, description: await adapterFor(channel.type).testConnection(core, channel) };
  } catch (error) {
    const e = error instanceof ProviderError ? error : new ProviderError(String(error), 'retry');
    result = { ok: false, action: e.action, code: e.opts.code ?? null, explanation: e.opts.explanation ?? e.message };
  }
  recordAudit(core, actor, 'channel.test', { type: 'channel', id: channelId },
    result.ok ? { ok: true } : { ok: false, code: result.code, action: result.action });
  return result;
}

/**
 * Queues a template sync for right now (idempotent while one is pending) and audits
 * `channel.templates_sync`. The caller should wake the job runner.
 */
export function requestTemplateSync(core: Core, channelId: string, actor: Actor | null): void {
  transaction(core.db, () => {
    const channel = getChannelOrThrow(core, channelId);
    if (!adapterFor(channel.type).syncTemplates) throw fail.unprocessable('This kind of channel has no message templates');
    if (channel.status === 'disabled') throw fail.unprocessable('This channel is disabled; enable it to sync its templates');
    scheduleTemplateSync(core, channelId);
    recordAudit(core, actor, 'channel.templates_sync', { type: 'channel', id: channelId });
  });
}
