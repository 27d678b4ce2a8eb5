-- Stock held for issues waiting for review 人工审核 (on-issue batches): taken from what is left
-- (issued + held <= stock) until the review is approved (the card is issued) or not (given back).
ALTER TABLE batches ADD COLUMN held int NOT NULL DEFAULT 0 CHECK (held >= 0);
