/**
 * Deal actions on behalf of a signed-in user, shared by the sidebar panel, the board and the JSON
 * API. Permissions come from Turno itself through the route context's `core`, which acts as the
 * user: a conversation or contact the user may not see is `null` there, so nobody can attach a
 * deal to (or read deals through) a conversation hidden from them.
 *
 * Who sees a deal: supervisors and admins see all; an agent sees the deals they own and those
 * linked to a conversation they can see.
 */
import type { PluginCore, PublicUser } from 'turno/plugin';
import { createDealSchema, moveSchema, updateDealSchema, validate } from './schemas';
import type { CrmStore, Deal, Stage } from './store';

/** The caller of a route: the user and the permission-aware core acting as them. */
export interface Caller {
  user: PublicUser;
  core: PluginCore;
}

/** A refused action: HTTP status, a message key of messages.ts and the field at fault. */
export type Refusal = { ok: false; status: 404 | 422; key: string; field?: string };
export type Outcome<T> = { ok: true; value: T } | Refusal;

const refuse = (status: 404 | 422, key: string, field?: string): Refusal => ({ ok: false, status, key, field });

/** Deal actions over `store`; `defaultCurrency` is read per call (it comes from the settings). */
export function createDeals(store: CrmStore, defaultCurrency: () => string) {
  /** Whether `caller` may see (and therefore edit and move) `deal`. */
  function canSee(deal: Deal, caller: Caller): boolean {
    return visibleFilter(caller)(deal);
  }

  /** `canSee` for many deals of one caller: each linked conversation is looked up once. */
  function visibleFilter(caller: Caller): (deal: Deal) => boolean {
    const conversations = new Map<string, boolean>();
    const seesConversation = (id: string) => {
      if (!conversations.has(id)) conversations.set(id, caller.core.getConversation(id) !== null);
      return conversations.get(id)!;
    };
    return (deal) => caller.user.role !== 'agent' || deal.ownerId === caller.user.id
      || (deal.conversationId !== null && seesConversation(deal.conversationId));
  }

  function visible(id: string, caller: Caller): Deal | null {
    const deal = store.getDeal(id);
    return deal && canSee(deal, caller) ? deal : null;
  }

  /** The stage named, or the first stage of the first pipeline. */
  function stageOrDefault(stageId: string | undefined): Stage | null {
    if (stageId) return store.getStage(stageId);
    return store.listPipelines()[0]?.stages[0] ?? null;
  }

  return {
    canSee,
    visibleFilter,
    visible,

    /** Creates a deal from form or JSON `input`, linked to a conversation (and its contact) the caller can see. */
    create(input: unknown, caller: Caller): Outcome<Deal> {
      const parsed = validate(createDealSchema, input);
      if (!parsed.ok) return refuse(422, parsed.key, parsed.field);
      const d = parsed.data;
      const conversation = d.conversationId ? caller.core.getConversation(d.conversationId) : null;
      if (d.conversationId && !conversation) return refuse(404, 'crm.error.conversation', 'conversationId');
      const contactId = conversation?.contactId ?? d.contactId ?? null;
      const contact = contactId ? caller.core.getContact(contactId) : null;
      if (contactId && !contact) return refuse(404, 'crm.error.contact', 'contactId');
      const stage = stageOrDefault(d.stageId);
      if (!stage) return refuse(422, 'crm.error.stage', 'stageId');
      const deal = store.createDeal({
        title: d.title, valueCents: d.value, currency: d.currency ?? defaultCurrency(), stageId: stage.id,
        contactId, contactName: contact?.name || contact?.phone || '', conversationId: conversation?.id ?? null,
        expectedCloseDate: d.expectedCloseDate, source: d.source, notes: d.notes,
      }, caller.user);
      return { ok: true, value: deal };
    },

    /** Changes a visible deal's fields. */
    update(id: string, input: unknown, caller: Caller): Outcome<Deal> {
      const deal = visible(id, caller);
      if (!deal) return refuse(404, 'crm.error.deal');
      const parsed = validate(updateDealSchema, input);
      if (!parsed.ok) return refuse(422, parsed.key, parsed.field);
      const { value, ...rest } = parsed.data;
      return { ok: true, value: store.updateDeal(id, { ...rest, valueCents: value }) };
    },

    /** Moves a visible deal to another stage, recording who moved it. */
    move(id: string, input: unknown, caller: Caller): Outcome<{ deal: Deal; stage: Stage }> {
      const deal = visible(id, caller);
      if (!deal) return refuse(404, 'crm.error.deal');
      const parsed = validate(moveSchema, input);
      if (!parsed.ok) return refuse(422, parsed.key, parsed.field);
      const stage = store.getStage(parsed.data.stageId);
      if (!stage) return refuse(422, 'crm.error.stage', 'stageId');
      return { ok: true, value: { deal: store.moveDeal(deal, stage, caller.user, parsed.data.lostReason), stage } };
    },
  };
}

export type Deals = ReturnType<typeof createDeals>;
