/**
 * REST API v1 (`/api/v1`), authenticated with Bearer API tokens (or a browser session plus CSRF
 * header). One Elysia instance per resource; routes translate HTTP to core calls and the rules
 * live in core. `/api/v1/webhooks` is reserved for outbound webhook subscriptions.
 */
import { Elysia } from 'elysia';
import type { HttpDeps } from '../deps';
import { aiApi } from './ai';
import { catalogApi } from './catalog';
import { contactsApi } from './contacts';
import { apiConventions } from './conventions';
import { conversationsApi } from './conversations';
import { messagesApi } from './messages';
import { peopleApi } from './people';
import { routingConfigApi } from './routing-config';
import { searchAuditApi } from './search-audit';
import { tokensApi } from './tokens';

/** The v1 API resources (the routing and channels endpoints are mounted next to it). */
export function apiV1(deps: HttpDeps) {
  return new Elysia({ name: 'api-v1' })
    .use(apiConventions(deps))
    .use(peopleApi(deps))
    .use(contactsApi(deps))
    .use(conversationsApi(deps))
    .use(messagesApi(deps))
    .use(catalogApi(deps))
    .use(routingConfigApi(deps))
    .use(aiApi(deps))
    .use(searchAuditApi(deps))
    .use(tokensApi(deps));
}
