-- API keys 接口密钥: stored as the SHA-256 of the secret, never in clear.
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
