-- The review queue 人工审核 (docs/risk.md "Reviews"): an action a risk rule sent to review waits here,
-- what it would take held by its owner, until an operator approves or rejects it or hold_until passes.
CREATE TABLE reviews (
  tenant_id text NOT NULL,
  id text NOT NULL,
  action text NOT NULL,            -- the guarded action: redeem, issue, claim …
  kind text NOT NULL,              -- the ReviewHandler that holds and replays it
  input jsonb NOT NULL,            -- what approval replays, without secrets (no code, PIN or one-time code)
  subjects jsonb NOT NULL,         -- member, card, store, template … as the guard saw them
  amount bigint,                   -- fen at stake, when there is one
  decision_id text,                -- the risk decision that sent it here
  rules jsonb NOT NULL,            -- the rules hit: [{ id, name }]
  requested_by text NOT NULL,      -- the key / operator session that asked (a clerk or channel sees its own)
  requester jsonb NOT NULL,        -- that caller (role, stores, channel) as approval acts for it
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
  hold_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  reason text,
  result jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX reviews_list ON reviews (tenant_id, status, id DESC);
CREATE INDEX reviews_requester ON reviews (tenant_id, requested_by, id DESC);
CREATE INDEX reviews_due ON reviews (hold_until) WHERE status = 'pending';
