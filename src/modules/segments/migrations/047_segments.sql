-- Segments and tags 人群与标签 (docs/growth.md "Segments and tags").
-- A member's tags: one row per (member, tag), saying what set it (an operator, a CSV import, a rule).
CREATE TABLE member_tags (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  tag text NOT NULL,                 -- trimmed, 1–32 characters
  source_kind text NOT NULL,         -- operator, import, rule, demo, …
  source_id text NOT NULL,           -- who or what: an operator's actor, an import's request, a rule's id
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, member_id, tag)
);
-- "members with tag X" (a segment's tag condition, the tag list's counts) reads this index alone
CREATE INDEX member_tags_tag ON member_tags (tenant_id, tag, member_id);

-- A segment 人群: a named set of conditions over members, evaluated in SQL when asked (never stored lists).
CREATE TABLE segments (
  tenant_id text NOT NULL,
  id text NOT NULL,                  -- seg_…
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  conditions jsonb NOT NULL,         -- { all: [...] } or { any: [...] }, nesting ≤ 2
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,            -- deleted: gone from lists and reads; the seams answer it as empty
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX segments_name ON segments (tenant_id, name) WHERE deleted_at IS NULL;
