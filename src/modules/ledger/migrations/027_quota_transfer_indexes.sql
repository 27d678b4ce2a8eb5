-- A channel's quota account 渠道配额 is read by its flows (granted, passed on, issued): index the
-- quota transfers by either side. Partial, so card value's transfers (the hot path) pay nothing.
CREATE INDEX ledger_transfers_quota_debit ON ledger_transfers (tenant_id, debit_account) WHERE asset = 'quota';
CREATE INDEX ledger_transfers_quota_credit ON ledger_transfers (tenant_id, credit_account) WHERE asset = 'quota';
