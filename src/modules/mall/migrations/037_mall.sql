-- Points mall 积分商城. An item costs points (and optionally cash, paid at the brand: see
-- docs/membership.md) and is a card of a batch or a benefit pack. Stock is `sold` against `stock`
-- (NULL: unlimited), taken by one conditional UPDATE; a member's count per item is one conditional
-- upsert on mall_member_counts. Both are given back when an exchange is refunded, so always:
-- sold = the item's exchanges not refunded, and a member's count = their exchanges not refunded.
CREATE TABLE mall_items (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  image_url text,
  kind text NOT NULL CHECK (kind IN ('card', 'pack')),
  batch_id text,                        -- kind card: the batch the card is issued from
  pack_id text,                         -- kind pack: the pack granted
  points bigint NOT NULL CHECK (points >= 0),
  cash bigint NOT NULL DEFAULT 0 CHECK (cash >= 0), -- fen, paid to the brand outside Kaquan
  stock bigint CHECK (stock >= 0),      -- NULL: unlimited
  sold bigint NOT NULL DEFAULT 0 CHECK (sold >= 0),
  per_member_limit integer CHECK (per_member_limit > 0), -- NULL: no limit
  tier_ids text[] NOT NULL DEFAULT '{}', -- empty: every member; else only members in one of these tiers
  sale_from timestamptz,
  sale_until timestamptz,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (stock IS NULL OR sold <= stock),
  CHECK (points + cash > 0),
  CHECK ((kind = 'card') = (batch_id IS NOT NULL) AND (kind = 'pack') = (pack_id IS NOT NULL)),
  CHECK (sale_from IS NULL OR sale_until IS NULL OR sale_from < sale_until)
);
CREATE INDEX mall_items_shelf ON mall_items (tenant_id, status, sort, id);

CREATE TABLE mall_exchanges (
  tenant_id text NOT NULL,
  id text NOT NULL,
  item_id text NOT NULL,
  member_id text NOT NULL,
  points bigint NOT NULL,               -- what was charged (the item's price then)
  cash bigint NOT NULL DEFAULT 0,       -- fen the brand took, confirmed by payment_ref
  payment_ref text,                     -- the brand's payment reference (items with a cash part)
  spend_id text,                        -- the points module's spend (NULL when points = 0)
  card_ids text[] NOT NULL DEFAULT '{}', -- the cards issued (a card item: one; a pack: its cards)
  pack_grant_id text,
  state text NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'refunded')),
  via text NOT NULL CHECK (via IN ('wallet', 'api')),
  points_returned boolean,              -- on refund: were the points given back (mall_settings)
  refund_reason text,
  refunded_by text,
  refunded_at timestamptz,
  actor text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX mall_exchanges_member ON mall_exchanges (tenant_id, member_id, id);
CREATE INDEX mall_exchanges_item ON mall_exchanges (tenant_id, item_id, id);
-- a brand's payment reference buys one exchange: a retry with it answers the first
CREATE UNIQUE INDEX mall_exchanges_payment ON mall_exchanges (tenant_id, payment_ref) WHERE payment_ref IS NOT NULL;

CREATE TABLE mall_member_counts (
  tenant_id text NOT NULL,
  item_id text NOT NULL,
  member_id text NOT NULL,
  exchanged integer NOT NULL CHECK (exchanged >= 0),
  PRIMARY KEY (tenant_id, item_id, member_id)
);

CREATE TABLE mall_settings (
  tenant_id text PRIMARY KEY,
  return_points_on_refund boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL
);
