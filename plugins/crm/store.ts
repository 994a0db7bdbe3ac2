/**
 * The CRM's data: pipelines, stages, deals and stage history, in the plugin's own `crm_*` tables
 * (see migrations/0001_crm.sql). Plain synchronous SQL through `api.db`; no permission checks here
 * (those live in access.ts) and no HTML (views live in panel.ts and board.ts).
 */
import type { PluginDb } from 'turno/plugin';

export type Outcome = 'open' | 'won' | 'lost';

export interface Stage {
  id: string;
  pipelineId: string;
  /** Typed name, or null when the stage uses a translated default (`nameKey`). */
  name: string | null;
  nameKey: string | null;
  position: number;
  outcome: Outcome;
}

export interface Pipeline {
  id: string;
  name: string | null;
  nameKey: string | null;
  position: number;
  stages: Stage[];
}

export interface Deal {
  id: string;
  pipelineId: string;
  stageId: string;
  title: string;
  valueCents: number;
  currency: string;
  contactId: string | null;
  contactName: string;
  conversationId: string | null;
  ownerId: string | null;
  ownerName: string;
  /** YYYY-MM-DD, or null. */
  expectedCloseDate: string | null;
  source: string;
  notes: string;
  lostReason: string | null;
  /** Set while the deal sits in a won or lost stage. */
  closedAt: number | null;
  lastActivityAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface HistoryEntry {
  fromStageId: string | null;
  toStageId: string;
  userId: string | null;
  userName: string;
  movedAt: number;
}

/** Who is acting (a signed-in user; the name is copied into the history). */
export interface Actor {
  id: string;
  name: string;
}

export interface NewDeal {
  title: string;
  valueCents: number;
  currency: string;
  stageId: string;
  contactId: string | null;
  contactName: string;
  conversationId: string | null;
  expectedCloseDate: string | null;
  source: string;
  notes: string;
}

export type DealChanges = Partial<Pick<Deal, 'title' | 'valueCents' | 'currency' | 'expectedCloseDate' | 'source' | 'notes' | 'lostReason'>>;

export interface DealFilter {
  pipelineId?: string;
  stageId?: string;
  contactId?: string;
  conversationId?: string;
  ownerId?: string;
  status?: Outcome;
  /** Opaque cursor from a previous page (`nextCursor`). */
  cursor?: string;
  limit: number;
}

const STAGE_COLUMNS = 'id, pipeline_id AS pipelineId, name, name_key AS nameKey, position, outcome';
const DEAL_COLUMNS = `d.id, d.pipeline_id AS pipelineId, d.stage_id AS stageId, d.title, d.value_cents AS valueCents,
  d.currency, d.contact_id AS contactId, d.contact_name AS contactName, d.conversation_id AS conversationId,
  d.owner_id AS ownerId, d.owner_name AS ownerName, d.expected_close_date AS expectedCloseDate, d.source, d.notes,
  d.lost_reason AS lostReason, d.closed_at AS closedAt, d.last_activity_at AS lastActivityAt,
  d.created_at AS createdAt, d.updated_at AS updatedAt`;

/** The stages of the default pipeline, in order, with their message keys. */
const DEFAULT_STAGES: Array<{ key: string; outcome: Outcome }> = [
  { key: 'crm.stage.new', outcome: 'open' },
  { key: 'crm.stage.qualified', outcome: 'open' },
  { key: 'crm.stage.proposal', outcome: 'open' },
  { key: 'crm.stage.negotiation', outcome: 'open' },
  { key: 'crm.stage.won', outcome: 'won' },
  { key: 'crm.stage.lost', outcome: 'lost' },
];

/** The CRM store over the plugin's database handle. */
export function createStore(db: PluginDb, now: () => number = Date.now) {
  function stagesOf(pipelineId: string): Stage[] {
    return db.all<Stage>(`SELECT ${STAGE_COLUMNS} FROM crm_stages WHERE pipeline_id = ? ORDER BY position`, pipelineId);
  }

  function getStage(id: string): Stage | null {
    return db.get<Stage>(`SELECT ${STAGE_COLUMNS} FROM crm_stages WHERE id = ?`, id);
  }

  function getDeal(id: string): Deal | null {
    return db.get<Deal>(`SELECT ${DEAL_COLUMNS} FROM crm_deals d WHERE d.id = ?`, id);
  }

  return {
    /** Creates the default "Sales" pipeline when there is no pipeline at all (first setup). */
    ensureDefaultPipeline(): void {
      db.transaction(() => {
        if (db.get('SELECT 1 FROM crm_pipelines LIMIT 1')) return;
        const pipelineId = crypto.randomUUID();
        db.run('INSERT INTO crm_pipelines (id, name, name_key, position, created_at) VALUES (?, NULL, ?, 0, ?)', pipelineId, 'crm.pipeline.default', now());
        DEFAULT_STAGES.forEach((stage, position) => {
          db.run('INSERT INTO crm_stages (id, pipeline_id, name, name_key, position, outcome) VALUES (?, ?, NULL, ?, ?, ?)',
            crypto.randomUUID(), pipelineId, stage.key, position, stage.outcome);
        });
      });
    },

    /** Every pipeline with its stages, in order. */
    listPipelines(): Pipeline[] {
      return db.all<Omit<Pipeline, 'stages'>>('SELECT id, name, name_key AS nameKey, position FROM crm_pipelines ORDER BY position, created_at')
        .map((p) => ({ ...p, stages: stagesOf(p.id) }));
    },

    getStage,
    getDeal,

    /** Deals matching `filter`, newest first, with the cursor of the next page (null on the last). */
    listDeals(filter: DealFilter): { deals: Deal[]; nextCursor: string | null } {
      const where: string[] = [];
      const params: Array<string | number> = [];
      const add = (clause: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(clause);
        params.push(value);
      };
      add('d.pipeline_id = ?', filter.pipelineId);
      add('d.stage_id = ?', filter.stageId);
      add('d.contact_id = ?', filter.contactId);
      add('d.conversation_id = ?', filter.conversationId);
      add('d.owner_id = ?', filter.ownerId);
      add('s.outcome = ?', filter.status);
      const after = decodeCursor(filter.cursor);
      if (after) {
        where.push('(d.created_at < ? OR (d.created_at = ? AND d.id < ?))');
        params.push(after.createdAt, after.createdAt, after.id);
      }
      const rows = db.all<Deal>(`SELECT ${DEAL_COLUMNS} FROM crm_deals d JOIN crm_stages s ON s.id = d.stage_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`, ...params, filter.limit + 1);
      const deals = rows.slice(0, filter.limit);
      const last = deals[deals.length - 1];
      return { deals, nextCursor: rows.length > filter.limit && last ? `${last.createdAt}.${last.id}` : null };
    },

    /** The open deals of a contact (the sidebar panel), newest first. */
    openDealsOfContact(contactId: string): Deal[] {
      return db.all<Deal>(`SELECT ${DEAL_COLUMNS} FROM crm_deals d WHERE d.contact_id = ? AND d.closed_at IS NULL ORDER BY d.created_at DESC`, contactId);
    },

    /** The deals in a pipeline's stages (the board), oldest first within a stage. */
    dealsOfPipeline(pipelineId: string): Deal[] {
      return db.all<Deal>(`SELECT ${DEAL_COLUMNS} FROM crm_deals d WHERE d.pipeline_id = ? ORDER BY d.created_at, d.id`, pipelineId);
    },

    /** Creates a deal owned by `actor` in `input.stageId`, recording the first history entry. */
    createDeal(input: NewDeal, actor: Actor): Deal {
      const stage = getStage(input.stageId);
      if (!stage) throw new Error(`unknown stage ${input.stageId}`);
      const id = crypto.randomUUID();
      const at = now();
      db.transaction(() => {
        db.run(`INSERT INTO crm_deals (id, pipeline_id, stage_id, title, value_cents, currency, contact_id, contact_name,
            conversation_id, owner_id, owner_name, expected_close_date, source, notes, closed_at, last_activity_at, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          id, stage.pipelineId, stage.id, input.title, input.valueCents, input.currency, input.contactId, input.contactName,
          input.conversationId, actor.id, actor.name, input.expectedCloseDate, input.source, input.notes,
          stage.outcome === 'open' ? null : at, at, at, at);
        db.run('INSERT INTO crm_stage_history (deal_id, from_stage_id, to_stage_id, user_id, user_name, moved_at) VALUES (?, NULL, ?, ?, ?, ?)',
          id, stage.id, actor.id, actor.name, at);
      });
      return getDeal(id)!;
    },

    /** Applies `changes` to a deal's fields. */
    updateDeal(id: string, changes: DealChanges): Deal {
      const columns: Record<keyof DealChanges, string> = {
        title: 'title', valueCents: 'value_cents', currency: 'currency', expectedCloseDate: 'expected_close_date',
        source: 'source', notes: 'notes', lostReason: 'lost_reason',
      };
      const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as Array<[keyof DealChanges, string | number | null]>;
      if (entries.length > 0) {
        db.run(`UPDATE crm_deals SET ${entries.map(([k]) => `${columns[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
          ...entries.map(([, v]) => v), now(), id);
      }
      return getDeal(id)!;
    },

    /**
     * Moves a deal to `stage` (possibly in another pipeline) and records who did it. Entering a
     * won or lost stage closes the deal; leaving one reopens it. Moving to the current stage is a no-op.
     */
    moveDeal(deal: Deal, stage: Stage, actor: Actor, lostReason?: string): Deal {
      if (deal.stageId === stage.id) return deal;
      const at = now();
      db.transaction(() => {
        db.run(`UPDATE crm_deals SET stage_id = ?, pipeline_id = ?, closed_at = ?, lost_reason = ?, last_activity_at = ?, updated_at = ? WHERE id = ?`,
          stage.id, stage.pipelineId, stage.outcome === 'open' ? null : at,
          stage.outcome === 'lost' ? (lostReason || deal.lostReason) : null, at, at, deal.id);
        db.run('INSERT INTO crm_stage_history (deal_id, from_stage_id, to_stage_id, user_id, user_name, moved_at) VALUES (?, ?, ?, ?, ?, ?)',
          deal.id, deal.stageId, stage.id, actor.id, actor.name, at);
      });
      return getDeal(deal.id)!;
    },

    /** A deal's stage history, oldest first. */
    historyOf(dealId: string): HistoryEntry[] {
      return db.all<HistoryEntry>(`SELECT from_stage_id AS fromStageId, to_stage_id AS toStageId, user_id AS userId,
        user_name AS userName, moved_at AS movedAt FROM crm_stage_history WHERE deal_id = ? ORDER BY id`, dealId);
    },

    /** Marks activity on the open deals linked to a conversation (a message came or went). */
    touchConversation(conversationId: string, at: number): void {
      db.run('UPDATE crm_deals SET last_activity_at = ? WHERE conversation_id = ? AND closed_at IS NULL AND last_activity_at < ?', at, conversationId, at);
    },
  };
}

export type CrmStore = ReturnType<typeof createStore>;

function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | null {
  const match = cursor ? /^(\d+)\.(.+)$/.exec(cursor) : null;
  return match ? { createdAt: Number(match[1]), id: match[2]! } : null;
}
