/**
 * CRM plugin: sales pipelines and deals next to the conversation. Written only against the public
 * plugin API (`turno/plugin`), so it doubles as the example integrators copy. See README.md.
 *
 * - migrations/0001_crm.sql  the crm_* tables (applied once by the host)
 * - store.ts                 SQL on those tables
 * - deals.ts                 deal actions with Turno's permissions (via the route context's core)
 * - panel*.ts, board*.ts     the contact-sidebar panel and the board page
 * - api-routes.ts            the JSON API under /plugins/crm/api/
 */
import { definePlugin } from 'turno/plugin';
import { apiRoutes } from './api-routes';
import { boardRoutes } from './board-routes';
import { settingsSchema, type Crm } from './context';
import { createDeals } from './deals';
import { messages } from './messages';
import { panelRoutes, sidebarSlot } from './panel-routes';
import { createStore } from './store';

export default definePlugin({
  id: 'crm',
  name: 'CRM',
  version: '0.1.0',
  description: 'Sales pipelines and deals: a panel in the contact sidebar, a board, a JSON API',
  settings: settingsSchema,
  messages,
  setup(api) {
    const store = createStore(api.db);
    // First setup: a default "Sales" pipeline whose names follow each viewer's language.
    store.ensureDefaultPipeline();
    const settings = () => api.settings() ?? settingsSchema.parse({});
    const crm: Crm = {
      store,
      deals: createDeals(store, () => settings().currency),
      settings,
      tr: (locale) => (key, vars) => api.t(key, vars, locale),
    };

    // A message in or out is activity on the conversation's open deals (the board's "rotting" mark).
    api.on('message.created', ({ message }) => store.touchConversation(message.conversationId, message.createdAt));

    api.routes(panelRoutes(crm));
    api.routes(boardRoutes(crm));
    api.routes(apiRoutes(crm));
    api.slot('contact-sidebar', sidebarSlot(crm));
    api.slot('nav', { path: '/board', label: 'crm.nav' });
  },
});
