-- audit log 审计: appended on the hot path unsealed; a job seals entries into a hash chain
CREATE TABLE audit_entries (
  tenant_id text NOT NULL,
  id bigserial,
  seq bigint,                 -- position in the tenant's chain, set when sealed
  actor text NOT NULL,
  action text NOT NULL,
  target_type text,
  target_id text,
  data jsonb,
  created_at timestamptz NOT NULL,
  prev_hash bytea,
  hash bytea,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX audit_chain ON audit_entries (tenant_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX audit_unsealed ON audit_entries (tenant_id, id) WHERE seq IS NULL;
CREATE TABLE audit_heads (
  tenant_id text PRIMARY KEY,
  seq bigint NOT NULL,
  hash bytea NOT NULL,
  sealed_at timestamptz NOT NULL
);
