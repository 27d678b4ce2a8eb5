-- Member tiers 会员等级 (docs/membership.md "Tiers"). A tenant's ladder: each tier a growth threshold,
-- strictly increasing with rank (rank 0 the lowest). A member's tier is in member_tiers once their
-- growth first changes or an operator sets it; before that they are in the tier of threshold 0, if any.
CREATE TABLE tiers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  rank integer NOT NULL CHECK (rank >= 0),
  threshold bigint NOT NULL CHECK (threshold >= 0),   -- growth 成长值 needed
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tiers_rank ON tiers (tenant_id, rank);

-- How tiers fall: never; at the end of each qualifying period (N calendar months from 1 January in
-- the tenant's zone) on the growth earned in it; or when an order's refund takes growth below the tier.
-- A decided downgrade waits grace_days (the member keeps the tier until the grace ends).
CREATE TABLE tier_settings (
  tenant_id text PRIMARY KEY,
  policy text NOT NULL DEFAULT 'never' CHECK (policy IN ('never', 'period', 'refund')),
  period_months integer NOT NULL DEFAULT 12 CHECK (period_months IN (1, 3, 6, 12)),
  grace_days integer NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 365),
  updated_at timestamptz NOT NULL
);

-- Each member's tier state. tier_id is what they hold (shown, used by the mall and benefits):
-- the higher of earned_tier_id (by the rules) and an operator's floor while it lasts.
CREATE TABLE member_tiers (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  tier_id text,                   -- held now (NULL: below every threshold)
  earned_tier_id text,            -- by the rules alone
  since timestamptz NOT NULL,     -- when tier_id last changed
  qualifying_order_id text,       -- the order whose growth made the last upgrade
  grace_until timestamptz,        -- a downgrade is pending: it takes effect at this instant
  grace_tier_id text,             -- … to this tier (or lower, if growth fell further)
  grace_why text,                 -- period | refund
  floor_tier_id text,             -- an operator's manual tier: the member cannot fall below it …
  floor_until timestamptz,        -- … until this instant (never NULL with a floor: no silent permanent floor)
  floor_reason text,
  floor_by text,
  period_end timestamptz,         -- policy period: the end of the qualifying period they are judged on next
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, member_id),
  CHECK ((floor_tier_id IS NULL) = (floor_until IS NULL)),
  CHECK ((grace_until IS NULL) = (grace_why IS NULL))
);
CREATE INDEX member_tiers_tier ON member_tiers (tenant_id, tier_id, member_id);
CREATE INDEX member_tiers_grace ON member_tiers (grace_until) WHERE grace_until IS NOT NULL;
CREATE INDEX member_tiers_floor ON member_tiers (floor_until) WHERE floor_until IS NOT NULL;
CREATE INDEX member_tiers_period ON member_tiers (period_end) WHERE period_end IS NOT NULL;

-- Tier history: append-only; a member's last row names the tier they hold (an invariant).
CREATE TABLE tier_changes (
  tenant_id text NOT NULL,
  id bigserial,
  member_id text NOT NULL,
  from_tier_id text,
  to_tier_id text,
  why text NOT NULL,              -- growth | period | refund | grace_ended | manual | floor_ended
  detail jsonb NOT NULL DEFAULT '{}',
  actor text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tier_changes_member ON tier_changes (tenant_id, member_id, id);

-- Benefits 等级权益: a pack granted to every member of a tier on a monthly schedule (day 1–28, local midnight).
CREATE TABLE tier_benefits (
  tenant_id text NOT NULL,
  id text NOT NULL,
  tier_id text NOT NULL,
  pack_id text NOT NULL,
  day_of_month integer NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tier_benefits_tier ON tier_benefits (tenant_id, tier_id);

-- One run per benefit and period ('2026-01'): its progress (members done in member id order), so a
-- crashed run resumes after the last committed chunk. Grants themselves are unique by their pack reference.
CREATE TABLE tier_benefit_grants (
  tenant_id text NOT NULL,
  benefit_id text NOT NULL,
  period text NOT NULL,
  due_at timestamptz NOT NULL,
  after_member_id text NOT NULL DEFAULT '',
  granted integer NOT NULL DEFAULT 0,
  done_at timestamptz,
  last_error text,
  PRIMARY KEY (tenant_id, benefit_id, period)
);
CREATE INDEX tier_benefit_grants_open ON tier_benefit_grants (due_at) WHERE done_at IS NULL;
