-- Channel allocation 渠道分配: append-only records of what went down the channel tree. A grant gives
-- a channel issue quota of a batch (or pre-generated codes of a pool batch) from its parent (the
-- brand: from_channel_id NULL); a revoke takes back what it holds unissued, to its parent; a
-- transfer moves holdings to a sibling or below. What a channel holds is not kept here: it is the
-- balance of its quota account of the batch in the ledger (owner channel, asset quota, name
-- 'batch:<batch id>', lower bound 0), moved by the same transaction's ledger transfer (transfer_id).
CREATE TABLE allocations (
  tenant_id text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('grant', 'revoke', 'transfer')),
  batch_id text NOT NULL,
  from_channel_id text,               -- NULL: the brand
  to_channel_id text,                 -- NULL: the brand (a revoke from a top-level channel)
  quantity bigint NOT NULL CHECK (quantity > 0),
  codes boolean NOT NULL,             -- pre-generated codes of a pool batch (the cards move too), or issue quota
  params jsonb NOT NULL DEFAULT '{}', -- tracking parameters (campaign, source id…): carried by the cards issued under it
  transfer_id bigint NOT NULL,        -- the ledger transfer that moved the holding
  actor text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (from_channel_id IS NOT NULL OR to_channel_id IS NOT NULL)
);
CREATE INDEX allocations_from ON allocations (tenant_id, from_channel_id, id);
CREATE INDEX allocations_to ON allocations (tenant_id, to_channel_id, batch_id, id);
CREATE INDEX allocations_batch ON allocations (tenant_id, batch_id, id);
-- Append-only, like the ledger: the service only INSERTs (a change is a new revoke or transfer).
