-- Channel allocation 渠道分配: the allocation a card was issued or handed out under (its tracking
-- parameters live on the allocation record, module allocations). An unissued pool card with a
-- channel_id is held by that channel: allocated to it, not yet issued; only that channel issues it.
ALTER TABLE cards ADD COLUMN allocation_id text;
CREATE INDEX cards_held ON cards (tenant_id, batch_id, channel_id, seq) WHERE state = 'unissued' AND channel_id IS NOT NULL;
