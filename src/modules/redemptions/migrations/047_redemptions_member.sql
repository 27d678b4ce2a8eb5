-- A member's redemptions by time: a segment's "redeemed nothing / N times in the last N days"
-- (segments, docs/growth.md) asked for one member or counted over all of them without reading the
-- tenant's whole window of redemptions.
CREATE INDEX redemptions_member ON redemptions (tenant_id, member_id, created_at) WHERE member_id IS NOT NULL;
