/**
 * The sidebar panel: its slot renderer and the htmx routes its forms post to. Each route answers
 * with the whole re-rendered panel (status 200 even for a refused form, so htmx swaps it in and
 * the person sees the message next to the field).
 */
import type { Contact, Conversation, Locale, PluginApp, SlotContext } from 'turno/plugin';
import { htmlResponse, type Crm } from './context';
import type { Caller } from './deals';
import { nameOf } from './format';
import { panel, type PanelData } from './panel';

type PanelState = Pick<PanelData, 'notice' | 'error'>;

/** The panel of `conversation` as seen by a user in `locale`. */
function renderPanel(crm: Crm, conversation: Conversation, contact: Contact | null, locale: Locale, csrfToken: string, state: PanelState = {}) {
  return panel({
    conversationId: conversation.id,
    contactName: contact?.name || contact?.phone || '',
    deals: crm.store.openDealsOfContact(conversation.contactId),
    pipelines: crm.store.listPipelines(),
    defaultCurrency: crm.settings().currency,
    t: crm.tr(locale),
    locale,
    csrfToken,
    ...state,
  });
}

/** The `contact-sidebar` slot: the inbox renders it only for a conversation the user can see. */
export function sidebarSlot(crm: Crm) {
  return (ctx: SlotContext) => (ctx.conversation ? renderPanel(crm, ctx.conversation, ctx.contact ?? null, ctx.locale, ctx.csrfToken) : '');
}

/** A form body as strings (what was typed, to show again after a refusal). */
function typed(body: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** Mounts `/panel/:conversationId…` on the plugin's signed-in routes. */
export function panelRoutes(crm: Crm) {
  return (app: PluginApp) => {
    /** The conversation (and its contact) when the caller may see it. */
    const visible = (caller: Caller, id: string) => {
      const conversation = caller.core.getConversation(id);
      return conversation ? { conversation, contact: caller.core.getContact(conversation.contactId) } : null;
    };
    const hidden = (locale: Locale) => htmlResponse(crm.tr(locale)('crm.error.conversation'), 404);

    return app
      .get('/panel/:conversationId', ({ params, user, core, locale, csrfToken }) => {
        const found = visible({ user: user!, core }, params.conversationId);
        return found ? htmlResponse(renderPanel(crm, found.conversation, found.contact, locale, csrfToken)) : hidden(locale);
      })
      .post('/panel/:conversationId/deals', ({ params, body, user, core, locale, csrfToken }) => {
        const caller = { user: user!, core };
        const found = visible(caller, params.conversationId);
        if (!found) return hidden(locale);
        const t = crm.tr(locale);
        const result = crm.deals.create({ ...(body as object), conversationId: found.conversation.id }, caller);
        const state: PanelState = result.ok
          ? { notice: t('crm.panel.created') }
          : { error: { message: t(result.key), field: result.field, values: typed(body) } };
        return htmlResponse(renderPanel(crm, found.conversation, found.contact, locale, csrfToken, state));
      })
      .post('/panel/:conversationId/deals/:dealId/move', ({ params, body, user, core, locale, csrfToken }) => {
        const caller = { user: user!, core };
        const found = visible(caller, params.conversationId);
        if (!found) return hidden(locale);
        const t = crm.tr(locale);
        const result = crm.deals.move(params.dealId, body, caller);
        const notice = result.ok ? t('crm.panel.moved', { stage: nameOf(result.value.stage, t) }) : t(result.key);
        return htmlResponse(renderPanel(crm, found.conversation, found.contact, locale, csrfToken, { notice }));
      });
  };
}
