-- per-member issue counts, so a per-member limit is one conditional upsert, not a count-then-insert
CREATE TABLE member_template_counts (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  template_id text NOT NULL,
  issued int NOT NULL,
  PRIMARY KEY (tenant_id, member_id, template_id)
);
