-- Points 积分 and growth 成长值 (docs/membership.md "Points and growth"). A member's balance of an
-- asset is the sum of their lots' remaining; each lot is one earn with its own expiry and pending
-- period. The ledger moves with the lots: a member has a `main` account per asset (lower bound 0:
-- the positive lots) and a `debt` account (upper bound 0: the debt lot, a refund's claw-back of points
-- already spent, paid back by the next earns), and every change is a transfer against the tenant's
-- counters (issued, spent, expired, clawed_back, adjusted) in the same transaction.
CREATE TABLE point_lots (
  tenant_id text NOT NULL,
  id text NOT NULL,                       -- lot_…
  member_id text NOT NULL,
  asset text NOT NULL CHECK (asset IN ('points', 'growth')),
  kind text NOT NULL CHECK (kind IN ('earn', 'debt')),
  amount bigint NOT NULL,                 -- what was earned (0 for the debt lot)
  remaining bigint NOT NULL,              -- what is left: 0..amount for an earn, <= 0 for the debt lot
  clawed bigint NOT NULL DEFAULT 0,       -- taken back by refunds of its order (from it or elsewhere)
  reason text NOT NULL,
  reference text NOT NULL,                -- idempotent: one earn per tenant, asset and reference
  order_id text,
  rule_id text,
  active_from timestamptz NOT NULL,       -- pending 待生效 before (the order's return window)
  expires_at timestamptz,                 -- exclusive: expired from this instant; null: never
  expired_at timestamptz,                 -- when the sweep took what was left
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (kind = 'debt' AND amount = 0 AND remaining <= 0 OR kind = 'earn' AND amount > 0 AND remaining BETWEEN 0 AND amount)
);
CREATE UNIQUE INDEX point_lots_reference ON point_lots (tenant_id, asset, reference);
CREATE UNIQUE INDEX point_lots_debt ON point_lots (tenant_id, member_id, asset) WHERE kind = 'debt';
-- what a member can draw: the lots with something left, closest to expiry first
CREATE INDEX point_lots_member ON point_lots (tenant_id, member_id, asset, expires_at, created_at, id) WHERE remaining <> 0;
CREATE INDEX point_lots_order ON point_lots (tenant_id, order_id) WHERE order_id IS NOT NULL;
-- the expiry sweep's work: lots with something left past their expiry
CREATE INDEX point_lots_due ON point_lots (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;

-- A spend 消费 of points (a mall exchange, …): its draws say which lots it took from.
CREATE TABLE point_spends (
  tenant_id text NOT NULL,
  id text NOT NULL,                       -- spd_…
  member_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  reference text NOT NULL,
  returned_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, reference)
);
CREATE TABLE point_draws (
  tenant_id text NOT NULL,
  spend_id text NOT NULL,
  lot_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (tenant_id, spend_id, lot_id)
);

-- Every movement of a member's points or growth, with its reason: what the member and the staff read.
CREATE TABLE point_moves (
  tenant_id text NOT NULL,
  id bigserial,
  member_id text NOT NULL,
  asset text NOT NULL CHECK (asset IN ('points', 'growth')),
  kind text NOT NULL CHECK (kind IN ('earn', 'spend', 'return', 'expire', 'clawback', 'adjust')),
  delta bigint NOT NULL CHECK (delta <> 0),
  reason text NOT NULL,
  reference text NOT NULL,
  lot_id text,
  spend_id text,
  order_id text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX point_moves_member ON point_moves (tenant_id, member_id, asset, id);
CREATE INDEX point_moves_day ON point_moves (tenant_id, created_at);

-- Earning rules 积分规则: per fen spent (with product/category multipliers), or per custom event.
CREATE TABLE point_rules (
  tenant_id text NOT NULL,
  id text NOT NULL,                       -- prl_…
  name text NOT NULL,
  asset text NOT NULL CHECK (asset IN ('points', 'growth')),
  kind text NOT NULL CHECK (kind IN ('order', 'activity')),
  points bigint NOT NULL CHECK (points > 0),        -- per `per_fen` spent (order), or per event (activity)
  per_fen bigint CHECK (per_fen > 0),               -- order rules: e.g. 100 = per ¥1
  min_amount bigint NOT NULL DEFAULT 0,             -- order rules: orders below earn nothing
  multipliers jsonb NOT NULL DEFAULT '[]',          -- [{ sku? | category?, multiplier }]: lines weighted
  activity_type text,                               -- activity rules: signed_in, shared, …
  cap_period text CHECK (cap_period IN ('day', 'week', 'month')),
  cap_times int CHECK (cap_times > 0),
  cap_amount bigint CHECK (cap_amount > 0),
  expiry jsonb NOT NULL DEFAULT '{"type":"none"}',  -- none | days | date | month_end | quarter_end | year_end
  pending_days int NOT NULL DEFAULT 0 CHECK (pending_days >= 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (kind = 'order' AND per_fen IS NOT NULL OR kind = 'activity' AND activity_type IS NOT NULL),
  CHECK ((cap_period IS NULL) = (cap_times IS NULL AND cap_amount IS NULL) OR cap_period IS NOT NULL AND (cap_times IS NOT NULL OR cap_amount IS NOT NULL))
);

-- A cap's counter: one row per rule, member and period, moved by one conditional upsert (no count-then-insert).
CREATE TABLE point_cap_counts (
  tenant_id text NOT NULL,
  rule_id text NOT NULL,
  member_id text NOT NULL,
  period text NOT NULL,                   -- the local day, ISO week or month: 2026-05-01, 2026-W18, 2026-05
  times int NOT NULL,
  amount bigint NOT NULL,
  last bigint NOT NULL,                   -- what the latest award got (the upsert's answer)
  PRIMARY KEY (tenant_id, rule_id, member_id, period)
);

-- The tenant's settings 积分设置.
CREATE TABLE points_settings (
  tenant_id text PRIMARY KEY,
  refund_shortfall text NOT NULL DEFAULT 'other_lots' CHECK (refund_shortfall IN ('other_lots', 'negative')),
  updated_at timestamptz NOT NULL
);

-- Earning from redemptions 核销得积分: a template's award when one of its cards is redeemed.
CREATE TABLE point_template_earning (
  tenant_id text NOT NULL,
  template_id text NOT NULL,
  points bigint NOT NULL DEFAULT 0 CHECK (points >= 0),
  growth bigint NOT NULL DEFAULT 0 CHECK (growth >= 0),
  expiry jsonb NOT NULL DEFAULT '{"type":"none"}',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, template_id)
);
