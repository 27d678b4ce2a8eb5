-- operators 运营账号: people who sign in to the console or the clerk page with a password.
CREATE TABLE operators (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  username text NOT NULL,
  display_name text,
  role text NOT NULL CHECK (role IN ('owner','operator','analyst','clerk')),
  store_ids text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,      -- scrypt$N$r$p$salt$hash, never the password
  disabled_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX operators_username ON operators (tenant_id, lower(username));
-- signing in without naming the tenant looks the username up across tenants
CREATE INDEX operators_username_any ON operators (lower(username));
-- Sessions: only the SHA-256 of the token is kept. Like api_keys, the token says which tenant it is.
CREATE TABLE operator_sessions (
  tenant_id text NOT NULL,
  id text NOT NULL,
  operator_id text NOT NULL,
  token_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX operator_sessions_token ON operator_sessions (token_hash);
CREATE INDEX operator_sessions_operator ON operator_sessions (tenant_id, operator_id);
-- Failed sign-ins per (tenant, username), whether or not the username exists, so guessing is
-- throttled the same way for both and the lock says nothing about which usernames are real.
CREATE TABLE login_failures (
  tenant_id text NOT NULL,
  username text NOT NULL,           -- lower-cased
  failures int NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (tenant_id, username)
);
