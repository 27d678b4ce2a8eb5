-- Card search 卡券搜索: a channel's cards (the console's channel filter, and every list a channel key
-- makes), and the rare states a customer-service search looks for; common states are found by the
-- newest-first walk itself, members by cards_member, batches by cards_batch, templates through their
-- batches, expiring soon by cards_expiry.
CREATE INDEX cards_channel ON cards (tenant_id, channel_id, id) WHERE channel_id IS NOT NULL;
CREATE INDEX cards_rare_state ON cards (tenant_id, state, id) WHERE state IN ('frozen', 'voided');
