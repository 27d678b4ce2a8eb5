-- the channel tree 渠道树: 总代 → 区域代理 → 门店/团长 → KOC, any depth.
-- path is the ids from the root down, '/'-separated and closed ('/chn_a/chn_b/'): a subtree is one
-- prefix test, and moving a channel rewrites its subtree's paths in one statement.
ALTER TABLE channels ADD COLUMN parent_id text;
ALTER TABLE channels ADD COLUMN path text;
ALTER TABLE channels ADD COLUMN depth integer NOT NULL DEFAULT 0;
ALTER TABLE channels ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended'));
ALTER TABLE channels ADD COLUMN regions text[] NOT NULL DEFAULT '{}';
ALTER TABLE channels ADD COLUMN store_tags text[] NOT NULL DEFAULT '{}';
ALTER TABLE channels ADD COLUMN price_level text;
ALTER TABLE channels ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE channels SET path = '/' || id || '/';
ALTER TABLE channels ALTER COLUMN path SET NOT NULL;
ALTER TABLE channels ADD CONSTRAINT channels_parent FOREIGN KEY (tenant_id, parent_id) REFERENCES channels (tenant_id, id);
CREATE INDEX channels_path ON channels (tenant_id, path text_pattern_ops);
CREATE INDEX channels_parent_idx ON channels (tenant_id, parent_id);
