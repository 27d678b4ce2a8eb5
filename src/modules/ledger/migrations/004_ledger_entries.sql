-- Append-only. A card's balance/uses_left/stamps always equal the sums of its entries here.
CREATE TABLE ledger_entries (
  tenant_id text NOT NULL,
  id bigserial,
  card_id text NOT NULL,
  entry_type text NOT NULL,   -- issue, redeem, reverse, top_up, refill, period_close, stamp, reward, expire, void
  amount bigint NOT NULL DEFAULT 0,
  uses int NOT NULL DEFAULT 0,
  stamps int NOT NULL DEFAULT 0,
  redemption_id text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ledger_card ON ledger_entries (tenant_id, card_id, id);
