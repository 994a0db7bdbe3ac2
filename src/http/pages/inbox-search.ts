/**
 * `GET /inbox/search`: full-text search page (core `search`). With a cursor and an htmx request
 * it answers only the next hits (infinite "more results"). Dates are calendar days in the
 * browser's time zone (`tz`, filled in by static/local-time.js; UTC when absent or unknown);
 * `until` includes the whole day.
 */
import { Elysia, t as schema } from 'elysia';
import { isValidTimeZone, wallTimeToUtc } from '../../core/routing/business-hours';
import { search, toFtsQuery } from '../../core/search';
import { visibleChannels } from '../../core/visibility';
import { searchHits, searchPage, type SearchForm } from '../../../views/inbox/search-page';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse } from '../respond';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant of midnight starting day `value` (YYYY-MM-DD, plus `addDays`) in `timeZone`; undefined when absent/invalid. */
function dayStart(value: string | undefined, timeZone: string, addDays = 0): number | undefined {
  if (!value || !DAY_RE.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d! + addDays));
  if (!Number.isFinite(day.getTime())) return undefined;
  return wallTimeToUtc(day.toISOString().slice(0, 10), 0, timeZone);
}

const searchQuerySchema = schema.Object({
  q: schema.Optional(schema.String({ maxLength: 200 })),
  channelId: schema.Optional(schema.String({ maxLength: 64 })),
  status: schema.Optional(schema.Union([schema.Literal(''), schema.Literal('open'), schema.Literal('pending'), schema.Literal('snoozed'), schema.Literal('resolved')])),
  from: schema.Optional(schema.Union([schema.Literal(''), schema.Literal('customer'), schema.Literal('agent'), schema.Literal('notes')])),
  since: schema.Optional(schema.String({ maxLength: 10 })),
  until: schema.Optional(schema.String({ maxLength: 10 })),
  tz: schema.Optional(schema.String({ maxLength: 64 })),
  cursor: schema.Optional(schema.String({ maxLength: 200 })),
});

/** The search page route. */
export function inboxSearchPages(deps: HttpDeps) {
  const { core } = deps;
  return new Elysia({ name: 'inbox-search' })
    .use(requestContext(deps))
    .get('/inbox/search', ({ auth, page, query, isHtmx }) => {
      const user = requireUser(auth);
      const form: SearchForm = {
        q: query.q ?? '', channelId: query.channelId || undefined, status: query.status || undefined, from: query.from || undefined,
        since: query.since || undefined, until: query.until || undefined, tz: query.tz || undefined,
      };
      const zone = form.tz && isValidTimeZone(form.tz) ? form.tz : 'UTC';
      const result = search(core, user, {
        q: form.q, channelId: form.channelId, status: form.status as never, from: form.from as never,
        since: dayStart(form.since, zone), until: dayStart(form.until, zone, 1), cursor: query.cursor || undefined,
      });
      if (isHtmx && query.cursor) return htmlResponse(searchHits(page.t, { messages: result.messages, nextCursor: result.nextCursor, form }));
      return htmlResponse(searchPage(page, { form, channels: visibleChannels(core, user), ...result, empty: toFtsQuery(form.q) === null }));
    }, { query: searchQuerySchema });
}
