-- keys of the platform's own operators (kqp_…): outside every tenant, they create, list and disable tenants
CREATE TABLE platform_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  key_hash bytea NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
