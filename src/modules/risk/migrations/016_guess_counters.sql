-- 撞库 guard without Redis: one row per caller (API key, operator, wallet member) that guessed a
-- code or a PIN wrong in the last day, shared by every process. See cards/guess-counter.ts.
-- level: failed attempts, draining at the allowed rate (a leaky bucket), as of at_ms.
-- locked_until_ms: 0, or when the lock ends. strikes: locks in a row (each within a day of the one
-- before), so a repeat lock lasts longer. expires_ms: past it the row says nothing (swept).
CREATE TABLE guess_counters (
  tenant_id text NOT NULL,
  who text NOT NULL,
  level float8 NOT NULL,
  at_ms int8 NOT NULL,
  locked_until_ms int8 NOT NULL DEFAULT 0,
  strikes int NOT NULL DEFAULT 0,
  struck_at_ms int8 NOT NULL DEFAULT 0,
  expires_ms int8 NOT NULL,
  PRIMARY KEY (tenant_id, who)
);
