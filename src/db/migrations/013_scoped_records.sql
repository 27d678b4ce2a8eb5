-- Idempotency records belong to the principal that made them (API key, operator, member): a key
-- sent by another caller of the same tenant is a fresh request, never a replay of someone else's
-- answer. Records made before this migration have no principal and no longer replay.
ALTER TABLE idempotency_keys ADD COLUMN principal text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (tenant_id, principal, key);

-- A redemption carries its card's channel, so a channel sees exactly its cards' redemptions.
ALTER TABLE redemptions ADD COLUMN channel_id text;
UPDATE redemptions r SET channel_id = c.channel_id FROM cards c WHERE c.tenant_id = r.tenant_id AND c.id = r.card_id AND c.channel_id IS NOT NULL;
CREATE INDEX redemptions_channel ON redemptions (tenant_id, channel_id, created_at) WHERE channel_id IS NOT NULL;
