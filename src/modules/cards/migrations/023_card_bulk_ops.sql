-- 批量操作: one operator request over many cards (freeze, unfreeze, void, extend). The cards it covers
-- are fixed when it is made (the selection, or the search's matches at that moment), each changed by
-- the same service function as its single action; the job that works through them records each
-- card's outcome in the transaction that changes the card, so a crash resumes where it stopped.
CREATE TABLE card_bulk_ops (
  tenant_id text NOT NULL,
  id text NOT NULL,
  action text NOT NULL CHECK (action IN ('freeze', 'unfreeze', 'void', 'extend')),
  params jsonb NOT NULL,           -- reason, to_date, days
  filter jsonb,                    -- the search it was made from (null for a selection)
  actor text NOT NULL,             -- who asked, as the audit names them
  key_id text NOT NULL,            -- the caller's key or operator, on every event it writes
  role text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done', 'failed')),  -- failed: the job gave up (jobs.last_error says why)
  total int NOT NULL,
  done int NOT NULL DEFAULT 0,
  skipped int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE TABLE card_bulk_items (
  tenant_id text NOT NULL,
  bulk_id text NOT NULL,
  seq int NOT NULL,
  card_id text NOT NULL,
  outcome text CHECK (outcome IN ('done', 'skipped')),   -- null until the job reaches it
  code text,                       -- why it was skipped: the single action's problem code
  card_state text,                 -- the card's state when it was skipped (already voided, frozen …)
  PRIMARY KEY (tenant_id, bulk_id, seq)
);
