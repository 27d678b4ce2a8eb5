-- An enterprise buyer 企业客户 of wholesale orders owns its prepaid balance 预存款 (an account of fen,
-- lower bound 0): recharges are transfers into it, a prepaid payment is a transfer out of it.
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_owner_type_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_owner_type_check CHECK (owner_type IN ('card', 'member', 'channel', 'tenant', 'buyer'));
