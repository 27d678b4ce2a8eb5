-- Idempotency records belong to the principal that made them (API key, operator, member): a key
-- sent by another caller of the same tenant is a fresh request, never a replay of someone else's
-- answer. Records made before this migration have no principal and no longer replay.
ALTER TABLE idempotency_keys ADD COLUMN principal text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (tenant_id, principal, key);
