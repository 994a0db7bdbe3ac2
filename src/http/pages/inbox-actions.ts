/**
 * Inbox actions (htmx posts, CSRF-checked globally): send/note, react, retry, assign, status,
 * priority, labels, mark unread, contact edits; and, for admins, the kept content of a deleted message. Every route checks that the user may see the
 * conversation (404 otherwise) and delegates to core; changes reach other agents via events.
 * Composer errors (422 window closed, 403 only-assignee) come back as an inline notice.
 */
import { Elysia, t as schema } from 'elysia';
import { z } from 'zod';
import { updateContact } from '../../core/contacts';
import { changeStatusAs, getVisibleConversationOrThrow, setConversationPriority, takeOverAs, transferAs } from '../../core/conversation-actions';
import { listTeams } from '../../core/teams';
import { listActiveUsers } from '../../core/users';
import { DomainError, fail } from '../../core/errors';
import { markConversationUnread } from '../../core/inbox-read';
import { createLabel, labelsOfConversation, listLabels, setConversationLabel } from '../../core/labels';
import { reactToMessage, retryFailedMessage } from '../../core/message-actions';
import { getMessageOrThrow, sendMessage } from '../../core/messages';
import { deletedContentFor } from '../../core/message-revisions';
import { getVisibleContactOrThrow } from '../../core/contacts';
import { CONVERSATION_STATUSES } from '../../db/schema/enums';
import { notice } from '../../../views/components/form';
import { sidebarLabels } from '../../../views/inbox/sidebar';
import { statusActions, statusChip } from '../../../views/inbox/status-actions';
import { transferForm } from '../../../views/inbox/transfer';
import { messageContent } from '../../../views/inbox/message-content';
import { html } from '../../lib/html';
import type { HttpDeps } from '../deps';
import { formFailureText } from '../form-errors';
import { inboxBulkActions } from './inbox-bulk';
import { actorOf, requestContext, requireUser } from '../request-context';
import { htmlResponse, redirect, STATUS_OF } from '../respond';

const sendSchema = schema.Object({
  content: schema.Optional(schema.String({ maxLength: 4096 })),
  private: schema.Optional(schema.String()),
  replyTo: schema.Optional(schema.String({ maxLength: 64 })),
  template: schema.Optional(schema.String({ maxLength: 200 })),
  attachmentIds: schema.Optional(schema.Union([schema.String(), schema.Array(schema.String(), { maxItems: 10 })])),
  _csrf: schema.Optional(schema.String()),
});

/**
 * The status form. `until` is an absolute instant (ISO 8601 with `Z` or an offset): the browser
 * converts its datetime-local input in its own time zone, so the server never guesses a zone.
 * Whether it is in the future is checked against the app clock by the lifecycle (422).
 */
export const statusFormSchema = z.object({
  status: z.enum(CONVERSATION_STATUSES),
  until: z.union([z.literal(''), z.iso.datetime({ offset: true, message: 'Give the snooze end as a date and time with its time zone' })]).optional(),
  untilReply: z.literal('true').optional(),
  _csrf: z.string().optional(),
});

