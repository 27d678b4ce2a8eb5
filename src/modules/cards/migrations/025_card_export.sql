-- Which export took a card out of stock (batch_exports): the export history re-renders the same file
-- from these rows. Codes that are still stock outside members' hands — exported or issued without a
-- member, not yet bound — are what the dashboard counts apart from the cards members hold.
ALTER TABLE cards ADD COLUMN export_id text;
CREATE INDEX cards_export ON cards (tenant_id, export_id, seq) WHERE export_id IS NOT NULL;
CREATE INDEX cards_bearer ON cards (tenant_id, template_id, batch_id) WHERE member_id IS NULL AND state IN ('active', 'frozen');
