-- tenants 商户 and their API keys. Keys are stored as SHA-256 of the secret, never in clear.
CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  currency text NOT NULL DEFAULT 'CNY',
  reverse_window_minutes int NOT NULL DEFAULT 1440,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE channels (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE api_keys (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner','operator','analyst','clerk','channel')),
  key_hash bytea NOT NULL,
  key_prefix text NOT NULL,
  store_ids text[] NOT NULL DEFAULT '{}',
  channel_id text,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
-- The one lookup that cannot lead with tenant_id: the key itself says which tenant it is.
-- On Citus this table is a reference table (small, replicated).
CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash);
