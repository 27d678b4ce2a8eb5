-- Ledger 流水 as accounts and transfers: TigerBeetle's model, in PostgreSQL.
--
-- An account has an owner (card, member, channel, tenant), an asset (fen, uses, stamps, points,
-- quota) and optional bounds. A transfer moves a positive amount of one asset from its debit account
-- to its credit account, with a reason code and a reference (for card value: the redemption id).
-- An account's balance is its credits minus its debits. Transfers are append-only: a reversal is a
-- new transfer with the accounts swapped that points at the one it reverses (`reverses`), and a
-- transfer is reversed at most once (unique index).
--
-- An account reference is text, one of:
--  * a card id ('card_…'): the card's implicit account of the transfer's asset (fen = its balance,
--    uses = uses_left, stamps). It has no row here: the card row is its definition and caches its
--    balance, and the card's CHECK (>= 0) is its lower bound. So a million-code batch writes no
--    accounts, and a redemption still writes one card row and one transfer.
--  * a ledger_accounts id (never starting 'card_'). Each tenant has counter-accounts for card value,
--    one per asset, with fixed ids: issued.<asset> (issue, top-up, refill, and the stamps a stamp
--    gives: the stamps source), redeemed.<asset> (redemptions, stamps spent on a reward),
--    expired.<asset> (expiry, period close) and voided.<asset>. They are unbounded and never
--    updated: a tenant-wide row touched by every redemption would serialise all redemptions. Their
--    balances are sums over the transfers, computed when asked.
--  * a bounded account (a member's points, a channel's quota: any account with a lower or upper
--    bound) caches its balance in its row. The transfer statement locks it and moves the balance
--    only when it stays within the bounds, so concurrent transfers can never take it past one.
--
-- A transfer touches at most one card account: the index of "the transfers of this card" is one
-- expression index over whichever side is a card (ledger_card_of). Moving value between two cards
-- goes through an explicit account, as two transfers.
CREATE TABLE ledger_accounts (
  tenant_id text NOT NULL,
  id text NOT NULL CHECK (NOT starts_with(id, 'card_')),
  owner_type text NOT NULL CHECK (owner_type IN ('card', 'member', 'channel', 'tenant')),
  owner_id text NOT NULL,
  asset text NOT NULL CHECK (asset IN ('fen', 'uses', 'stamps', 'points', 'quota')),
  name text NOT NULL,               -- what the account is for, among its owner's accounts of that asset
  lower_bound bigint,
  upper_bound bigint CHECK (upper_bound >= lower_bound),
  balance bigint CHECK (balance >= lower_bound AND balance <= upper_bound), -- kept for bounded accounts only
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, owner_type, owner_id, asset, name),
  CHECK ((balance IS NOT NULL) = (lower_bound IS NOT NULL OR upper_bound IS NOT NULL))
);

