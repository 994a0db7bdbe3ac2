/**
 * Inbox pages: `/inbox` (list), `/inbox/list` (next keyset page for infinite scroll),
 * `/inbox/counts` (the view count badges and unread marker for the tab's filters, out of band),
 * `/inbox/c/:id` (deep link: the full page with the thread open; htmx row clicks swap only the
 * thread pane out of it), `/inbox/c/:id/transcript` (printable, without private notes). Opening a
 * conversation marks it read for the agent.
 */
import { Elysia, t as schema } from 'elysia';
import { getVisibleConversationOrThrow } from '../../core/conversation-actions';
import { getChannelOrThrow } from '../../core/channels';
import { getContactOrThrow } from '../../core/contacts';
import { markConversationRead, threadMessages, timelineNames, unreadMineCount } from '../../core/inbox-read';
import { transcriptMessages } from '../../core/transcript';
import { transcriptPage } from '../../../views/inbox/transcript';
import { loadThreadPage } from '../../core/thread-pages';
import { olderPage } from '../../../views/inbox/thread-paging';
import type { PublicUser } from '../../core/types';
import { latestSeq } from '../../realtime/outbox';
import { countsRefresh, listPane, listRows, type ListQuery } from '../../../views/inbox/list';
import { inboxLayout } from '../../../views/inbox/page';
import { contactSidebar } from '../../../views/inbox/sidebar';
import { emptyThreadPane, threadPane } from '../../../views/inbox/thread';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse } from '../respond';
import { listCounts, listPage, listPaneData, sidebarData, threadPaneData } from './inbox-data';

const listQuerySchema = schema.Object({
  view: schema.Optional(schema.String({ maxLength: 20 })),
  teamId: schema.Optional(schema.String({ maxLength: 64 })),
  status: schema.Optional(schema.String({ maxLength: 20 })),
  channelId: schema.Optional(schema.String({ maxLength: 64 })),
  labelId: schema.Optional(schema.String({ maxLength: 64 })),
  priority: schema.Optional(schema.String({ maxLength: 20 })),
  assigneeId: schema.Optional(schema.String({ maxLength: 64 })),
  sort: schema.Optional(schema.String({ maxLength: 20 })),
  cursor: schema.Optional(schema.String({ maxLength: 200 })),
  /** Jump target: the thread loads around this message id (search results link here). */
  m: schema.Optional(schema.String({ maxLength: 64 })),
});

function listQuery(user: PublicUser, q: Record<string, string | undefined>): ListQuery {
  const view = q.view ?? (user.role === 'agent' ? 'mine' : 'all');
  return { view, teamId: q.teamId, status: q.status ?? (view === 'mentions' ? undefined : 'open'), channelId: q.channelId, labelId: q.labelId, priority: q.priority, assigneeId: q.assigneeId, sort: q.sort };
}

/** Inbox routes. */
export function inboxPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'inbox-pages' })
    .use(requestContext(deps))
    .get('/inbox', ({ auth, page, query }) => {
      const user = requireUser(auth);
      const q = listQuery(user, query);
      const list = listPaneData(core, user, q, null);
      return htmlResponse(inboxLayout(page, { list: listPane(page.t, list), thread: emptyThreadPane(page.t), sidebar: null, seq: latestSeq(core), unread: list.unread }));
    }, { query: listQuerySchema })
    .get('/inbox/counts', ({ auth, query }) => {
      const user = requireUser(auth);
      return htmlResponse(countsRefresh(listCounts(core, user, listQuery(user, query)), unreadMineCount(core, user.id)));
    }, { query: listQuerySchema })
    .get('/inbox/list', ({ auth, page, query }) => {
      const user = requireUser(auth);
      const q = listQuery(user, query);
      const { rows, nextCursor } = listPage(core, user, q, query.cursor);
      return htmlResponse(listRows(page.t, { rows, nextCursor, query: q, activeId: null, now: core.clock.now() }));
    }, { query: listQuerySchema })
    .get('/inbox/c/:id', ({ auth, page, params, query }) => {
      const user = requireUser(auth);
      const conversation = getVisibleConversationOrThrow(core, user, params.id);
      const seq = latestSeq(core);
      markConversationRead(core, user, conversation);
      const q = listQuery(user, query);
      const data = threadPaneData(core, conversation, { around: query.m, viewer: user });
      const list = listPaneData(core, user, q, conversation.id);
      const sidebar = sidebarData(core, user, conversation);
      const slotContext = { t: page.t, locale: page.locale, user, csrfToken: page.csrfToken ?? '', conversation, contact: sidebar.contact };
      const slots = deps.plugins.slots;
      return htmlResponse(inboxLayout(page, {
        list: listPane(page.t, list), unread: list.unread,
        thread: threadPane(page.t, { ...data, plugins: { actions: slots.render('conversation-actions', slotContext), composer: slots.render('composer-actions', slotContext) } }),
        sidebar: contactSidebar(page.t, { ...sidebar, pluginPanels: slots.render('contact-sidebar', slotContext) }),
        seq, title: data.contactName,
      }));
    }, { query: listQuerySchema })
    .get('/inbox/c/:id/older', ({ auth, page, params, query }) => {
      const conversation = getVisibleConversationOrThrow(core, requireUser(auth), params.id);
      const older = loadThreadPage(core, conversation.id, { before: query.before });
      return htmlResponse(olderPage(page.t, conversation.id, older, timelineNames(core, older.thread.events)));
    }, { query: schema.Object({ before: schema.String({ maxLength: 64 }) }) })
    .get('/inbox/c/:id/transcript', ({ auth, page, params }) => {
      const conversation = getVisibleConversationOrThrow(core, requireUser(auth), params.id);
      const contact = getContactOrThrow(core, conversation.contactId);
      return htmlResponse(transcriptPage(page, {
        conversation, contactName: contact.name || contact.phone || page.t('inbox.unknown_contact'), contactPhone: contact.phone,
        channelName: getChannelOrThrow(core, conversation.channelId).name, messages: threadMessages(core, transcriptMessages(core, conversation.id)).messages,
      }));
    });
}
