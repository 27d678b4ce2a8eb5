-- Growth value 成长值 (the points module, docs/membership.md) is a member asset of its own: earned
-- like points, never spent, clawed back on refund. Its accounts and transfers are the ledger's like
-- every other asset's.
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_asset_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_asset_check CHECK (asset IN ('fen', 'uses', 'stamps', 'points', 'quota', 'growth'));
ALTER TABLE ledger_transfers DROP CONSTRAINT ledger_transfers_asset_check;
ALTER TABLE ledger_transfers ADD CONSTRAINT ledger_transfers_asset_check CHECK (asset IN ('fen', 'uses', 'stamps', 'points', 'quota', 'growth'));
