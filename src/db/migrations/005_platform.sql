-- idempotency records: same key + same request = the first answer again
CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL,
  key text NOT NULL,
  request_hash bytea NOT NULL,
  status_code int NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

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

-- durable jobs: claimed with FOR UPDATE SKIP LOCKED, retried with backoff, never lost on restart
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  tenant_id text,
  job_type text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  singleton text,            -- at most one pending job per singleton key
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 10,
  locked_until timestamptz,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed')),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE state = 'pending';
CREATE UNIQUE INDEX jobs_singleton ON jobs (singleton) WHERE state = 'pending' AND singleton IS NOT NULL;

-- webhooks: endpoints and the outbox of deliveries, written in the same transaction as the event
CREATE TABLE webhook_endpoints (
  tenant_id text NOT NULL,
  id text NOT NULL,
  url text NOT NULL,
  secret_enc text NOT NULL,
  event_types text[] NOT NULL DEFAULT '{}',   -- empty = all
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE webhook_deliveries (
  tenant_id text NOT NULL,
  id bigserial,
  endpoint_id text NOT NULL,
  event_id bigint NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_status int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id, id);
