-- Referral 邀请有礼 (docs/growth.md "Referrals"). Each member has one referral code (made when first asked).
-- A friend who joins with it becomes the referee of a referral under the campaign live at that moment; the
-- campaign says what it qualifies on (registration, the referee's first order, their first redemption) and
-- how many days a first order may still be returned before the rewards are paid. A referral is paid once:
-- one conditional UPDATE moves it from qualified to rewarded, and the rewards' references
-- (referral:<id>:referrer / :referee) make a second giving impossible even by accident.
CREATE TABLE referral_campaigns (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  referrer_rewards jsonb,                  -- what the member who invited gets (rewards/schemas.ts Rewards); NULL: nothing
  referee_rewards jsonb,                   -- what the friend who joined gets; NULL: nothing
  qualify_on text NOT NULL CHECK (qualify_on IN ('registration', 'first_order', 'first_redemption')),
  return_days integer NOT NULL DEFAULT 0 CHECK (return_days BETWEEN 0 AND 90),
  starts_at timestamptz,
  ends_at timestamptz,
  per_referrer_cap integer CHECK (per_referrer_cap > 0), -- friends a referrer is rewarded for; NULL: no cap
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'paused')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (referrer_rewards IS NOT NULL OR referee_rewards IS NOT NULL),
  CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
);
CREATE INDEX referral_campaigns_status ON referral_campaigns (tenant_id, status, id);

CREATE TABLE referral_codes (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  code text NOT NULL,                      -- 8 characters of 31 (no 0/O, 1/I/L): what a friend types or the link carries
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, member_id),
  UNIQUE (tenant_id, code)
);

CREATE TABLE referrals (
  tenant_id text NOT NULL,
  id text NOT NULL,
  campaign_id text NOT NULL,
  referrer_id text NOT NULL,
  referee_id text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'qualified', 'rewarded', 'cancelled')),
  qualified_at timestamptz,
  order_id text,                           -- the first order that qualified it (a refund in the return window cancels)
  due_at timestamptz,                      -- qualified_at + the return window: paid from then on
  paid_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  referrer_grant_id text,
  referee_grant_id text,
  referrer_problem text,                   -- why the referrer got nothing: REFERRAL_CAP_REACHED, or a giving's refusal code
  referee_problem text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, referee_id),          -- a member is referred once
  CHECK (referrer_id <> referee_id),
  CHECK ((state = 'rewarded') = (paid_at IS NOT NULL)),
  CHECK (state NOT IN ('qualified', 'rewarded') OR due_at IS NOT NULL)
);
CREATE INDEX referrals_referrer ON referrals (tenant_id, referrer_id, id);
CREATE INDEX referrals_campaign ON referrals (tenant_id, campaign_id, id);
CREATE INDEX referrals_due ON referrals (due_at) WHERE state = 'qualified';

-- the per-referrer cap: one conditional upsert (rewarded < cap) when a referral is paid
CREATE TABLE referral_referrers (
  tenant_id text NOT NULL,
  campaign_id text NOT NULL,
  referrer_id text NOT NULL,
  rewarded integer NOT NULL DEFAULT 0 CHECK (rewarded >= 0),
  PRIMARY KEY (tenant_id, campaign_id, referrer_id)
);
