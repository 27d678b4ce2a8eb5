-- Automation rules 自动化规则 (docs/growth.md "Automation rules"): trigger → conditions → limits → actions.
-- A rule fires at most once per triggering event: one automation_firings row, unique on (rule, event),
-- claimed before anything is given (the rewards' reference `rule:<rule>:<event>` backs it). Limits are
-- counted in automation_counts by one conditional upsert each, so they hold under concurrency.
CREATE TABLE automation_rules (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  trigger_type text NOT NULL,          -- an event type, or order.first, points.threshold, birthday, schedule
  trigger jsonb NOT NULL,              -- {type, threshold?, at?, every?, weekday?, day?}
  conditions jsonb NOT NULL DEFAULT '[]',
  limits jsonb NOT NULL DEFAULT '{}',  -- {per_member?: {times, per}, budget_cards?, budget_fen?}
  actions jsonb NOT NULL,              -- {rewards?, tag?, webhook?}
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  calendar_done text,                  -- birthday / schedule: the last local date (or slot) fully run
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX automation_rules_trigger ON automation_rules (tenant_id, trigger_type) WHERE status = 'active';

-- Every evaluation of a rule for an event that its trigger matched: fired, or skipped with the reason.
CREATE TABLE automation_firings (
  tenant_id text NOT NULL,
  id text NOT NULL,
  rule_id text NOT NULL,
  event_id text NOT NULL,              -- the event's id; birthday:<local date>:<member>, schedule:<slot>:<member>
  event_type text NOT NULL,
  member_id text,
  outcome text NOT NULL CHECK (outcome IN ('fired', 'skipped')),
  reason text,                         -- skipped: conditions, segment, member_limit, budget, no_member, a refusal's code
  grant_id text,
  card_ids text[] NOT NULL DEFAULT '{}',
  value bigint NOT NULL DEFAULT 0,     -- fen at face of the cards given
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, rule_id, event_id)
);
CREATE INDEX automation_firings_rule ON automation_firings (tenant_id, rule_id, id DESC);

-- Limits: per member per period (member_id, period 'ever' / a local day / week / month), and each
-- rule's budget (member_id '', period 'ever': the cards and fen given so far).
CREATE TABLE automation_counts (
  tenant_id text NOT NULL,
  rule_id text NOT NULL,
  member_id text NOT NULL,
  period text NOT NULL,
  fired integer NOT NULL DEFAULT 0,
  cards integer NOT NULL DEFAULT 0,
  fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, rule_id, member_id, period)
);
