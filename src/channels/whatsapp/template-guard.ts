/**
 * Send guard: on WhatsApp channels a template may only be sent when the stored copy of that
 * template (channel + name + language, refreshed by the templates sync) is APPROVED.
 */
import { and, eq } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { fail } from '../../core/errors';
import type { TurnoFilters } from '../../core/filters';
import { channels, messageTemplates } from '../../db/schema';

/** Refuses (422, field `template`) templates that are unknown or not approved on the conversation's channel. */
export function requireApprovedTemplate(core: Core, { conversation, input }: TurnoFilters['message.beforeSend']): void {
  if (!input.template || input.private) return;
  const channel = core.db.select({ type: channels.type }).from(channels).where(eq(channels.id, conversation.channelId)).get();
  if (channel?.type !== 'whatsapp') return;
  const { name, language } = input.template;
  const stored = core.db.select({ status: messageTemplates.status }).from(messageTemplates).where(and(
    eq(messageTemplates.channelId, conversation.channelId), eq(messageTemplates.name, name), eq(messageTemplates.language, language),
  )).get();
  if (!stored) {
    throw fail.unprocessable(`There is no template "${name}" in ${language} on this number. Sync the templates (Admin → Channels) or check the name and language.`, { field: 'template' });
  }
  if (stored.status !== 'APPROVED') {
    throw fail.unprocessable(`The template "${name}" (${language}) is ${stored.status}; only templates approved by Meta can be sent.`, { field: 'template' });
  }
}

/** Registers the guard as a `message.beforeSend` hook of this app. */
export function installTemplateGuard(core: Core): void {
  core.hooks.before('message.beforeSend', (value) => requireApprovedTemplate(core, value));
}