CREATE FUNCTION ledger_card_of(debit text, credit text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN starts_with(debit, 'card_') THEN debit WHEN starts_with(credit, 'card_') THEN credit END $$;

CREATE TABLE ledger_transfers (
  tenant_id text NOT NULL,
  id bigserial,
  asset text NOT NULL CHECK (asset IN ('fen', 'uses', 'stamps', 'points', 'quota')),
  amount bigint NOT NULL CHECK (amount > 0),
  debit_account text NOT NULL,
  credit_account text NOT NULL,
  reason text NOT NULL,             -- issue, redeem, stamp, reward, reverse, top_up, refill, period_close, expire, void, …
  reference text,                   -- what the transfer belongs to: for card value, the redemption
  reverses bigint,                  -- the transfer this one reverses
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (debit_account <> credit_account),
  CHECK (NOT (starts_with(debit_account, 'card_') AND starts_with(credit_account, 'card_')))
);
CREATE INDEX ledger_transfers_card ON ledger_transfers (tenant_id, ledger_card_of(debit_account, credit_account), id);
CREATE UNIQUE INDEX ledger_transfers_reverses ON ledger_transfers (tenant_id, reverses) WHERE reverses IS NOT NULL;

-- every tenant's counter-accounts for card value (new tenants get them from createTenant)
INSERT INTO ledger_accounts (tenant_id, id, owner_type, owner_id, asset, name, created_at)
SELECT t.id, n.name || '.' || a.asset, 'tenant', t.id, a.asset, n.name, now()
FROM tenants t, (VALUES ('issued'), ('redeemed'), ('expired'), ('voided')) AS n(name), (VALUES ('fen'), ('uses'), ('stamps')) AS a(asset);

-- The old entries become transfers, in their order: one per asset an entry moved (an entry that
-- moved nothing, like a card handed to another member, becomes none). A "reverse" entry becomes
-- one reversal of each transfer its redemption made on that card (together they gave back exactly
-- what the entry did: the sums were equal and opposite, the old invariant). An entry type without a
-- counter-account fails here (NULL account) rather than being lost.
WITH moved AS (
  SELECT e.tenant_id, e.id AS entry_id, a.ord, e.card_id, e.entry_type, e.redemption_id, e.created_at, a.asset, a.delta
  FROM ledger_entries e
  CROSS JOIN LATERAL (VALUES (1, 'fen', e.amount), (2, 'uses', e.uses::int8), (3, 'stamps', e.stamps::int8)) AS a(ord, asset, delta)
  WHERE a.delta <> 0 AND e.entry_type <> 'reverse'
),
expanded AS (
  SELECT tenant_id, entry_id AS k1, 0::int8 AS k2, ord AS k3, entry_id AS orig_entry, ord AS orig_ord, false AS is_reversal,
    card_id, entry_type, redemption_id, created_at, asset, delta
  FROM moved
  UNION ALL
  SELECT r.tenant_id, r.id, m.entry_id, m.ord, m.entry_id, m.ord, true, m.card_id, 'reverse', r.redemption_id, r.created_at, m.asset, -m.delta
  FROM ledger_entries r
  JOIN moved m ON m.tenant_id = r.tenant_id AND m.card_id = r.card_id AND m.redemption_id = r.redemption_id
  WHERE r.entry_type = 'reverse'
),
numbered AS (SELECT x.*, row_number() OVER (ORDER BY k1, k2, k3) AS new_id FROM expanded x),
counters (reason, counter) AS (
  VALUES ('issue', 'issued'), ('top_up', 'issued'), ('refill', 'issued'), ('stamp', 'issued'), ('redeem', 'redeemed'),
    ('reward', 'redeemed'), ('expire', 'expired'), ('period_close', 'expired'), ('void', 'voided')
)
INSERT INTO ledger_transfers (tenant_id, id, asset, amount, debit_account, credit_account, reason, reference, reverses, created_at)
SELECT n.tenant_id, n.new_id, n.asset, abs(n.delta),
  CASE WHEN n.delta < 0 THEN n.card_id ELSE k.counter || '.' || n.asset END,
  CASE WHEN n.delta < 0 THEN k.counter || '.' || n.asset ELSE n.card_id END,
  n.entry_type, n.redemption_id, o.new_id, n.created_at
FROM numbered n
LEFT JOIN numbered o ON n.is_reversal AND NOT o.is_reversal AND o.orig_entry = n.orig_entry AND o.orig_ord = n.orig_ord
LEFT JOIN moved m ON m.entry_id = n.orig_entry AND m.ord = n.orig_ord
LEFT JOIN counters k ON k.reason = m.entry_type
ORDER BY n.new_id;

SELECT setval(pg_get_serial_sequence('ledger_transfers', 'id'), coalesce(max(id), 0) + 1, false) FROM ledger_transfers;

DROP TABLE ledger_entries;

-- The old table's rows, read from the transfers in the card's perspective (signed: what the card
-- gained or lost), for SQL written against it. Read-only: write transfers.
CREATE VIEW ledger_entries AS
SELECT t.tenant_id, t.id, ledger_card_of(t.debit_account, t.credit_account) AS card_id, t.reason AS entry_type,
  CASE WHEN t.asset = 'fen' THEN s.delta ELSE 0 END AS amount,
  (CASE WHEN t.asset = 'uses' THEN s.delta ELSE 0 END)::int AS uses,
  (CASE WHEN t.asset = 'stamps' THEN s.delta ELSE 0 END)::int AS stamps,
  t.reference AS redemption_id, t.created_at
FROM ledger_transfers t
CROSS JOIN LATERAL (SELECT CASE WHEN starts_with(t.credit_account, 'card_') THEN t.amount ELSE -t.amount END AS delta) AS s
WHERE ledger_card_of(t.debit_account, t.credit_account) IS NOT NULL;
