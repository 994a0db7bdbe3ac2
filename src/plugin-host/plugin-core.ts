/**
 * The domain calls plugins make (`api.core`, and `core` in a route's context). As the plugin it
 * acts as a system actor `plugin:<id>`; on behalf of a user it goes through the same permission
 * checks as the inbox and the REST API (visibility, who may assign, reply locks).
 */
import { assignConversation } from '../core/assignment';
import { assignAs, getVisibleConversationOrThrow } from '../core/conversation-actions';
import { getContactOrThrow, getVisibleContactOrThrow, updateContact, upsertContactIdentity } from '../core/contacts';
import type { Core } from '../core/context';
import { getConversationOrThrow } from '../core/conversations';
import { DomainError, fail } from '../core/errors';
import { canonicalWaId, toE164 } from '../channels/whatsapp/phone';
import { createLabel, setConversationLabel } from '../core/labels';
import { listThread, sendMessage } from '../core/messages';
import type { Actor, PublicUser } from '../core/types';
import { transaction } from '../db/client';
import type { PluginCore } from './types';

/** Null instead of a not-found error (the caller asked "is it there for me?"). */
function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

/** Core calls acting as the plugin itself (no user; a system actor named `plugin:<id>`). */
export function pluginCoreAsPlugin(core: Core, pluginId: string): PluginCore {
  const actor: Actor = { type: 'system', name: `plugin:${pluginId}` };
  return buildCore(core, actor, (id) => getConversationOrThrow(core, id), (id) => getContactOrThrow(core, id),
    (conversationId, target) => assignConversation(core, conversationId, target, actor, { mode: 'plugin', plugin: pluginId }).conversation);
}

/** Core calls on behalf of `user`, with their permissions. */
export function pluginCoreAsUser(core: Core, user: PublicUser): PluginCore {
  const actor = { type: 'user', user } as const;
  return buildCore(core, actor, (id) => getVisibleConversationOrThrow(core, user, id), (id) => getVisibleContactOrThrow(core, user, id),
    (conversationId, target) => assignAs(core, actor, conversationId, target).conversation);
}

function buildCore(
  core: Core,
  actor: Actor,
  conversation: (id: string) => ReturnType<typeof getConversationOrThrow>,
  contact: (id: string) => ReturnType<typeof getContactOrThrow>,
  assign: PluginCore['assign'],
): PluginCore {
  return {
    getConversation: (id) => orNull(() => conversation(id)),
    listMessages(conversationId, opts = {}) {
      conversation(conversationId);
      return listThread(core, conversationId, opts);
    },
    sendMessage(conversationId, input) {
      conversation(conversationId);
      return sendMessage(core, conversationId, actor, input);
    },
    addNote(conversationId, text) {
      conversation(conversationId);
      return sendMessage(core, conversationId, actor, { content: text, private: true });
    },
    addLabel(conversationId, labelName) {
      conversation(conversationId);
      return transaction(core.db, () => {
        const label = createLabel(core, { name: labelName }, actor);
        setConversationLabel(core, conversationId, label.id, true, actor);
        return label;
      });
    },
    assign,
    getContact: (id) => orNull(() => contact(id)),
    createContact(input) {
      const phone = toE164(input.phone);
      if (!phone) throw fail.unprocessable(`"${input.phone}" is not a valid phone number; write it with the country code, e.g. +34 600 000 000`, { field: 'phone' });
      const waId = canonicalWaId(phone);
      return transaction(core.db, () => upsertContactIdentity(core, { channelId: input.channelId, externalId: waId, rawId: waId, profileName: input.name ?? null, phone }));
    },
    updateContact(id, changes) {
      contact(id);
      return updateContact(core, id, changes);
    },
  };
}
