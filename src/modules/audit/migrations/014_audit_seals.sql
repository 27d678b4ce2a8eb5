-- audit seals 审计封存: the keyed chain over the audit log, append-only. The sealer writes one row
-- per block and never touches audit_entries. Seal n of a tenant covers exactly the entries named
-- in entry_ids, in chain order; mac = HMAC-SHA256(audit key, mac of seal n-1 ‖ seal n ‖ its entries).
-- Without the key nobody can write a seal that verifies.
CREATE TABLE audit_seals (
  tenant_id text NOT NULL,
  seq bigint NOT NULL,          -- 1, 2, 3… per tenant, no gaps
  entry_ids bigint[] NOT NULL,  -- the audit_entries it covers, in chain order
  entries bigint NOT NULL,      -- entries covered by seals 1..seq
  sealed_at timestamptz NOT NULL,
  mac bytea NOT NULL,
  -- the sealer's bookkeeping, not covered by the mac (verification never trusts it):
  done_id bigint NOT NULL,      -- every entry with an id <= done_id is covered by seals 1..seq
  seen_id bigint NOT NULL,      -- every entry this seal's scan could see with an id <= seen_id is covered
  high_id bigint NOT NULL,      -- the highest entry id covered by seals 1..seq
  txid_max bigint NOT NULL,     -- transactions with an id below this had begun when the seal was written
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_seals_high ON audit_seals (tenant_id, high_id, seq);
CREATE INDEX audit_seals_done ON audit_seals (tenant_id, done_id, seq);
-- The old unkeyed chain (seq/prev_hash/hash rewritten on every entry, audit_heads) protected nothing
-- from someone with database write access. Its entries stay; the sealer covers them with the keyed
-- chain on its first run, from seal 1, in id order.
DROP INDEX audit_chain;
DROP INDEX audit_unsealed;
ALTER TABLE audit_entries DROP COLUMN seq;
ALTER TABLE audit_entries DROP COLUMN prev_hash;
ALTER TABLE audit_entries DROP COLUMN hash;
DROP TABLE audit_heads;