/** Routes that change conversations from the inbox. */
export function inboxActions(deps: HttpDeps) {
  const { core } = deps;
  const ok = () => new Response(null, { status: 204 });
  return new Elysia({ name: 'inbox-actions' })
    .use(requestContext(deps))
    .use(inboxBulkActions(deps))
    .post('/inbox/c/:id/messages', ({ auth, ip, params, body, page }) => {
      const user = requireUser(auth);
      const conversation = getVisibleConversationOrThrow(core, user, params.id);
      const [tplName, tplLang] = (body.template ?? '').split('|');
      const ids = body.attachmentIds === undefined ? [] : Array.isArray(body.attachmentIds) ? body.attachmentIds : [body.attachmentIds];
      try {
        sendMessage(core, conversation.id, actorOf(auth, ip), {
          content: body.content ?? '', private: body.private === 'true', replyTo: body.replyTo || undefined,
          attachmentIds: ids.filter(Boolean),
          template: tplName && tplLang ? { name: tplName, language: tplLang, body: [] } : undefined,
        });
        return htmlResponse('');
      } catch (error) {
        const text = formFailureText(error, page.t);
        return htmlResponse(notice('error', text), error instanceof DomainError ? STATUS_OF[error.code] : 422);
      }
    }, { body: sendSchema })
    .post('/inbox/messages/:id/react', ({ auth, params, body }) => {
      const user = requireUser(auth);
      getVisibleConversationOrThrow(core, user, getMessageOrThrow(core, params.id).conversationId);
      reactToMessage(core, params.id, body.emoji, user);
      return ok();
    }, { body: schema.Object({ emoji: schema.String({ maxLength: 16 }), _csrf: schema.Optional(schema.String()) }) })
    .get('/inbox/messages/:id/deleted-content', ({ auth, ip, params, page }) => {
      const user = requireUser(auth);
      getVisibleConversationOrThrow(core, user, getMessageOrThrow(core, params.id).conversationId);
      const { message, attachments } = deletedContentFor(core, actorOf(auth, ip), params.id);
      return htmlResponse(html`<div class="deleted-content"><small class="muted">${page.t('inbox.deleted.content_title')}</small>${messageContent(page.t, message, attachments)}</div>`);
    })
    .post('/inbox/messages/:id/retry', ({ auth, ip, params }) => {
      const user = requireUser(auth);
      getVisibleConversationOrThrow(core, user, getMessageOrThrow(core, params.id).conversationId);
      retryFailedMessage(core, params.id, actorOf(auth, ip));
      deps.jobs.poke();
      return ok();
    })
    .post('/inbox/c/:id/assign', ({ auth, ip, params, body, page, isHtmx }) => {
      const [kind, id] = (body.target ?? '').split(':');
      const target = kind === 'user' ? { assigneeId: id! } : kind === 'team' ? { teamId: id!, assigneeId: null } : { assigneeId: null };
      try {
        const { conversation } = transferAs(core, actorOf(auth, ip), params.id, target, body.note ?? null);
        return isHtmx ? htmlResponse(transferForm(page.t, conversation, listActiveUsers(core), listTeams(core))) : ok();
      } catch (error) {
        if (!isHtmx || !(error instanceof DomainError)) throw error;
        return htmlResponse(notice('error', formFailureText(error, page.t)), STATUS_OF[error.code], { 'HX-Retarget': `#transfer-error-${params.id}`, 'HX-Reswap': 'innerHTML' });
      }
    }, { body: schema.Object({ target: schema.Optional(schema.String({ maxLength: 80 })), note: schema.Optional(schema.String({ maxLength: 500 })), _csrf: schema.Optional(schema.String()) }) })
    .post('/inbox/c/:id/take-over', ({ auth, ip, params, isHtmx }) => {
      takeOverAs(core, actorOf(auth, ip), params.id);
      return redirect(`/inbox/c/${params.id}`, isHtmx);
    })
    .post('/inbox/c/:id/status', ({ auth, ip, params, body, page, isHtmx }) => {
      const conversation = changeStatusAs(core, actorOf(auth, ip), params.id, {
        status: body.status, snoozeUntil: body.until ? Date.parse(body.until) : null, snoozeUntilReply: body.untilReply === 'true',
      });
      return isHtmx ? htmlResponse(html`${statusActions(page.t, conversation)}${statusChip(page.t, conversation, { oob: true })}`) : ok();
    }, { body: statusFormSchema })
    .post('/inbox/c/:id/priority', ({ auth, ip, params, body }) => {
      const user = requireUser(auth);
      setConversationPriority(core, getVisibleConversationOrThrow(core, user, params.id).id, body.priority, actorOf(auth, ip));
      return ok();
    }, { body: schema.Object({ priority: schema.String({ maxLength: 20 }), _csrf: schema.Optional(schema.String()) }) })
    .post('/inbox/c/:id/labels', ({ auth, ip, params, body, page, isHtmx }) => {
      const user = requireUser(auth);
      const conversation = getVisibleConversationOrThrow(core, user, params.id);
      const actor = actorOf(auth, ip);
      const labelId = body.labelId ?? (body.name ? createLabel(core, { name: body.name }, actor).id : null);
      if (!labelId) throw fail.badRequest('Choose or name a label', { field: 'name' });
      setConversationLabel(core, conversation.id, labelId, body.on !== 'false', actor);
      return isHtmx ? htmlResponse(sidebarLabels(page.t, conversation.id, labelsOfConversation(core, conversation.id), listLabels(core))) : ok();
    }, { body: schema.Object({ labelId: schema.Optional(schema.String({ maxLength: 64 })), name: schema.Optional(schema.String({ maxLength: 40 })), on: schema.Optional(schema.String()), _csrf: schema.Optional(schema.String()) }) })
    .post('/inbox/c/:id/unread', ({ auth, params }) => {
      const user = requireUser(auth);
      markConversationUnread(core, user.id, getVisibleConversationOrThrow(core, user, params.id).id);
      return ok();
    })
    .post('/inbox/contacts/:id', ({ auth, params, body }) => {
      const user = requireUser(auth);
      const contact = getVisibleContactOrThrow(core, user, params.id);
      const form = body as Record<string, string>;
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(form)) if (k.startsWith('attr:') && v.trim()) attrs[k.slice(5)] = v;
      if (form.newKey?.trim() && form.newValue?.trim()) attrs[form.newKey.trim()] = form.newValue;
      updateContact(core, contact.id, { customAttributes: attrs, notes: form.notes ?? contact.notes });
      return ok();
    }, { body: schema.Record(schema.String(), schema.String()) });
}
