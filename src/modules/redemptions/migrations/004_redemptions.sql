-- redemptions 核销: one row per redemption; a reversal flips its status once
CREATE TABLE redemptions (
  tenant_id text NOT NULL,
  id text NOT NULL,
  card_id text NOT NULL,
  template_id text NOT NULL,
  batch_id text NOT NULL,
  store_id text,
  key_id text,
  member_id text,
  order_amount bigint,        -- the order's amount (GMV), minor units
  amount bigint NOT NULL DEFAULT 0,   -- value taken: discount given or balance debited
  uses int NOT NULL DEFAULT 0,
  stamps int NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('done','reversed')),
  reversed_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX redemptions_card ON redemptions (tenant_id, card_id, created_at);
CREATE INDEX redemptions_store ON redemptions (tenant_id, store_id, created_at);
CREATE INDEX redemptions_time ON redemptions (tenant_id, created_at);
