-- 导出记录: every export of a batch's codes — who, when, how many, which codes (by their place in the
-- batch, never the codes themselves) — so a lost file can be fetched again for a while, re-rendered
-- from the same card rows.
CREATE TABLE batch_exports (
  tenant_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('new', 'reissue')), -- new: taken out of stock now; reissue: codes already out, listed again
  actor text NOT NULL,            -- operator:<username> | key:<key id>, as the audit log names them
  actor_name text NOT NULL,       -- the person or key's name when it exported
  channel_id text,
  requested int,                  -- the limit asked for (NULL: all that were left)
  codes int NOT NULL DEFAULT 0,   -- codes written so far (each chunk commits its count with its codes)
  seq_from bigint,                -- first and last code of the export, by generation order in the batch
  seq_to bigint,
  last_at timestamptz NOT NULL,   -- the last chunk's time (a reissue is the codes out by then)
  refetch_until timestamptz NOT NULL,
  refetches int NOT NULL DEFAULT 0,
  last_refetch_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX batch_exports_batch ON batch_exports (tenant_id, batch_id, created_at DESC);
