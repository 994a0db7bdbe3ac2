/** POST /messages/:id/rating — an agent rates a bot answer 👍/👎 (JSON or form; htmx gets a fragment). */
import { Elysia } from 'elysia';
import { rateBotMessage, ratingSchema } from '../../ai/kb/ratings';
import { html } from '../../lib/html';
import type { HttpDeps } from '../deps';
import { requestContext, requireUser } from '../request-context';
import { htmlResponse } from '../respond';

/** The rating route. */
export function botRatingRoutes(deps: HttpDeps) {
  return new Elysia({ name: 'bot-ratings' })
    .use(requestContext(deps))
    .post('/messages/:id/rating', ({ params, body, auth, isHtmx, page }) => {
      const user = requireUser(auth);
      const { rating } = ratingSchema.parse(body ?? {});
      rateBotMessage(deps.core, user, params.id, rating);
      if (isHtmx) return htmlResponse(html`<span class="bot-rated" data-rating="${rating}">${rating === 'up' ? '👍' : '👎'} ${page.t('ai.rated')}</span>`);
      return { ok: true, rating };
    });
}
