-- Sorted lists (?sort=…): keyset pages walk (sort key, id). Only the large tables a sort would
-- otherwise scan get an index; stores, templates, batches and webhook endpoints are small per tenant.
-- Cards are not indexed by balance or valid_until on purpose: balance changes with every redemption.

-- members by name (the list sorts a missing name as '')
CREATE INDEX members_name_sort ON members (tenant_id, (coalesce(name, '')), id);
