CREATE TABLE members (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  external_id text,
  name text,
  phone_enc text,          -- AES-256-GCM, key id inside
  phone_hash bytea,        -- HMAC, for lookup by phone
  phone_last4 text,
  birthday date,
  tier text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX members_external ON members (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX members_phone ON members (tenant_id, phone_hash) WHERE phone_hash IS NOT NULL;
