-- 价格体系与批发订单: price lists per price level and template, enterprise buyers with a prepaid
-- balance (a ledger account), wholesale orders and their lines, and one row per line unit fulfilled
-- (docs/wholesale.md says why each guarantee holds).

-- A price level's price for a template, in fen. A sale below the floor 限价 is refused, or with
-- below_floor = 'flag' accepted and flagged on its line.
CREATE TABLE wholesale_prices (
  tenant_id text NOT NULL,
  price_level text NOT NULL,
  template_id text NOT NULL,
  wholesale_price bigint NOT NULL CHECK (wholesale_price >= 0),
  retail_price bigint CHECK (retail_price >= 0),     -- suggested retail price 建议零售价
  floor_price bigint NOT NULL DEFAULT 0 CHECK (floor_price >= 0),
  below_floor text NOT NULL DEFAULT 'refuse' CHECK (below_floor IN ('refuse', 'flag')),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, price_level, template_id),
  CHECK (wholesale_price >= floor_price)
);

-- 企业客户: who buys wholesale (employee welfare, gifts), at a price level, with a prepaid account.
CREATE TABLE wholesale_buyers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  contact_name text,
  contact_phone text,
  price_level text NOT NULL,
  account_id text NOT NULL,      -- its prepaid balance: a ledger account (owner buyer, fen, lower bound 0)
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- 批发订单. Every state change is one guarded UPDATE … WHERE state = '<from>'.
CREATE TABLE wholesale_orders (
  tenant_id text NOT NULL,
  id text NOT NULL,
  buyer_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'confirmed', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded')),
  total bigint NOT NULL CHECK (total >= 0),
  units int NOT NULL CHECK (units > 0),
  fulfilled_units int NOT NULL DEFAULT 0 CHECK (fulfilled_units >= 0 AND fulfilled_units <= units),
  flagged boolean NOT NULL DEFAULT false,   -- a line sold below its floor
  note text,
  payment_method text CHECK (payment_method IN ('offline', 'prepaid')),
  payment_reference text,
  payment_amount bigint,
  paid_by text,
  payment_transfer_id bigint,               -- the prepaid deduction's ledger transfer
  refund_transfer_id bigint,                -- its reversal
  reason text,                              -- why it was cancelled or refunded
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  paid_at timestamptz,
  fulfilled_at timestamptz,
  delivered_at timestamptz,
  closed_at timestamptz,                    -- cancelled or refunded
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX wholesale_orders_buyer ON wholesale_orders (tenant_id, buyer_id, created_at DESC);

CREATE TABLE wholesale_lines (
  tenant_id text NOT NULL,
  id text NOT NULL,
  order_id text NOT NULL,
  line_no int NOT NULL,
  template_id text NOT NULL,
  batch_id text NOT NULL,                   -- the pool its codes come from
  quantity int NOT NULL CHECK (quantity > 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  list_price bigint NOT NULL,               -- the price level's wholesale price when ordered
  floor_price bigint NOT NULL,
  below_floor boolean NOT NULL DEFAULT false,
  next_unit int NOT NULL DEFAULT 0 CHECK (next_unit <= quantity),   -- unit numbers 1..next_unit have a row
  fulfilled int NOT NULL DEFAULT 0 CHECK (fulfilled <= quantity),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_id, line_no)
);

-- One row per line unit that fulfilment reserved or issued: (line, unit number) is unique, so a unit
-- is fulfilled once however often fulfilment runs; a card is in one unit only. A reservation has a
-- holder and a deadline; the reaper frees expired ones for the next run.
CREATE TABLE wholesale_units (
  tenant_id text NOT NULL,
  line_id text NOT NULL,
  unit_no int NOT NULL,
  order_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('free', 'reserved', 'issued')),
  holder text,
  reserved_until timestamptz,
  card_id text,
  issued_at timestamptz,
  PRIMARY KEY (tenant_id, line_id, unit_no),
  CHECK ((state = 'issued') = (card_id IS NOT NULL)),
  CHECK ((state = 'reserved') = (holder IS NOT NULL))
);
CREATE UNIQUE INDEX wholesale_units_card ON wholesale_units (tenant_id, card_id) WHERE card_id IS NOT NULL;
CREATE INDEX wholesale_units_open ON wholesale_units (tenant_id, order_id, line_id, unit_no) WHERE state <> 'issued';
CREATE INDEX wholesale_units_order ON wholesale_units (tenant_id, order_id, issued_at) WHERE state = 'issued';
CREATE INDEX wholesale_units_expiry ON wholesale_units (reserved_until) WHERE state = 'reserved';
