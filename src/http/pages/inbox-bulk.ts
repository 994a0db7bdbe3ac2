/**
 * `POST /inbox/bulk`: one action on the conversations ticked in the inbox list (assign, add a
 * label, resolve, snooze until the customer replies). Each conversation goes through the same core
 * call and permission checks as its own button; the answer counts what changed and names why the
 * others did not. Other tabs see the rows change through the usual events.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { changeStatusAs, getVisibleConversationOrThrow, transferAs } from '../../core/conversation-actions';
import { DomainError } from '../../core/errors';
import { setConversationLabel } from '../../core/labels';
import type { AssignmentTarget } from '../../core/assignment';
import { html } from '../../lib/html';
import { notice } from '../../../views/components/form';
import { localizeMessage } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext } from '../request-context';
import { htmlResponse } from '../respond';

const bulkSchema = z.object({
  ids: z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (Array.isArray(v) ? v : [v])).pipe(z.array(z.string().max(64)).min(1).max(200)),
  action: z.enum(['assign', 'label', 'resolve', 'snooze']),
  target: z.string().max(80).optional(),
  labelId: z.string().max(64).optional(),
  _csrf: z.string().optional(),
});

/** `user:<id>`, `team:<id>` or `none` as an assignment. */
function targetOf(value: string | undefined): AssignmentTarget {
  const [kind, id] = (value ?? '').split(':');
  if (kind === 'user' && id) return { assigneeId: id };
  if (kind === 'team' && id) return { teamId: id, assigneeId: null };
  return { assigneeId: null };
}

/** The bulk route. */
export function inboxBulkActions(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'inbox-bulk' })
    .use(requestContext(deps))
    .post('/inbox/bulk', ({ auth, ip, body, page }) => {
      const parsed = bulkSchema.safeParse(body ?? {});
      if (!parsed.success) return htmlResponse(notice('error', page.t('bulk.pick_some')), 422);
      const { ids, action, target, labelId } = parsed.data;
      if (action === 'label' && !labelId) return htmlResponse(notice('error', page.t('bulk.pick_label')), 422);
      const actor = actorOf(auth, ip);
      const failures = new Set<string>();
      let changed = 0;
      for (const id of ids) {
        try {
          if (action === 'assign') { if (transferAs(core, actor, id, targetOf(target), null).changed) changed++; }
          else if (action === 'label') {
            setConversationLabel(core, getVisibleConversationOrThrow(core, actor.user, id).id, labelId!, true, actor);
            changed++;
          } else {
            changeStatusAs(core, actor, id, { status: action === 'resolve' ? 'resolved' : 'snoozed', snoozeUntil: null, snoozeUntilReply: action === 'snooze' });
            changed++;
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          failures.add(localizeMessage(page.t, error.message));
        }
      }
      return htmlResponse(html`${notice('success', page.t('bulk.done', { count: changed }))}${failures.size ? notice('error', [...failures].join('; ')) : ''}`);
    });
}
