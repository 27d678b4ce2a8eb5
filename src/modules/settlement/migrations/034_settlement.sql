-- 对账结算 Settlement (docs/settlement.md): statements per party (a channel or a wholesale buyer) and
-- period, computed from the records (allocations, card events, redemptions, wholesale orders and the
-- ledger). A draft is recomputed on demand; closing freezes its lines and totals (one guarded UPDATE
-- … WHERE state = 'draft'); the invariant settlement.reconciles recomputes every closed statement from
-- the records and its stored price and rate snapshot and compares them exactly, in fen.

-- The commission or rebate 佣金/返利 model: a rate in basis points per price level, on the net sales at
-- the price level ('sales') or on the net redeemed face value ('redeemed'). A statement snapshots it.
CREATE TABLE settlement_rates (
  tenant_id text NOT NULL,
  price_level text NOT NULL,
  rate_bp int NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
  basis text NOT NULL CHECK (basis IN ('sales', 'redeemed')),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, price_level)
);

-- 对账单. One per party and period; periods of one party never overlap (checked under an advisory lock).
CREATE TABLE settlement_statements (
  tenant_id text NOT NULL,
  id text NOT NULL,
  party_type text NOT NULL CHECK (party_type IN ('channel', 'buyer')),
  party_id text NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'closed')),
  price_level text,                       -- the party's level when computed (a closed one: when closed)
  rate_bp int NOT NULL DEFAULT 0,         -- the commission rate snapshot
  basis text NOT NULL DEFAULT 'sales' CHECK (basis IN ('sales', 'redeemed')),
  prices jsonb NOT NULL DEFAULT '{}',     -- template id → wholesale price (fen) or null (no price): the snapshot lines were valued at
  lines jsonb NOT NULL DEFAULT '[]',
  totals jsonb NOT NULL DEFAULT '{}',
  flagged boolean NOT NULL DEFAULT false, -- a line has no price
  computed_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, party_type, party_id, period_from),
  CHECK (period_from < period_to),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX settlement_statements_closed ON settlement_statements (tenant_id, id) WHERE state = 'closed';
