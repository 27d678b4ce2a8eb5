-- Decisions 风控决策: every guarded action whose outcome was not a plain allow (a list hit, a rule
-- hit): what was asked, of whom, which rules hit (with their names then), the outcome and a score.
CREATE TABLE risk_decisions (
  tenant_id text NOT NULL,
  id text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('refuse', 'challenge', 'review', 'flag')),
  score int NOT NULL,
  rules jsonb NOT NULL,           -- [{ id, name, kind, outcome }] (a list hit: id is the entry's, kind 'list')
  subjects jsonb NOT NULL,        -- the action's Subjects (phone as its hash)
  member_id text,
  card_id text,
  store_id text,
  rule_ids text[] NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX risk_decisions_member ON risk_decisions (tenant_id, member_id, id) WHERE member_id IS NOT NULL;
CREATE INDEX risk_decisions_card ON risk_decisions (tenant_id, card_id, id) WHERE card_id IS NOT NULL;
CREATE INDEX risk_decisions_rules ON risk_decisions USING gin (rule_ids);

-- Client signals 设备与行为: the device and IP of each sign-in, claim and bind, by member.
CREATE TABLE risk_signals (
  tenant_id text NOT NULL,
  member_id text,
  device_id text,
  ip text,
  action text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX risk_signals_device ON risk_signals (tenant_id, device_id, at) WHERE device_id IS NOT NULL;
CREATE INDEX risk_signals_member ON risk_signals (tenant_id, member_id, at);

-- A member's phone changes (from members' member.updated events): 频繁更换绑定信息.
CREATE TABLE risk_phone_changes (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  event_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX risk_phone_changes_member ON risk_phone_changes (tenant_id, member_id, at);

-- The action log dry runs read: every guarded action, compactly, written in batches (analytics: a
-- crash may lose the last second of it, never an acknowledged mutation).
CREATE TABLE risk_action_log (
  tenant_id text NOT NULL,
  action text NOT NULL,
  at timestamptz NOT NULL,
  outcome text NOT NULL,          -- allow | refuse | challenge | review | flag
  subjects jsonb NOT NULL
);
CREATE INDEX risk_action_log_at ON risk_action_log (tenant_id, at);
