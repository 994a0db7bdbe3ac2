/**
 * Commands a browser tab sends over its socket, validated with zod. Unknown or malformed frames
 * are ignored (a tab must not be able to break the hub).
 *
 * `ping` is a barrier: it is answered on the same socket with `<template data-pong="token">`, after
 * every frame the server queued for that tab before it, so a client (or a test) knows what has
 * arrived by then — including that nothing else did.
 */
import { z } from 'zod';
import { getConversationOrThrow } from '../core/conversations';
import { canSeeConversation } from '../core/visibility';
import { html } from '../lib/html';
import type { HubTab } from './hub';
import type { Realtime } from './realtime';

const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), conversationId: z.string().max(64).nullable() }),
  z.object({ type: z.literal('typing'), conversationId: z.string().max(64) }),
  z.object({ type: z.literal('activity'), state: z.enum(['active', 'idle']) }),
  z.object({ type: z.literal('ping'), token: z.string().max(64) }),
  z.object({ type: z.literal('catchup'), since: z.coerce.number().int().min(0), conversationId: z.string().max(64).nullable().optional() }),
]);
export type ClientCommand = z.infer<typeof commandSchema>;

/** Parses a frame (already-decoded JSON or a string); null when it is not a valid command. */
export function parseClientCommand(raw: unknown): ClientCommand | null {
  let value = raw;
  if (typeof raw === 'string') {
    try { value = JSON.parse(raw); } catch { return null; }
  }
  const parsed = commandSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function visible(realtime: Realtime, tab: HubTab, conversationId: string): boolean {
  try {
    return canSeeConversation(realtime.core, tab.user, getConversationOrThrow(realtime.core, conversationId));
  } catch {
    return false;
  }
}

/** Applies one command from a tab. Conversation ids the user may not see are ignored. */
export function handleClientCommand(realtime: Realtime, tab: HubTab, command: ClientCommand): void {
  switch (command.type) {
    case 'view':
      if (command.conversationId === null || visible(realtime, tab, command.conversationId)) {
        realtime.hub.setViewing(tab.id, command.conversationId);
      }
      return;
    case 'typing':
      if (visible(realtime, tab, command.conversationId)) realtime.typing.typed(command.conversationId, tab.user);
      return;
    case 'activity':
      realtime.presence.reportActivity(tab, command.state);
      return;
    case 'catchup':
      if (command.conversationId && visible(realtime, tab, command.conversationId)) realtime.hub.setViewing(tab.id, command.conversationId);
      realtime.catchUp(tab, command.since);
      return;
    case 'ping':
      tab.send(html`<template data-pong="${command.token}"></template>`.toString());
      return;
  }
}
