-- Risk rules 风控规则 (docs/risk.md "Rules"). A rule counts guarded actions per subject over a window
-- (kind 'limit': at most `lim` per window) or reads a behaviour signal (kind 'signal': a device used by
-- more than `lim` members, a member who changed phone more than `lim` times). Its window and subject
-- are fixed once made (its counters are keyed by them): a change of those is a new rule.
-- default_key: the defaults every tenant gets (made once, editable, never made again once paused).
CREATE TABLE risk_rules (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text,
  actions text[] NOT NULL,
  kind text NOT NULL CHECK (kind IN ('limit', 'signal')),
  subject text,                   -- limit: member|phone|device|ip|store|key|channel|card
  signal text CHECK (signal IS NULL OR signal IN ('device_members', 'phone_changes')),
  window_size int NOT NULL CHECK (window_size >= 1),
  window_unit text NOT NULL CHECK (window_unit IN ('minute', 'hour', 'day', 'week', 'month')),
  window_mode text NOT NULL CHECK (window_mode IN ('sliding', 'calendar')),
  lim int NOT NULL CHECK (lim >= 1),
  count_mode text NOT NULL DEFAULT 'all' CHECK (count_mode IN ('all', 'failures')),
  template_ids text[],            -- scope: NULL applies to all
  store_ids text[],
  channel_ids text[],
  outcome text NOT NULL CHECK (outcome IN ('refuse', 'challenge', 'review', 'flag')),
  fail_mode text NOT NULL DEFAULT 'open' CHECK (fail_mode IN ('open', 'closed')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  default_key text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK ((kind = 'limit' AND subject IS NOT NULL) OR (kind = 'signal' AND signal IS NOT NULL))
);
CREATE UNIQUE INDEX risk_rules_default ON risk_rules (tenant_id, default_key) WHERE default_key IS NOT NULL;

-- Black, grey and white lists 黑白灰名单. A phone is stored as the members module's keyed hash, never
-- the number. An entry is removed by setting removed_at (audited), never deleted.
CREATE TABLE risk_list_entries (
  tenant_id text NOT NULL,
  id text NOT NULL,
  list text NOT NULL CHECK (list IN ('black', 'grey', 'white')),
  subject text NOT NULL CHECK (subject IN ('member', 'phone', 'device', 'ip', 'card')),
  value text NOT NULL,            -- the id, device id, IP, or the phone's hash
  shown text NOT NULL,            -- what a person reads: the value, or a masked phone (138****0000)
  reason text NOT NULL,
  expires_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL,
  removed_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX risk_list_value ON risk_list_entries (tenant_id, subject, value) WHERE removed_at IS NULL;

-- Limit counters without Redis: one row per (rule, subject value), a ring of k slots (k = 1 for a
-- calendar window, 10 sub-buckets for a sliding one). slot_b[i]: the bucket slot i holds, slot_n[i]:
-- its count. The last step's bucket, slot and limit are kept in b, idx and lim so that the one
-- conditional upsert can read them from EXCLUDED. expires_ms: past it the row says nothing (swept).
CREATE TABLE risk_counters (
  tenant_id text NOT NULL,
  rule_id text NOT NULL,
  subject text NOT NULL,
  k int NOT NULL,
  idx int NOT NULL,
  b int8 NOT NULL,
  lim int NOT NULL,
  slot_b int8[] NOT NULL,
  slot_n int[] NOT NULL,
  expires_ms int8 NOT NULL,
  PRIMARY KEY (tenant_id, rule_id, subject)
);
CREATE INDEX risk_counters_expiry ON risk_counters (expires_ms);
