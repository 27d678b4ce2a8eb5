-- Sign-in hardening 登录加固.
-- username_key: the one normalisation of a username (NFKC, then lower case), computed in JS
-- (operators/username.ts) and used for every look-up and uniqueness check. PostgreSQL lower()
-- disagrees with JS toLowerCase() (lower('admİn') is 'admin'), so it is no longer used for names.
-- Existing rows are keyed by JS at start (backfillUsernameKeys); until then the key is NULL.
ALTER TABLE operators ADD COLUMN username_key text;
DROP INDEX operators_username;
DROP INDEX operators_username_any;
CREATE UNIQUE INDEX operators_username_key ON operators (tenant_id, username_key);
-- signing in without naming the tenant looks the key up across tenants
CREATE INDEX operators_username_key_any ON operators (username_key);
-- Attempt budgets: a password is checked only after one conditional upsert takes an attempt from
-- the budget of the account (subject 'op:<id>'; for a name that is no account, a subject derived
-- from the name, with the same limits) and of the caller's address ('ip:<address>', tenant '*').
-- failures: answered wrong within the window; in_flight: taken, not yet answered.
CREATE TABLE signin_budgets (
  tenant_id text NOT NULL,
  subject text NOT NULL,
  failures int NOT NULL DEFAULT 0,
  in_flight int NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, subject)
);
DROP TABLE login_failures;
