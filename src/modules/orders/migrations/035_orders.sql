-- Orders in 订单接入 (docs/membership.md "Orders"): what members buy in the brand's own systems (POS,
-- mini program, e-commerce), sent here to earn points and growth. The brand's order number is the
-- natural key: idempotent per tenant (the same body answers the first order, another body is refused).
CREATE TABLE member_orders (
  tenant_id text NOT NULL,
  id text NOT NULL,                      -- ord_…
  order_no text NOT NULL,                -- the brand's order number
  member_id text NOT NULL,
  store_id text,
  channel_id text,
  amount bigint NOT NULL CHECK (amount >= 0),                 -- fen paid
  refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount),
  lines jsonb NOT NULL DEFAULT '[]',     -- [{ sku, category?, quantity, amount }]
  body_hash text NOT NULL,               -- what the request said: a replay of the number with another body is refused
  effects jsonb NOT NULL DEFAULT '{}',   -- what it earned, by effect name: the answer a replay repeats
  placed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_no)
);
CREATE INDEX member_orders_member ON member_orders (tenant_id, member_id, id);

-- A refund 退款 of part or all of an order, idempotent by the brand's refund number.
CREATE TABLE order_refunds (
  tenant_id text NOT NULL,
  id text NOT NULL,                      -- ref_…
  order_id text NOT NULL,
  refund_no text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  lines jsonb NOT NULL DEFAULT '[]',
  body_hash text NOT NULL,
  effects jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, refund_no)
);
CREATE INDEX order_refunds_order ON order_refunds (tenant_id, order_id, id);

-- A custom event 自定义行为 (signed_in, shared, reviewed, …), idempotent by the brand's reference.
CREATE TABLE member_activities (
  tenant_id text NOT NULL,
  id text NOT NULL,                      -- act_…
  member_id text NOT NULL,
  type text NOT NULL,
  reference text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  body_hash text NOT NULL,
  effects jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, reference)
);
CREATE INDEX member_activities_member ON member_activities (tenant_id, member_id, id);
