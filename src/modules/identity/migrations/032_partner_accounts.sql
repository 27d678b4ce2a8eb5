-- Partner accounts 渠道商账号 (issue 12): a person of a channel partner signs in like any operator,
-- with role 'channel' and bound to one channel (channel_id); their session sees that channel's subtree.
-- The channel is checked by the channels service when the account is made (channels are never deleted).
ALTER TABLE operators DROP CONSTRAINT operators_role_check;
ALTER TABLE operators ADD CONSTRAINT operators_role_check CHECK (role IN ('owner','operator','analyst','clerk','channel'));
ALTER TABLE operators ADD COLUMN channel_id text;
ALTER TABLE operators ADD CONSTRAINT operators_channel_bound CHECK ((role = 'channel') = (channel_id IS NOT NULL));
CREATE INDEX operators_channel ON operators (tenant_id, channel_id) WHERE channel_id IS NOT NULL;
