-- 窜货预警 leakage alerts: a card of a channel redeemed at a store outside that channel's regions or
-- store tags, or bound by a member whose region is outside them. One alert per event that raised it
-- (the subscriber may see an event again after a crash: the unique index keeps it one).
CREATE TABLE leakage_alerts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('redemption', 'binding')),
  source_event_id bigint NOT NULL,        -- the card.redeemed / card.stamped / card.bound event
  card_id text NOT NULL,
  template_id text,
  channel_id text NOT NULL,
  channel_path text NOT NULL,             -- the channel's path when raised ('/chn_a/chn_b/'): a subtree filter is a prefix
  store_id text,
  member_id text,
  redemption_id text,
  rule text NOT NULL CHECK (rule IN ('flag', 'refuse')),
  reasons text[] NOT NULL,                -- region, store_tags, member_region
  details jsonb NOT NULL DEFAULT '{}',    -- the regions and tags compared, as they were
  created_at timestamptz NOT NULL,
  handled_at timestamptz,
  handled_by text,
  note text,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX leakage_alerts_event ON leakage_alerts (tenant_id, source_event_id);
CREATE INDEX leakage_alerts_channel ON leakage_alerts (tenant_id, channel_id, id);
