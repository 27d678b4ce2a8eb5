-- 风控告警 spike alerts: a rule whose hits in one clock hour reached 3× its baseline (the mean of the
-- same hour over the 7 days before) and at least 20. One row per rule per hour, whichever process or
-- retry found it first (the primary key): the `risk.spike` event is written in the same transaction
-- as the row, so it is emitted exactly once.
CREATE TABLE risk_spikes (
  tenant_id text NOT NULL REFERENCES tenants(id),
  rule_id text NOT NULL,
  hour timestamptz NOT NULL,              -- the start of the clock hour (UTC hours)
  hits int NOT NULL,                      -- the rule's hits in that hour when the alert was raised
  baseline float8 NOT NULL,               -- the mean hits of the same hour over the 7 days before
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, rule_id, hour)
);
CREATE INDEX risk_spikes_recent ON risk_spikes (tenant_id, created_at DESC);

-- The dashboard reads a tenant's decisions by time, the spike job every tenant's of the last hours.
CREATE INDEX risk_decisions_time ON risk_decisions (tenant_id, created_at);
CREATE INDEX risk_decisions_recent ON risk_decisions (created_at);
