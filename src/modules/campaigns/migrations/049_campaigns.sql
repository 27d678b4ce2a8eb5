-- Claim center 领券中心 and share-to-claim 分享领券 (docs/growth.md "Claim center and shares").
-- A campaign gives `rewards` to each member who claims it, within its window, its stock (total
-- claims: `claimed < stock` in one conditional UPDATE) and its per-member limit (one conditional
-- upsert of campaign_member_counts). A `share` campaign also lets members make share links; friends
-- claim through them and the sharer is credited.
CREATE TABLE campaigns (
  tenant_id text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('claim', 'share')),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  segment_id text,                    -- the audience: members of this segment; null: every member
  starts_at timestamptz,
  ends_at timestamptz,
  stock integer CHECK (stock IS NULL OR stock >= 0),  -- total claims; null: no cap
  claimed integer NOT NULL DEFAULT 0,
  per_member_limit integer NOT NULL CHECK (per_member_limit >= 1),
  rewards jsonb NOT NULL,             -- rewards/schemas.ts Rewards: what one claim gives
  share jsonb,                        -- a share campaign's settings: credit_on, credit_rewards, credit_cap, friends_per_share
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'paused', 'ended')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (stock IS NULL OR claimed <= stock)
);
CREATE INDEX campaigns_live ON campaigns (tenant_id, status, id);

-- How many times each member has claimed each campaign (the per-member limit's one conditional upsert).
CREATE TABLE campaign_member_counts (
  tenant_id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,
  claimed integer NOT NULL,
  PRIMARY KEY (tenant_id, campaign_id, member_id)
);

-- Share links 分享链接: a member's link to a share campaign; only the SHA-256 of its token is kept.
CREATE TABLE campaign_shares (
  tenant_id text NOT NULL,
  id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,            -- the sharer
  token_hash bytea NOT NULL,
  friends integer NOT NULL DEFAULT 0, -- friends who claimed through it
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (token_hash)
);
CREATE INDEX campaign_shares_member ON campaign_shares (tenant_id, member_id, campaign_id);

-- Each claim: the member's n-th claim of the campaign, the giving (reward_grants) it made, and the share it came through.
CREATE TABLE campaign_claims (
  tenant_id text NOT NULL,
  id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,
  n integer NOT NULL,
  share_id text,
  grant_id text NOT NULL,
  card_ids text[] NOT NULL DEFAULT '{}',
  via text NOT NULL CHECK (via IN ('wallet', 'api', 'share')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, campaign_id, member_id, n)
);
-- one claim per friend per share link
CREATE UNIQUE INDEX campaign_claims_share ON campaign_claims (tenant_id, share_id, member_id) WHERE share_id IS NOT NULL;
CREATE INDEX campaign_claims_grant ON campaign_claims (tenant_id, grant_id);
CREATE INDEX campaign_claims_member ON campaign_claims (tenant_id, member_id, created_at);

-- A sharer of a campaign: how many friends have credited them (the cap's conditional update).
CREATE TABLE campaign_sharers (
  tenant_id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,
  credited integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, campaign_id, member_id)
);

-- Each friend a sharer was credited for (once per sharer and friend), or why not.
CREATE TABLE campaign_credits (
  tenant_id text NOT NULL,
  campaign_id text NOT NULL,
  sharer_id text NOT NULL,
  friend_id text NOT NULL,
  share_id text NOT NULL,
  claim_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('credited', 'capped', 'failed')),
  grant_id text,
  reason text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, campaign_id, sharer_id, friend_id)
);
CREATE INDEX campaign_credits_share ON campaign_credits (tenant_id, share_id);
