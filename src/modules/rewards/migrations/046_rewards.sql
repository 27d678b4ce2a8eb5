-- Rewards 奖励 (docs/growth.md "Rewards"): what a growth campaign, an automation rule, a referral or a
-- task gave a member, one row per giving, unique on its reference so a retry, a second process or a
-- replayed event never gives twice. `given` lists what came of it (cards, pack grants, point lots).
CREATE TABLE reward_grants (
  tenant_id text NOT NULL,
  id text NOT NULL,
  reference text NOT NULL,        -- the giver's idempotency key: rule:<rule>:<event>, referral:<id>:referrer, …
  member_id text NOT NULL,
  source_kind text NOT NULL,      -- rule, campaign, referral, task, checkin, share, group
  source_id text NOT NULL,
  rewards jsonb NOT NULL,         -- what was asked for
  given jsonb NOT NULL,           -- what was given: {cards: [...], packs: [...], points: [...]}
  value bigint NOT NULL DEFAULT 0, -- fen: the face value of the cards given (what a budget in fen counts)
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, reference)
);
CREATE INDEX reward_grants_source ON reward_grants (tenant_id, source_kind, source_id, created_at);
CREATE INDEX reward_grants_member ON reward_grants (tenant_id, member_id, created_at);

-- Each card a reward gave, so a card's trace names what gave it and a campaign counts what its cards did.
CREATE TABLE reward_cards (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  grant_id text NOT NULL,
  source_kind text NOT NULL,
  source_id text NOT NULL,
  PRIMARY KEY (tenant_id, card_id)
);
CREATE INDEX reward_cards_source ON reward_cards (tenant_id, source_kind, source_id);
