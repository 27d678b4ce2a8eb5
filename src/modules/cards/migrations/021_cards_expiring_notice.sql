-- 即将过期提醒: the expiry a card.expiring event was emitted for. A card is reminded once per expiry:
-- the sweep claims a card by setting this to its valid_until in the same statement that picks it, so
-- a re-run or a second process finds nothing left; an extended card (a new valid_until) is due again.
ALTER TABLE cards ADD COLUMN expiring_noticed_for timestamptz;
-- The sweep's work list: members' active cards whose current expiry has not been reminded. A reminded
-- card leaves the index, so a million cards expiring the same day are read once, not on every run.
CREATE INDEX cards_expiring_due ON cards (tenant_id, valid_until)
  WHERE state = 'active' AND member_id IS NOT NULL AND valid_until IS NOT NULL AND expiring_noticed_for IS DISTINCT FROM valid_until;
