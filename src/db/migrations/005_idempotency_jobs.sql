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
