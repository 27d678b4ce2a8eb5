-- Group unlock 组团解锁 (docs/growth.md "Group unlock"). A campaign says how big a group is, how long it
-- has to fill and what each member gets when it does. A member starts a group (a join link with a random
-- token) and friends join it; the seat is taken by ONE conditional UPDATE on the group's count, so a
-- group never has more than `size` members, and the join that takes the last seat unlocks it and gives
-- every member their rewards in the same transaction. A group not full by its deadline expires.
--
-- Stock is counted in groups: `held` are open groups (each holds one of the stock from its start), `unlocked`
-- used it for good, and an expired group gives its hold back. Always held + unlocked <= stock.
CREATE TABLE group_campaigns (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  segment_id text,                         -- audience: members of this segment; NULL: every member
  starts_at timestamptz,                   -- groups may be started from here …
  ends_at timestamptz,                     -- … until here (a group started before runs to its own deadline)
  size integer NOT NULL CHECK (size BETWEEN 2 AND 50),
  time_limit_minutes integer NOT NULL CHECK (time_limit_minutes BETWEEN 1 AND 43200),
  stock integer CHECK (stock >= 0),        -- groups in all; NULL: unlimited
  held integer NOT NULL DEFAULT 0 CHECK (held >= 0),         -- open groups, each holding one of the stock
  unlocked integer NOT NULL DEFAULT 0 CHECK (unlocked >= 0), -- groups filled: their stock used
  expired integer NOT NULL DEFAULT 0 CHECK (expired >= 0),   -- groups that did not fill in time: stock given back
  per_member_limit integer CHECK (per_member_limit > 0),     -- groups a member may be in (open or unlocked); NULL: no limit
  rewards jsonb NOT NULL,                  -- what each member gets on unlock (rewards/schemas.ts Rewards)
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'paused')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (stock IS NULL OR held + unlocked <= stock),
  CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
);
CREATE INDEX group_campaigns_status ON group_campaigns (tenant_id, status, id);

CREATE TABLE group_teams (
  tenant_id text NOT NULL,
  id text NOT NULL,
  campaign_id text NOT NULL,
  token text NOT NULL,                     -- the join link's secret: /wallet/group#g=<token>
  leader_id text NOT NULL,                 -- the member who started it
  size integer NOT NULL CHECK (size BETWEEN 2 AND 50), -- the campaign's size when it started
  joined integer NOT NULL DEFAULT 1,       -- members in it, the leader included
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'unlocked', 'expired')),
  deadline timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  unlocked_at timestamptz,
  expired_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  CHECK (joined BETWEEN 1 AND size),
  CHECK ((state = 'unlocked') = (joined = size AND unlocked_at IS NOT NULL))
);
CREATE UNIQUE INDEX group_teams_token ON group_teams (token);
CREATE INDEX group_teams_campaign ON group_teams (tenant_id, campaign_id, id);
CREATE INDEX group_teams_due ON group_teams (deadline) WHERE state = 'open';

CREATE TABLE group_members (
  tenant_id text NOT NULL,
  group_id text NOT NULL,
  member_id text NOT NULL,
  campaign_id text NOT NULL,
  seat integer NOT NULL CHECK (seat BETWEEN 1 AND 50), -- 1: the leader; the order members joined in
  joined_at timestamptz NOT NULL,
  grant_id text,                           -- on unlock: the rewards module's giving (reference group:<group>:<member>)
  reward_problem text,                     -- on unlock: the code a refused giving answered (that member got nothing)
  PRIMARY KEY (tenant_id, group_id, member_id),
  UNIQUE (tenant_id, group_id, seat)
);
CREATE INDEX group_members_member ON group_members (tenant_id, member_id, joined_at);

-- A member's groups of a campaign that are open or unlocked (the per-member limit), one conditional upsert.
CREATE TABLE group_member_counts (
  tenant_id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,
  groups integer NOT NULL CHECK (groups >= 0),
  PRIMARY KEY (tenant_id, campaign_id, member_id)
);
