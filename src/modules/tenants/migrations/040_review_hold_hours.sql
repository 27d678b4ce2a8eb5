-- 人工审核: how long an action sent to review holds what it would take before it expires (docs/risk.md "Reviews").
ALTER TABLE tenants ADD COLUMN review_hold_hours int NOT NULL DEFAULT 24 CHECK (review_hold_hours BETWEEN 1 AND 720);
