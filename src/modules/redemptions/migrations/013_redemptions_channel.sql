-- A redemption carries its card's channel, so a channel sees exactly its cards' redemptions.
ALTER TABLE redemptions ADD COLUMN channel_id text;
UPDATE redemptions r SET channel_id = c.channel_id FROM cards c WHERE c.tenant_id = r.tenant_id AND c.id = r.card_id AND c.channel_id IS NOT NULL;
CREATE INDEX redemptions_channel ON redemptions (tenant_id, channel_id, created_at) WHERE channel_id IS NOT NULL;
