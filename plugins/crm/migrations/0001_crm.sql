-- CRM tables. Applied once by the plugin host (recorded in plugin_migrations); never edit a
-- released migration, add 0002_….sql instead.

-- A pipeline is an ordered list of stages a deal moves through (e.g. "Sales", "Wholesale").
-- `name` is what a person typed; the seeded default pipeline has a null name and a `name_key`
-- instead, so each user sees it in their own language until someone renames it.
CREATE TABLE crm_pipelines (
  id TEXT PRIMARY KEY,
  name TEXT,
  name_key TEXT,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

-- Stages in board order. `outcome` marks the closing stages: a deal in a won or lost stage is closed.
CREATE TABLE crm_stages (
  id TEXT PRIMARY KEY,
  pipeline_id TEXT NOT NULL REFERENCES crm_pipelines(id) ON DELETE CASCADE,
  name TEXT,
  name_key TEXT,
  position INTEGER NOT NULL,
  outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost'))
);
CREATE INDEX crm_stages_pipeline_idx ON crm_stages (pipeline_id, position);

-- Deals. Contact, conversation and owner are ids of Turno records; their names are copied at the
-- time of writing so lists need no core lookups. Money is in minor units (cents).
CREATE TABLE crm_deals (
  id TEXT PRIMARY KEY,
  pipeline_id TEXT NOT NULL REFERENCES crm_pipelines(id),
  stage_id TEXT NOT NULL REFERENCES crm_stages(id),
  title TEXT NOT NULL,
  value_cents INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  contact_id TEXT,
  contact_name TEXT NOT NULL DEFAULT '',
  conversation_id TEXT,
  owner_id TEXT,
  owner_name TEXT NOT NULL DEFAULT '',
  expected_close_date TEXT,
  source TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  lost_reason TEXT,
  closed_at INTEGER,
  last_activity_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX crm_deals_contact_idx ON crm_deals (contact_id, closed_at);
CREATE INDEX crm_deals_conversation_idx ON crm_deals (conversation_id);
CREATE INDEX crm_deals_stage_idx ON crm_deals (stage_id, created_at);
CREATE INDEX crm_deals_created_idx ON crm_deals (created_at, id);

-- Every stage a deal entered, who moved it and when (the first row is its creation).
CREATE TABLE crm_stage_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  deal_id TEXT NOT NULL REFERENCES crm_deals(id) ON DELETE CASCADE,
  from_stage_id TEXT,
  to_stage_id TEXT NOT NULL,
  user_id TEXT,
  user_name TEXT NOT NULL DEFAULT '',
  moved_at INTEGER NOT NULL
);
CREATE INDEX crm_stage_history_deal_idx ON crm_stage_history (deal_id, id);
