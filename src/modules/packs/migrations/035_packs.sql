-- Benefit packs 权益礼包 (docs/membership.md "Benefit packs"). A pack is a fixed set of card
-- templates with quantities, or a random pack 盲盒 whose prizes each carry published odds (basis
-- points summing to 10,000), a stock and optionally the top-prize flag of the guarantee 保底.
-- Definitions are fixed once live: a change is a new version (a new row, previous_id → the one it
-- replaces, which is retired when the new one goes live).
CREATE TABLE packs (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text,
  kind text NOT NULL CHECK (kind IN ('fixed', 'random')),
  status text NOT NULL CHECK (status IN ('draft', 'live', 'retired')),
  version int NOT NULL DEFAULT 1,
  previous_id text,               -- the pack this version replaces
  replaced_by text,               -- the version that replaced it (set when that one goes live)
  guarantee_after int CHECK (guarantee_after IS NULL OR guarantee_after >= 1), -- 保底: after N draws without a top prize, the next is one
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  retired_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX packs_list ON packs (tenant_id, status, id);

-- What a fixed pack gives, or what one prize of a random pack gives: cards of a template (issued
-- from the template's on-issue batch for packs, made on first need).
CREATE TABLE pack_items (
  tenant_id text NOT NULL,
  pack_id text NOT NULL,
  prize_id text,                  -- NULL: an item of a fixed pack
  seq int NOT NULL,
  template_id text NOT NULL,
  quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  PRIMARY KEY (tenant_id, pack_id, seq)
);

CREATE TABLE pack_prizes (
  tenant_id text NOT NULL,
  id text NOT NULL,
  pack_id text NOT NULL,
  seq int NOT NULL,
  name text NOT NULL,
  odds_bp int NOT NULL CHECK (odds_bp BETWEEN 1 AND 10000), -- published odds, basis points (1/10,000)
  stock int CHECK (stock IS NULL OR stock >= 0),             -- NULL: unlimited
  taken int NOT NULL DEFAULT 0,
  top boolean NOT NULL DEFAULT false,                        -- a top prize 大奖 (what the guarantee gives)
  PRIMARY KEY (tenant_id, id),
  CHECK (stock IS NULL OR taken <= stock)
);
CREATE INDEX pack_prizes_pack ON pack_prizes (tenant_id, pack_id, seq);

-- One grant of a pack to a member: the same reference never grants twice (the unique index).
CREATE TABLE pack_grants (
  tenant_id text NOT NULL,
  id text NOT NULL,
  pack_id text NOT NULL,
  member_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'tier', 'mall', 'rule')),
  reference text NOT NULL,
  cards jsonb NOT NULL DEFAULT '[]',  -- [{ id, template_id, batch_id }]
  prize_id text,
  actor text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX pack_grants_reference ON pack_grants (tenant_id, reference);
CREATE INDEX pack_grants_pack ON pack_grants (tenant_id, pack_id, id);
CREATE INDEX pack_grants_member ON pack_grants (tenant_id, member_id, id);

-- Every draw of a random pack, for audit: the random source, the value and range drawn, the prizes
-- in stock it was drawn among (with their odds), and the outcome.
CREATE TABLE pack_draws (
  tenant_id text NOT NULL,
  id text NOT NULL,
  pack_id text NOT NULL,
  grant_id text NOT NULL,
  member_id text NOT NULL,
  prize_id text NOT NULL,
  source text NOT NULL,              -- 'crypto.randomInt'
  value int NOT NULL,                -- the value drawn, 0 ≤ value < range
  range int NOT NULL,                -- the odds in stock, summed (basis points)
  candidates jsonb NOT NULL,         -- [{ prize_id, odds_bp }] in stock at the draw, in order
  guaranteed boolean NOT NULL,       -- drawn among the top prizes by the guarantee
  attempts int NOT NULL DEFAULT 1,   -- > 1: a prize sold out under it and the draw was made again
  top boolean NOT NULL,              -- the prize drawn is a top prize
  streak int NOT NULL,               -- this member's draws of this pack without a top prize in a row, this one included
  seq bigint GENERATED ALWAYS AS IDENTITY, -- order of one member's draws (taken under their lock)
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX pack_draws_pack ON pack_draws (tenant_id, pack_id, id);
CREATE INDEX pack_draws_member ON pack_draws (tenant_id, pack_id, member_id, id);
