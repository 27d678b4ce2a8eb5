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
