-- redemptions by value and by order amount (written once; a reversal changes neither)
CREATE INDEX redemptions_amount_sort ON redemptions (tenant_id, amount, id);
CREATE INDEX redemptions_order_amount_sort ON redemptions (tenant_id, (coalesce(order_amount, -1)), id);
